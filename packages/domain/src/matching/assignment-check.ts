/**
 * The proof that a core's optimum is the optimum of the whole input (see
 * assignment-core.ts): every usable edge outside the core is priced with the
 * core's duals; one with a negative reduced cost would improve the allocation
 * and joins the core for another round.
 */
import type { Core, Extra, Instance } from './assignment-core';
import type { SparseEdges } from './assignment-types';

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
  maxScore: number,
  perRow: number,
): Map<number, Extra> {
  const { cols, solveRows, colRank, capLeft } = inst;
  const T = solveRows.length;
  // Prices in original column order; a full (capacity 0) column can never violate.
  const price = new Float64Array(cols);
  let maxAbsV = 0;
  for (let c = 0; c < cols; c++) {
    const rank = colRank[c]!;
    price[c] = capLeft[rank]! > 0 ? v[rank]! : Number.NEGATIVE_INFINITY;
    if (capLeft[rank]! > 0) maxAbsV = Math.max(maxAbsV, Math.abs(v[rank]!));
  }
  const check = new RowCheck(cols);
  const found = new Map<number, Extra>();
  for (let t = 0; t < T; t++) {
    if (core.complete[t]) continue;
    const ui = u[t]!;
    // Rounding in the potentials is relative to their size; below this a "violation" is noise.
    const threshold = -1e-10 * (Math.abs(ui) + maxAbsV + Math.abs(maxScore) + 1);
    // Prices are ≤ 0, so an outside edge's reduced cost is at least maxScore − ui − bound.
    if (maxScore - ui - core.bound[t]! >= threshold) continue;
    const extra = check.row(inst, core, t, maxScore - ui, price, threshold, perRow);
    if (extra) found.set(t, extra);
  }
  return found;
}

/** The check of one row: its core and forbidden columns marked, then every other edge priced. */
class RowCheck {
  private readonly mark: Int32Array;
  private cols: number[] = [];
  private scores: number[] = [];
  private reduced: number[] = [];

  constructor(cols: number) {
    this.mark = new Int32Array(cols).fill(-1);
  }

  row(
    inst: Instance,
    core: Core,
    t: number,
    base: number,
    price: Float64Array,
    threshold: number,
    perRow: number,
  ): Extra | null {
    const { mark } = this;
    const r = inst.solveRows[t]!;
    for (let e = core.rowStart[t]!, end = core.rowStart[t + 1]!; e < end; e++)
      mark[inst.colOrder[core.col[e]!]!] = t;
    const banned = inst.forbidden.get(r);
    if (banned) for (const c of banned) mark[c] = t;
    this.cols = [];
    this.scores = [];
    this.reduced = [];
    const edges = inst.edges;
    if (edges.kind === 'dense')
      this.dense(edges.scores, r * inst.cols, inst.cols, t, base, price, threshold, inst.colRank);
    else this.sparse(edges, r, t, base, price, threshold, inst.colRank);
    const n = this.cols.length;
    if (n === 0) return null;
    if (n <= perRow) return { cols: this.cols, scores: this.scores };
    const { cols, scores, reduced } = this;
    const order = reduced.map((_, i) => i).sort((a, b) => reduced[a]! - reduced[b]! || cols[a]! - cols[b]!);
    const keep = order.slice(0, perRow);
    return { cols: keep.map((i) => cols[i]!), scores: keep.map((i) => scores[i]!) };
  }

  private dense(
    scores: Float64Array,
    off: number,
    n: number,
    t: number,
    base: number,
    price: Float64Array,
    threshold: number,
    colRank: Int32Array,
  ) {
    const mark = this.mark;
    for (let c = 0; c < n; c++) {
      const s = scores[off + c]!;
      // NaN scores fail the comparison: infeasible pairs never violate.
      const red = base - s - price[c]!;
      if (red < threshold && mark[c] !== t) this.push(colRank[c]!, s, red);
    }
  }

  private sparse(
    edges: SparseEdges,
    r: number,
    t: number,
    base: number,
    price: Float64Array,
    threshold: number,
    colRank: Int32Array,
  ) {
    const { rowStart, colIndex, score } = edges;
    const mark = this.mark;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const c = colIndex[e]!;
      const s = score[e]!;
      const red = base - s - price[c]!;
      if (red < threshold && mark[c] !== t) this.push(colRank[c]!, s, red);
    }
  }

  private push(rank: number, s: number, red: number) {
    this.cols.push(rank);
    this.scores.push(s);
    this.reduced.push(red);
  }
}
