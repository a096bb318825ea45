/** Solve one named instance once with one solver; print {ms, total, rssMb} as JSON (a fresh process per run). */
import { solveAssignment } from '@tandem/domain/matching/assignment';
import { munkres } from 'munkres';
import { INSTANCES } from './instances';

export function runTandem(name: string) {
  const p = INSTANCES[name]!();
  const t0 = performance.now();
  const r = solveAssignment(p);
  return { ms: performance.now() - t0, total: r.total };
}

/** munkres v2 minimises cost over a matrix of rows; capacities become duplicated columns. */
export function runMunkres(name: string) {
  const p = INSTANCES[name]!();
  if (p.edges.kind !== 'dense') throw new Error('munkres runs on dense instances only');
  const scores = p.edges.scores;
  const cols: number[] = [];
  for (let c = 0; c < p.cols; c++) for (let k = 0; k < Number(p.capacity[c]); k++) cols.push(c);
  const matrix: number[][] = [];
  for (let r = 0; r < p.rows; r++) {
    const row = new Array<number>(cols.length);
    for (let k = 0; k < cols.length; k++) row[k] = 1 - scores[r * p.cols + cols[k]!]!;
    matrix.push(row);
  }
  const t0 = performance.now();
  const pairs = munkres(matrix);
  const ms = performance.now() - t0;
  let total = 0;
  for (const [r, k] of pairs) total += scores[r * p.cols + cols[k]!]!;
  return { ms, total };
}

const [solver, name] = process.argv.slice(2);
if (solver && name) {
  const out = solver === 'munkres' ? runMunkres(name) : runTandem(name);
  process.stdout.write(`${JSON.stringify({ ...out, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
