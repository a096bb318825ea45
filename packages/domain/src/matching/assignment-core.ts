/**
 * The "core" of an allocation problem: for each participant, only its best
 * few mentors. Optimal allocations use almost only such edges, so solving the
 * core is much cheaper than solving the full score matrix. The core's duals
 * then certify the answer for the whole input: if no edge outside the core has
 * a negative reduced cost, the core's optimum is the full problem's optimum
 * (LP duality). Edges that do are added and the core is solved again.
 */
import type { DenseEdges, SparseEdges } from './assignment-types';

/** The validated problem in canonical order, as the core builder and the check read it. */
export interface Instance {
  readonly rows: number;
  readonly cols: number;
  readonly edges: DenseEdges | SparseEdges;
  /** Rows to solve (not fixed), as original indices in canonical order. */
  readonly solveRows: Int32Array;
  /** Canonical column → original column, and back. */
  readonly colOrder: Int32Array;
  readonly colRank: Int32Array;
  /** Places left per canonical column once fixed pairs are counted. */
  readonly capLeft: Int32Array;
  /** Original row → forbidden original columns. */
  readonly forbidden: ReadonlyMap<number, readonly number[]>;
  /** The highest feasible score: cost = maxScore − score ≥ 0. */
  readonly maxScore: number;
}

export interface Core {
  /** CSR over solve rows, canonical columns ascending per row. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly cost: Float64Array;
  /** 1 where a row's core holds all its usable edges (nothing outside it to check). */
  readonly complete: Uint8Array;
}

/** Edges added to a row after a check found them with a negative reduced cost. */
export interface Extra {
  readonly cols: number[];
  readonly scores: number[];
}

export interface Degrees {
  /** Feasible, not forbidden edges per solve row, whatever the mentor's capacity. */
  readonly eligible: Int32Array;
}

/** Growable CSR columns and costs. */
class EdgeBuffer {
  col = new Int32Array(1024);
  cost = new Float64Array(1024);
  size = 0;
  push(c: number, cost: number) {
    if (this.size === this.col.length) {
      const col = new Int32Array(this.col.length * 2);
      col.set(this.col);
      this.col = col;
      const cs = new Float64Array(this.cost.length * 2);
      cs.set(this.cost);
      this.cost = cs;
    }
    this.col[this.size] = c;
    this.cost[this.size++] = cost;
  }
}

/**
 * Builds the core: per solve row, its `limit[t]` best usable edges by score
 * (ties to the lower canonical column; −1 = all of them) plus its extras.
 * `degrees`, when given, is filled with each row's eligible edge count.
 */
export function buildCore(
  inst: Instance,
  limit: Int32Array,
  extras: readonly (Extra | undefined)[],
  degrees?: Degrees,
): Core {
  const { cols, edges, solveRows, colRank, capLeft, forbidden, maxScore } = inst;
  const T = solveRows.length;
  const rowStart = new Int32Array(T + 1);
  const complete = new Uint8Array(T);
  const out = new EdgeBuffer();

  // Per-row scratch: the selection heap (worst on top), column marks, score by canonical column.
  let heapSize = 16;
  for (let t = 0; t < T; t++) if (limit[t]! > heapSize) heapSize = limit[t]!;
  heapSize = Math.min(heapSize, cols);
  const selScore = new Float64Array(heapSize);
  const selRank = new Int32Array(heapSize);
  const forbidMark = new Int32Array(cols).fill(-1);
  const listed = new Int32Array(cols).fill(-1);
  const kept = new Int32Array(cols).fill(-1);
  const usableCol = new Uint8Array(cols);
  for (let c = 0; c < cols; c++) usableCol[c] = capLeft[colRank[c]!]! > 0 ? 1 : 0;
  const scoreOf = new Float64Array(cols);
  let picked = new Int32Array(Math.max(16, heapSize));

  for (let t = 0; t < T; t++) {
    const r = solveRows[t]!;
    const k = limit[t]! < 0 ? cols : Math.min(limit[t]!, cols);
    const banned = forbidden.get(r);
    if (banned) for (const c of banned) forbidMark[c] = t;
    let n = 0;
    let eligible = 0;
    let usable = 0;

    if (edges.kind === 'dense') {
      const scores = edges.scores;
      const off = r * cols;
      for (let c = 0; c < cols; c++) {
        const s = scores[off + c]!;
        // NaN and −Infinity fail this test: infeasible pairs.
        if (!(s > Number.NEGATIVE_INFINITY) || forbidMark[c] === t) continue;
        eligible++;
        if (usableCol[c] === 0) continue;
        usable++;
        const rank = colRank[c]!;
        // Most edges lose to the worst kept one and are rejected here.
        if (n < k) n = heapAdd(selScore, selRank, n, s, rank);
        else if (s > selScore[0]! || (s === selScore[0] && rank < selRank[0]!))
          heapReplaceTop(selScore, selRank, n, s, rank);
      }
    } else {
      const { rowStart: rs, colIndex, score } = edges;
      for (let e = rs[r]!, end = rs[r + 1]!; e < end; e++) {
        const c = colIndex[e]!;
        if (listed[c] === t) throw new RangeError(`pair ${r},${c} is listed twice`);
        listed[c] = t;
        const s = score[e]!;
        if (!(s > Number.NEGATIVE_INFINITY) || forbidMark[c] === t) continue;
        eligible++;
        if (usableCol[c] === 0) continue;
        usable++;
        const rank = colRank[c]!;
        if (n < k) n = heapAdd(selScore, selRank, n, s, rank);
        else if (s > selScore[0]! || (s === selScore[0] && rank < selRank[0]!))
          heapReplaceTop(selScore, selRank, n, s, rank);
      }
    }
    if (degrees) degrees.eligible[t] = eligible;
    complete[t] = n === usable ? 1 : 0;

    // Kept edges and extras, deduplicated, then in canonical column order.
    const extra = extras[t];
    const need = n + (extra ? extra.cols.length : 0);
    if (picked.length < need) picked = new Int32Array(need * 2);
    let m = 0;
    for (let x = 0; x < n; x++) {
      const rank = selRank[x]!;
      kept[rank] = t;
      scoreOf[rank] = selScore[x]!;
      picked[m++] = rank;
    }
    if (extra) {
      for (let x = 0; x < extra.cols.length; x++) {
        const rank = extra.cols[x]!;
        if (kept[rank] === t) continue;
        kept[rank] = t;
        scoreOf[rank] = extra.scores[x]!;
        picked[m++] = rank;
      }
    }
    const row = picked.subarray(0, m);
    row.sort();
    for (let x = 0; x < m; x++) out.push(row[x]!, maxScore - scoreOf[row[x]!]!);
    rowStart[t + 1] = out.size;
  }
  return { rowStart, col: out.col.subarray(0, out.size), cost: out.cost.subarray(0, out.size), complete };
}

/**
 * Finds usable edges outside the core whose reduced cost under the core's
 * duals is negative, per row, most negative first (at most `perRow`).
 * Returns an empty map when the core's optimum is optimal for the full input.
 */
export function findViolations(
  inst: Instance,
  core: Core,
  u: Float64Array,
  v: Float64Array,
  perRow: number,
): Map<number, Extra> {
  const { cols, edges, solveRows, colRank, colOrder, capLeft, forbidden, maxScore } = inst;
  const T = solveRows.length;
  // Prices in original column order; a full (capacity 0) column can never violate.
  const price = new Float64Array(cols);
  let maxAbsV = 0;
  for (let c = 0; c < cols; c++) {
    const rank = colRank[c]!;
    price[c] = capLeft[rank]! > 0 ? v[rank]! : Number.NEGATIVE_INFINITY;
    if (capLeft[rank]! > 0) maxAbsV = Math.max(maxAbsV, Math.abs(v[rank]!));
  }
  const mark = new Int32Array(cols).fill(-1);
  const found = new Map<number, Extra>();
  let candCols: number[] = [];
  let candScores: number[] = [];
  let candRed: number[] = [];

  for (let t = 0; t < T; t++) {
    if (core.complete[t]) continue;
    const r = solveRows[t]!;
    const ui = u[t]!;
    // Rounding in the potentials is relative to their size; below this a "violation" is noise.
    const threshold = -1e-10 * (Math.abs(ui) + maxAbsV + Math.abs(maxScore) + 1);
    for (let e = core.rowStart[t]!, end = core.rowStart[t + 1]!; e < end; e++)
      mark[colOrder[core.col[e]!]!] = t;
    const banned = forbidden.get(r);
    if (banned) for (const c of banned) mark[c] = t;
    candCols = [];
    candScores = [];
    candRed = [];
    if (edges.kind === 'dense') {
      const scores = edges.scores;
      const off = r * cols;
      for (let c = 0; c < cols; c++) {
        const s = scores[off + c]!;
        const red = maxScore - s - ui - price[c]!;
        if (red < threshold && mark[c] !== t) {
          candCols.push(colRank[c]!);
          candScores.push(s);
          candRed.push(red);
        }
      }
    } else {
      const { rowStart, colIndex, score } = edges;
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
        const c = colIndex[e]!;
        const s = score[e]!;
        const red = maxScore - s - ui - price[c]!;
        if (red < threshold && mark[c] !== t) {
          candCols.push(colRank[c]!);
          candScores.push(s);
          candRed.push(red);
        }
      }
    }
    if (candCols.length === 0) continue;
    if (candCols.length <= perRow) {
      found.set(t, { cols: candCols, scores: candScores });
      continue;
    }
    const order = candRed
      .map((_, i) => i)
      .sort((a, b) => candRed[a]! - candRed[b]! || candCols[a]! - candCols[b]!);
    const keep = order.slice(0, perRow);
    found.set(t, { cols: keep.map((i) => candCols[i]!), scores: keep.map((i) => candScores[i]!) });
  }
  return found;
}

/* The selection heap keeps the worst kept edge on top: lower score, or equal score and higher column. */
const worse = (s1: number, r1: number, s2: number, r2: number) => s1 < s2 || (s1 === s2 && r1 > r2);

function heapAdd(score: Float64Array, rank: Int32Array, n: number, s: number, r: number): number {
  let i = n;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(s, r, score[p]!, rank[p]!)) break;
    score[i] = score[p]!;
    rank[i] = rank[p]!;
    i = p;
  }
  score[i] = s;
  rank[i] = r;
  return n + 1;
}

function heapReplaceTop(score: Float64Array, rank: Int32Array, n: number, s: number, r: number) {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    const right = child + 1;
    if (right < n && worse(score[right]!, rank[right]!, score[child]!, rank[child]!)) child = right;
    if (!worse(score[child]!, rank[child]!, s, r)) break;
    score[i] = score[child]!;
    rank[i] = rank[child]!;
    i = child;
  }
  score[i] = s;
  rank[i] = r;
}
