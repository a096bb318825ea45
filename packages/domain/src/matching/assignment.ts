/**
 * Exact batch allocation of participants (rows) to mentors (columns) with
 * mentor capacities — the cohort matching of SIVA-1 and CM-2.
 *
 * Objective, in order: place as many participants as possible, then maximise
 * the total score (programs want everyone placed who can be). When every row
 * can be placed this is the classic rectangular assignment problem, so dense
 * results are directly comparable with a Hungarian solver.
 *
 * Method (docs/decisions/010-matching-solver.md):
 * 1. Canonical order: rows and columns sorted by their keys when given.
 * 2. Core: each row keeps only its best few usable edges.
 * 3. The core is solved exactly by shortest augmenting paths with native
 *    capacities (assignment-paths.ts), which also yields LP duals.
 * 4. Every edge outside the core is checked against those duals; edges with a
 *    negative reduced cost join the core and step 3 runs again. When none is
 *    left, the duals prove the allocation optimal for the whole input.
 *
 * Ties: among allocations of equal size and score, the result is the one the
 * search meets first when rows are placed in canonical order, a row prefers
 * the lower canonical column at equal cost, and a placement beats leaving a
 * row out. The result depends only on the content of the problem when keys are
 * given, never on the order it was listed in.
 *
 * Invalid input (sizes, +Infinity scores, a pair listed twice, a fixed pair
 * that is infeasible, forbidden or over capacity) throws a RangeError: it is a
 * caller's mistake, not a program rule.
 */
import { findViolations } from './assignment-check';
import { costsOf, firstCore, growCore, type Instance } from './assignment-core';
import { solvePaths } from './assignment-paths';
import type { AssignmentProblem, AssignmentResult, SparseEdges, UnassignedReason } from './assignment-types';

export type {
  AssignmentProblem,
  AssignmentResult,
  DenseEdges,
  Pair,
  SparseEdges,
  UnassignedReason,
} from './assignment-types';

/**
 * Edges per row in the first core. With 16, every benchmark instance (uniform
 * random scores, n up to 5,000, capacities 1–5, sparse cohorts) is proved
 * optimal after the first solve; with 12 dense ones need a second round.
 */
export const CORE_EDGES_PER_ROW = 16;
/** A row that violated this many times gets all its edges; after the second limit every row does, so the loop ends. */
const ROUNDS_BEFORE_FULL_ROWS = 3;
const ROUNDS_BEFORE_FULL_CORE = 8;

export interface AssignmentOptions {
  /** Edges per row in the first core (tests use 1 to exercise the check-and-grow loop). */
  readonly coreEdgesPerRow?: number;
}

export function solveAssignment(p: AssignmentProblem, options: AssignmentOptions = {}): AssignmentResult {
  const perRow = Math.max(1, Math.floor(options.coreEdgesPerRow ?? CORE_EDGES_PER_ROW));
  const { rows, cols } = p;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new RangeError('rows and cols must be whole numbers ≥ 0');
  if (p.capacity.length < cols) throw new RangeError('capacity needs one entry per column');
  checkEdges(p);

  const rowOrder = canonicalOrder(rows, p.rowKeys, 'rowKeys');
  const colOrder = canonicalOrder(cols, p.colKeys, 'colKeys');
  const colRank = new Int32Array(cols);
  for (let k = 0; k < cols; k++) colRank[colOrder[k]!] = k;

  const forbidden = new Map<number, number[]>();
  for (const [r, c] of p.forbidden ?? []) {
    inRange(r, c, p, 'forbidden');
    const list = forbidden.get(r);
    if (list) list.push(c);
    else forbidden.set(r, [c]);
  }

  const capLeft = new Int32Array(cols);
  for (let c = 0; c < cols; c++) capLeft[colRank[c]!] = Math.max(0, Math.floor(Number(p.capacity[c]) || 0));
  const fixedCol = new Int32Array(rows).fill(-1);
  for (const [r, c] of p.fixed ?? []) {
    inRange(r, c, p, 'fixed');
    if (fixedCol[r] !== -1) throw new RangeError(`row ${r} is fixed twice`);
    if (!(scoreAt(p, r, c) > Number.NEGATIVE_INFINITY))
      throw new RangeError(`fixed pair ${r},${c} is not feasible`);
    if (forbidden.get(r)?.includes(c)) throw new RangeError(`fixed pair ${r},${c} is also forbidden`);
    if (capLeft[colRank[c]!]! <= 0) throw new RangeError(`fixed pairs exceed the capacity of column ${c}`);
    fixedCol[r] = c;
    capLeft[colRank[c]!]!--;
  }

  const solveRows = rowOrder.filter((r) => fixedCol[r] === -1);
  const T = solveRows.length;
  const inst: Instance = { rows, cols, edges: p.edges, solveRows, colOrder, colRank, capLeft, forbidden };

  const first = firstCore(inst, perRow);
  const maxScore = first.max;
  // Leaving a row out must cost more than any change in score the other rows could make up.
  const big = (first.max - first.min + 1) * (T + 1);
  const violated = new Int32Array(T);
  let core = first.core;
  let rounds = 0;
  let solved: ReturnType<typeof solvePaths>;
  for (;;) {
    rounds++;
    solved = solvePaths({
      rows: T,
      cols,
      capacity: capLeft,
      rowStart: core.rowStart,
      col: core.col,
      cost: costsOf(core, maxScore),
      big,
    });
    const violations = findViolations(inst, core, solved.u, solved.v, maxScore, 4 * perRow);
    if (violations.size === 0) break;
    let full: Set<number> | 'all' = new Set<number>();
    if (rounds >= ROUNDS_BEFORE_FULL_CORE) full = 'all';
    else for (const t of violations.keys()) if (++violated[t]! >= ROUNDS_BEFORE_FULL_ROWS) full.add(t);
    core = growCore(inst, core, violations, full);
  }

  const assignment = new Int32Array(rows).fill(-1);
  for (let r = 0; r < rows; r++) assignment[r] = fixedCol[r]!;
  const reasonOf = new Map<number, UnassignedReason>();
  for (let t = 0; t < T; t++) {
    const r = solveRows[t]!;
    const c = solved.rowCol[t]!;
    if (c >= 0) assignment[r] = colOrder[c]!;
    else reasonOf.set(r, first.eligible[t] === 0 ? 'no_eligible_mentor' : 'capacity_exhausted');
  }
  // Summed in canonical order, so a reordered input gives the same total to the last bit.
  let total = 0;
  let assigned = 0;
  for (let k = 0; k < rows; k++) {
    const r = rowOrder[k]!;
    const c = assignment[r]!;
    if (c < 0) continue;
    assigned++;
    total += scoreAt(p, r, c);
  }
  const unassigned = [...reasonOf.keys()]
    .sort((a, b) => a - b)
    .map((row) => ({ row, reason: reasonOf.get(row)! }));
  return { assignment, assigned, total, unassigned, stats: { rounds, coreEdges: core.col.length } };
}

/** The score of a pair as given (NaN when the sparse input does not list it). */
export function scoreOf(p: AssignmentProblem, r: number, c: number): number {
  return scoreAt(p, r, c);
}

/** Builds CSR edges from a list of (row, col, score) triples, in row order. */
export function sparseEdges(
  rows: number,
  list: readonly { readonly row: number; readonly col: number; readonly score: number }[],
): SparseEdges {
  const rowStart = new Int32Array(rows + 1);
  for (const e of list) {
    if (!Number.isInteger(e.row) || e.row < 0 || e.row >= rows)
      throw new RangeError(`row ${e.row} out of range`);
    rowStart[e.row + 1]!++;
  }
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const next = rowStart.slice(0, rows);
  const colIndex = new Int32Array(list.length);
  const score = new Float64Array(list.length);
  for (const e of list) {
    const at = next[e.row]!++;
    colIndex[at] = e.col;
    score[at] = e.score;
  }
  return { kind: 'sparse', rowStart, colIndex, score };
}

function scoreAt(p: AssignmentProblem, r: number, c: number): number {
  const edges = p.edges;
  if (edges.kind === 'dense') return edges.scores[r * p.cols + c]!;
  for (let e = edges.rowStart[r]!, end = edges.rowStart[r + 1]!; e < end; e++)
    if (edges.colIndex[e] === c) return edges.score[e]!;
  return Number.NaN;
}

function inRange(r: number, c: number, p: AssignmentProblem, what: string) {
  if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || r >= p.rows || c < 0 || c >= p.cols)
    throw new RangeError(`${what} pair ${r},${c} out of range`);
}

/** Validates the shape of the edges; scores are checked as the first core reads them. */
function checkEdges(p: AssignmentProblem) {
  const edges = p.edges;
  if (edges.kind === 'dense') {
    if (edges.scores.length !== p.rows * p.cols)
      throw new RangeError('dense scores must have rows × cols entries');
    return;
  }
  const { rowStart, colIndex, score } = edges;
  if (rowStart.length !== p.rows + 1 || rowStart[0] !== 0)
    throw new RangeError('rowStart must have rows + 1 entries from 0');
  for (let r = 0; r < p.rows; r++)
    if (rowStart[r + 1]! < rowStart[r]!) throw new RangeError('rowStart must not decrease');
  if (rowStart[p.rows]! > colIndex.length || colIndex.length !== score.length)
    throw new RangeError('colIndex and score must hold every edge');
  for (let e = 0; e < rowStart[p.rows]!; e++) {
    const c = colIndex[e]!;
    if (c < 0 || c >= p.cols) throw new RangeError(`column ${c} out of range`);
  }
}

/** Indices in key order (keys must be unique); index order without keys. */
function canonicalOrder(n: number, keys: readonly string[] | undefined, what: string): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!keys) return order;
  if (keys.length !== n) throw new RangeError(`${what} needs one key per index`);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(keys[i - 1]! < keys[i]!)) sorted = false;
  if (sorted) return order;
  const idx = Array.from(order).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  for (let i = 1; i < n; i++)
    if (keys[idx[i - 1]!] === keys[idx[i]!]) throw new RangeError(`${what} must be unique: ${keys[idx[i]!]}`);
  return Int32Array.from(idx);
}
