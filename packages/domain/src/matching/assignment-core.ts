/**
 * The "core" of an allocation problem: for each participant, only its best
 * few mentors. Optimal allocations use almost only such edges, so solving the
 * core is much cheaper than solving the full score matrix. The core's duals
 * then certify the answer for the whole input: if no edge outside the core has
 * a negative reduced cost, the core's optimum is the full problem's optimum
 * (LP duality). Edges that do are added and the core is solved again.
 *
 * The full input is read twice per round at most: once to pick the first core
 * (which also measures the score range and counts each row's eligible mentors)
 * and once per check. Later cores grow from the previous one and rescan only
 * the rows that need all their edges. Per-row work sits in small functions so
 * that V8 optimises them after a few rows, not half-way through one long loop.
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
}

export interface Core {
  /** CSR over solve rows, canonical columns ascending per row. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  /** The pair's score as given (costs are derived per solve: maxScore − score). */
  readonly score: Float64Array;
  /** 1 where a row's core holds all its usable edges (nothing outside it to check). */
  readonly complete: Uint8Array;
  /**
   * Per row, a score no usable edge outside its core exceeds (the k-th best of
   * the first pass). The check skips a row whose dual shows that even such an
   * edge to a mentor at price 0 could not improve it.
   */
  readonly bound: Float64Array;
}

/** What the first pass learns besides the core. */
export interface FirstCore {
  readonly core: Core;
  /** Feasible, not forbidden edges per solve row, whatever the mentor's capacity. */
  readonly eligible: Int32Array;
  /** Highest and lowest eligible score of the solve rows (0, 0 when there is none). */
  readonly max: number;
  readonly min: number;
}

/** Edges added to a row after a check found them with a negative reduced cost (canonical columns). */
export interface Extra {
  readonly cols: number[];
  readonly scores: number[];
}

/** Growable CSR columns and scores. */
class EdgeBuffer {
  col = new Int32Array(1024);
  score = new Float64Array(1024);
  size = 0;
  push(c: number, s: number) {
    if (this.size === this.col.length) this.grow();
    this.col[this.size] = c;
    this.score[this.size++] = s;
  }
  private grow() {
    const col = new Int32Array(this.col.length * 2);
    col.set(this.col);
    this.col = col;
    const score = new Float64Array(this.score.length * 2);
    score.set(this.score);
    this.score = score;
  }
}

/**
 * Per-row scratch for picking the best `k` edges: a heap with the worst kept
 * edge on top (lower score, or equal score and higher canonical column), plus
 * the row's counts and the running score range.
 */
class Selection {
  readonly score: Float64Array;
  readonly rank: Int32Array;
  n = 0;
  k = 0;
  eligible = 0;
  usable = 0;
  max = Number.NEGATIVE_INFINITY;
  min = Number.POSITIVE_INFINITY;

  constructor(capacity: number) {
    this.score = new Float64Array(capacity);
    this.rank = new Int32Array(capacity);
  }

  start(k: number) {
    this.n = 0;
    this.k = k;
    this.eligible = 0;
    this.usable = 0;
  }

  /** An eligible edge: counted, and kept if it is among the best k so far. */
  offer(s: number, rank: number, usable: boolean) {
    if (s === Number.POSITIVE_INFINITY) throw new RangeError('a score of +Infinity cannot be compared');
    this.eligible++;
    if (s > this.max) this.max = s;
    if (s < this.min) this.min = s;
    if (!usable) return;
    this.usable++;
    if (this.n < this.k) this.add(s, rank);
    else if (s > this.score[0]! || (s === this.score[0] && rank < this.rank[0]!)) this.replaceTop(s, rank);
  }

  /** Keeps an edge known to beat the worst kept one (or the heap is not full yet). */
  keep(s: number, rank: number) {
    if (this.n < this.k) this.add(s, rank);
    else this.replaceTop(s, rank);
  }

  private add(s: number, r: number) {
    const { score, rank } = this;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(s, r, score[p]!, rank[p]!)) break;
      score[i] = score[p]!;
      rank[i] = rank[p]!;
      i = p;
    }
    score[i] = s;
    rank[i] = r;
  }

  private replaceTop(s: number, r: number) {
    const { score, rank, n } = this;
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
}

const worse = (s1: number, r1: number, s2: number, r2: number) => s1 < s2 || (s1 === s2 && r1 > r2);

/** Scratch shared by the row scans of one build: marks by row index, so nothing is cleared between rows. */
class RowMarks {
  readonly forbidden: Int32Array;
  readonly listed: Int32Array;
  readonly usable: Uint8Array;
  /** True when every column has room: the scans can skip the per-column test. */
  readonly allUsable: boolean;

  constructor(inst: Instance) {
    const { cols, capLeft, colRank } = inst;
    this.forbidden = new Int32Array(cols).fill(-1);
    this.listed = new Int32Array(cols).fill(-1);
    this.usable = new Uint8Array(cols);
    let all = true;
    for (let c = 0; c < cols; c++) {
      const u = capLeft[colRank[c]!]! > 0;
      this.usable[c] = u ? 1 : 0;
      if (!u) all = false;
    }
    this.allUsable = all;
  }
}

/** Offers every eligible edge of one row to the selection. */
function scanRow(inst: Instance, marks: RowMarks, sel: Selection, t: number, r: number) {
  const banned = inst.forbidden.get(r);
  if (banned) for (const c of banned) marks.forbidden[c] = t;
  const edges = inst.edges;
  if (edges.kind === 'dense')
    scanDense(edges.scores, r * inst.cols, inst.cols, inst.colRank, marks, sel, t, !!banned);
  else scanSparse(edges, r, inst.colRank, marks, sel, t);
}

function scanDense(
  scores: Float64Array,
  off: number,
  cols: number,
  colRank: Int32Array,
  marks: RowMarks,
  sel: Selection,
  t: number,
  hasForbidden: boolean,
) {
  const { forbidden, usable, allUsable } = marks;
  if (!hasForbidden && allUsable) {
    scanDenseOpen(scores, off, cols, colRank, sel);
    return;
  }
  for (let c = 0; c < cols; c++) {
    const s = scores[off + c]!;
    // NaN and −Infinity fail this test: infeasible pairs.
    if (!(s > Number.NEGATIVE_INFINITY)) continue;
    if (hasForbidden && forbidden[c] === t) continue;
    sel.offer(s, colRank[c]!, allUsable || usable[c] === 1);
  }
}

/**
 * The common dense row: nothing forbidden and every mentor with room. The
 * loop only counts and compares; an edge reaches the heap when it beats the
 * worst one kept, which after the first few columns is rare.
 */
function scanDenseOpen(scores: Float64Array, off: number, cols: number, colRank: Int32Array, sel: Selection) {
  let eligible = 0;
  let max = sel.max;
  let min = sel.min;
  let worst = Number.NEGATIVE_INFINITY;
  let worstRank = 0;
  for (let c = 0; c < cols; c++) {
    const s = scores[off + c]!;
    // NaN and −Infinity fail this test: infeasible pairs.
    if (!(s > Number.NEGATIVE_INFINITY)) continue;
    eligible++;
    if (s > max) max = s;
    if (s < min) min = s;
    if (s > worst || (s === worst && colRank[c]! < worstRank)) {
      sel.keep(s, colRank[c]!);
      if (sel.n === sel.k) {
        worst = sel.score[0]!;
        worstRank = sel.rank[0]!;
      }
    }
  }
  if (max === Number.POSITIVE_INFINITY) throw new RangeError('a score of +Infinity cannot be compared');
  sel.eligible += eligible;
  sel.usable += eligible;
  sel.max = max;
  sel.min = min;
}

function scanSparse(
  edges: SparseEdges,
  r: number,
  colRank: Int32Array,
  marks: RowMarks,
  sel: Selection,
  t: number,
) {
  const { rowStart, colIndex, score } = edges;
  const { forbidden, listed, usable } = marks;
  for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
    const c = colIndex[e]!;
    if (listed[c] === t) throw new RangeError(`pair ${r},${c} is listed twice`);
    listed[c] = t;
    const s = score[e]!;
    if (!(s > Number.NEGATIVE_INFINITY) || forbidden[c] === t) continue;
    sel.offer(s, colRank[c]!, usable[c] === 1);
  }
}

/** Appends the selection's edges to the buffer in canonical column order. */
function emitSelection(sel: Selection, out: EdgeBuffer, picked: Int32Array, scoreOf: Float64Array) {
  for (let x = 0; x < sel.n; x++) {
    picked[x] = sel.rank[x]!;
    scoreOf[sel.rank[x]!] = sel.score[x]!;
  }
  const row = picked.subarray(0, sel.n);
  row.sort();
  for (let x = 0; x < row.length; x++) out.push(row[x]!, scoreOf[row[x]!]!);
}

/**
 * The first core: per solve row its `perRow` best usable edges by score, ties
 * to the lower canonical column, in one pass over the input that also counts
 * eligible edges and measures the score range.
 */
export function firstCore(inst: Instance, perRow: number): FirstCore {
  const { cols, solveRows } = inst;
  const T = solveRows.length;
  const k = Math.min(perRow, cols);
  const rowStart = new Int32Array(T + 1);
  const complete = new Uint8Array(T);
  const bound = new Float64Array(T);
  const eligible = new Int32Array(T);
  const out = new EdgeBuffer();
  const marks = new RowMarks(inst);
  const sel = new Selection(Math.max(1, k));
  const picked = new Int32Array(Math.max(1, k));
  const scoreOf = new Float64Array(cols);
  for (let t = 0; t < T; t++) {
    sel.start(k);
    scanRow(inst, marks, sel, t, solveRows[t]!);
    eligible[t] = sel.eligible;
    complete[t] = sel.n === sel.usable ? 1 : 0;
    // The heap's top is the worst kept edge: nothing left outside scores higher.
    bound[t] = sel.n > 0 ? sel.score[0]! : Number.NEGATIVE_INFINITY;
    emitSelection(sel, out, picked, scoreOf);
    rowStart[t + 1] = out.size;
  }
  const core = {
    rowStart,
    col: out.col.subarray(0, out.size),
    score: out.score.subarray(0, out.size),
    complete,
    bound,
  };
  return sel.max === Number.NEGATIVE_INFINITY
    ? { core, eligible, max: 0, min: 0 }
    : { core, eligible, max: sel.max, min: sel.min };
}

/**
 * The next core: every row keeps its edges; rows in `extras` gain theirs, and
 * rows in `fullRows` (or every row, for `'all'`) are rescanned for all their
 * usable edges, so the check-and-grow loop always ends.
 */
export function growCore(
  inst: Instance,
  prev: Core,
  extras: ReadonlyMap<number, Extra>,
  fullRows: ReadonlySet<number> | 'all',
): Core {
  const { cols, solveRows } = inst;
  const T = solveRows.length;
  const rowStart = new Int32Array(T + 1);
  const complete = new Uint8Array(T);
  const out = new EdgeBuffer();
  const marks = new RowMarks(inst);
  const sel = new Selection(Math.max(1, cols));
  const picked = new Int32Array(Math.max(1, cols));
  const scoreOf = new Float64Array(cols);
  const inRow = new Int32Array(cols).fill(-1);
  for (let t = 0; t < T; t++) {
    const from = prev.rowStart[t]!;
    const to = prev.rowStart[t + 1]!;
    if (fullRows === 'all' || fullRows.has(t)) {
      sel.start(cols);
      scanRow(inst, marks, sel, t, solveRows[t]!);
      complete[t] = 1;
      emitSelection(sel, out, picked, scoreOf);
    } else {
      const extra = extras.get(t);
      complete[t] = prev.complete[t]!;
      if (!extra) {
        for (let e = from; e < to; e++) out.push(prev.col[e]!, prev.score[e]!);
      } else {
        let m = 0;
        for (let e = from; e < to; e++) {
          const c = prev.col[e]!;
          inRow[c] = t;
          scoreOf[c] = prev.score[e]!;
          picked[m++] = c;
        }
        for (let x = 0; x < extra.cols.length; x++) {
          const c = extra.cols[x]!;
          if (inRow[c] === t) continue;
          inRow[c] = t;
          scoreOf[c] = extra.scores[x]!;
          picked[m++] = c;
        }
        const row = picked.subarray(0, m);
        row.sort();
        for (let x = 0; x < m; x++) out.push(row[x]!, scoreOf[row[x]!]!);
      }
    }
    rowStart[t + 1] = out.size;
  }
  return {
    rowStart,
    col: out.col.subarray(0, out.size),
    score: out.score.subarray(0, out.size),
    complete,
    // Rows keep their first-pass edges, so the first pass's bound still holds for what is outside.
    bound: prev.bound,
  };
}

/** Costs for the path solver: cost = maxScore − score ≥ 0, so the best score is the cheapest edge. */
export function costsOf(core: Core, maxScore: number): Float64Array {
  const cost = new Float64Array(core.score.length);
  for (let e = 0; e < cost.length; e++) cost[e] = maxScore - core.score[e]!;
  return cost;
}
