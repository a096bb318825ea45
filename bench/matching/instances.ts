/** Seeded instances for the matching benchmark (mulberry32; same seed → same instance). */
import type { AssignmentProblem } from '@tandem/domain/matching/assignment';
import { mulberry32 as rng } from '@tandem/domain/random';

export function dense(rows: number, cols: number, capacity: number, seed: number): AssignmentProblem {
  const r = rng(seed);
  const scores = new Float64Array(rows * cols);
  for (let k = 0; k < scores.length; k++) scores[k] = r();
  return { rows, cols, capacity: new Int32Array(cols).fill(capacity), edges: { kind: 'dense', scores } };
}

/** Each row sees 2–10 % of the columns (hard constraints leave the rest out); capacities 3–5. */
export function sparse(rows: number, cols: number, seed: number): AssignmentProblem {
  const r = rng(seed);
  const rowStart = new Int32Array(rows + 1);
  const colList: number[] = [];
  const scoreList: number[] = [];
  const mark = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(cols * (0.02 + 0.08 * r()));
    const chosen: number[] = [];
    while (chosen.length < k) {
      const c = Math.floor(r() * cols);
      if (mark[c] === i) continue;
      mark[c] = i;
      chosen.push(c);
    }
    chosen.sort((a, b) => a - b);
    for (const c of chosen) {
      colList.push(c);
      scoreList.push(r());
    }
    rowStart[i + 1] = colList.length;
  }
  const capacity = new Int32Array(cols);
  for (let c = 0; c < cols; c++) capacity[c] = 3 + Math.floor(r() * 3);
  return {
    rows,
    cols,
    capacity,
    edges: {
      kind: 'sparse',
      rowStart,
      colIndex: Int32Array.from(colList),
      score: Float64Array.from(scoreList),
    },
  };
}

export const INSTANCES: Record<string, () => AssignmentProblem> = {
  'dense-200': () => dense(200, 200, 1, 200),
  'dense-500': () => dense(500, 500, 1, 500),
  'dense-1000': () => dense(1000, 1000, 1, 1000),
  'dense-2000': () => dense(2000, 2000, 1, 2000),
  'dense-5000': () => dense(5000, 5000, 1, 5000),
  'capacity-3000x1000x3': () => dense(3000, 1000, 3, 3000),
  'sparse-10000x3000': () => sparse(10000, 3000, 10000),
};
