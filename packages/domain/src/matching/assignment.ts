/**
 * Exact batch allocation of participants (rows) to mentors (columns) with
 * mentor capacities — the cohort matching of SIVA-1 and CM-2.
 *
 * Objective, in order: assign as many participants as possible, then maximise
 * the total score. Solved as a min-cost assignment by successive shortest
 * augmenting paths with node potentials (Dijkstra on reduced costs, as in the
 * Hungarian method / Jonker–Volgenant), with two twists:
 * - capacities are native: a mentor with spare capacity ends a path; a full
 *   mentor continues it through each participant it holds (reduced cost 0);
 * - every row has a private "unassigned" column costing BIG > any total score,
 *   so the search may also end by un-assigning a weaker row. That makes the
 *   problem a perfect assignment, for which row-by-row shortest augmenting paths
 *   are exact, and it yields max cardinality first, then max score.
 * Deterministic: rows in index order; ties go to the lower column index.
 * Dense scores (row-major Float64Array) and sparse CSR edges share the logic;
 * the sparse path uses a binary heap and touches only feasible edges.
 */

export interface DenseEdges {
  kind: 'dense';
  /** rows × cols, row-major; NaN or −Infinity marks an infeasible pair. */
  scores: Float64Array;
}
export interface SparseEdges {
  kind: 'sparse';
  /** CSR: edges of row r are rowStart[r] … rowStart[r+1]−1. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  score: Float64Array;
}

export interface AssignmentProblem {
  rows: number;
  cols: number;
  capacity: ArrayLike<number>;
  edges: DenseEdges | SparseEdges;
  /** Pairs that must be in the result (they use the mentor's capacity). */
  fixed?: ReadonlyArray<readonly [row: number, col: number]>;
  /** Pairs that must not be in the result. */
  forbidden?: ReadonlyArray<readonly [row: number, col: number]>;
}

export interface AssignmentResult {
  /** Column per row; −1 = unassigned. */
  assignment: Int32Array;
  assigned: number;
  total: number;
}

const INF = Number.POSITIVE_INFINITY;

/** Feasible scores only; forbidden pairs and fixed rows removed; capacity left after fixed pairs. */
function prepare(p: AssignmentProblem) {
  const capacity = new Int32Array(p.cols);
  for (let c = 0; c < p.cols; c++) capacity[c] = Math.max(0, Math.floor(p.capacity[c] ?? 0));
  const fixedCol = new Int32Array(p.rows).fill(-1);
  for (const [r, c] of p.fixed ?? []) {
    if (r < 0 || r >= p.rows || c < 0 || c >= p.cols)
      throw new RangeError(`fixed pair ${r},${c} out of range`);
    if (fixedCol[r] !== -1) throw new RangeError(`row ${r} is fixed twice`);
    if (capacity[c]! <= 0) throw new RangeError(`fixed pairs exceed the capacity of column ${c}`);
    fixedCol[r] = c;
    capacity[c]!--;
  }
  const forbidden = new Set<number>();
  for (const [r, c] of p.forbidden ?? []) forbidden.add(r * p.cols + c);
  return { capacity, fixedCol, forbidden };
}

export function solveAssignment(p: AssignmentProblem): AssignmentResult {
  const { rows: R, cols: C } = p;
  const { capacity, fixedCol, forbidden } = prepare(p);
  for (const [r, c] of p.fixed ?? []) {
    const s = scoreOf(p, r, c);
    if (!(!Number.isNaN(s) && s !== -INF)) throw new RangeError(`fixed pair ${r},${c} is not feasible`);
  }
  const dense = p.edges.kind === 'dense' ? p.edges.scores : null;
  const sparse = p.edges.kind === 'sparse' ? p.edges : null;
  if (dense && dense.length !== R * C) throw new RangeError('dense scores must have rows × cols entries');

  // Cost = maxScore − score ≥ 0, so the minimum-cost assignment is the maximum-score one.
  let maxScore = 0;
  let minScore = 0;
  const scan = dense ?? sparse!.score;
  for (let k = 0; k < scan.length; k++) {
    const s = scan[k]!;
    if (!Number.isNaN(s) && s !== -INF) {
      if (s > maxScore) maxScore = s;
      if (s < minScore) minScore = s;
    }
  }
  const range = maxScore - minScore;
  // Leaving a row unassigned must cost more than any possible gain in score elsewhere.
  const BIG = (range + 1) * (R + 1);
  const eps = 1e-12 * Math.max(1, BIG);

  // Columns 0…C−1 are mentors; column C+r is row r's private "unassigned" column.
  const colOffset = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) colOffset[c + 1] = colOffset[c]! + capacity[c]!;
  const slots = new Int32Array(colOffset[C]!);
  const colCount = new Int32Array(C);
  const rowCol = new Int32Array(R).fill(-1);
  const rowSlot = new Int32Array(R);
  const piRow = new Float64Array(R);
  const piCol = new Float64Array(C);
  const piDummy = new Float64Array(R);

  const distCol = new Float64Array(C).fill(INF);
  const distDummy = new Float64Array(R).fill(INF);
  const distRow = new Float64Array(R);
  const predRow = new Int32Array(C);
  const doneCol = new Uint8Array(C);
  const touchedCols = new Int32Array(C);
  const visitedRows = new Int32Array(R);
  const touchedDummies = new Int32Array(R);
  const heap = sparse ? new MinHeap(C) : null;

  /**
   * Row reduction with greedy tight edges: each participant's potential makes its
   * best mentor's reduced cost 0, and it takes that mentor if there is room.
   * Mentor potentials stay 0 (a mentor with room left must stay level with the
   * others for the allocation to be optimal), so duals stay feasible, matched
   * edges tight, and the augmenting phase remains exact while many rows start
   * assigned.
   */
  function initialise() {
    for (let r = 0; r < R; r++) {
      if (fixedCol[r] !== -1) continue;
      let best = -1;
      let bestCost = INF;
      if (dense) {
        const off = r * C;
        for (let c = 0; c < C; c++) {
          const s = dense[off + c]!;
          if (!feasible(r, c, s)) continue;
          const cost = maxScore - s;
          if (cost < bestCost) {
            bestCost = cost;
            best = c;
          }
        }
      } else {
        const { rowStart, colIndex, score } = sparse!;
        for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) {
          const c = colIndex[k]!;
          const s = score[k]!;
          if (!feasible(r, c, s)) continue;
          const cost = maxScore - s;
          if (cost < bestCost || (cost === bestCost && c < best)) {
            bestCost = cost;
            best = c;
          }
        }
      }
      if (best === -1) continue;
      piRow[r] = -bestCost;
      if (colCount[best]! < capacity[best]!) {
        rowCol[r] = best;
        const at = colOffset[best]! + colCount[best]!;
        slots[at] = r;
        rowSlot[r] = at;
        colCount[best]!++;
      }
    }
  }

  const feasible = (r: number, c: number, s: number) =>
    !Number.isNaN(s) && s !== -INF && capacity[c]! > 0 && (forbidden.size === 0 || !forbidden.has(r * C + c));

  initialise();

  // Dense instances use a Jonker–Volgenant style search over a compact column list.
  const cl = dense ? new Int32Array(C) : null;
  let usableCols = 0;
  if (cl) for (let c = 0; c < C; c++) if (capacity[c]! > 0) cl[usableCols++] = c;

  // Walk back from the sink, moving each row to the column it was reached through.
  const augment = (root: number, sinkCol: number, sinkDummy: number) => {
    let row = sinkDummy !== -1 ? sinkDummy : predRow[sinkCol]!;
    let col = sinkDummy !== -1 ? C + sinkDummy : sinkCol;
    for (;;) {
      const prev = rowCol[row]!;
      if (prev >= 0 && prev < C) {
        const start = colOffset[prev]!;
        const last = start + colCount[prev]! - 1;
        const moved = slots[last]!;
        slots[rowSlot[row]!] = moved;
        rowSlot[moved] = rowSlot[row]!;
        colCount[prev]!--;
      }
      rowCol[row] = col;
      if (col < C) {
        const at = colOffset[col]! + colCount[col]!;
        slots[at] = row;
        rowSlot[row] = at;
        colCount[col]!++;
      }
      if (row === root) break;
      col = prev;
      row = predRow[prev]!;
    }
  };

  const denseSearch = (root: number) => {
    const scores = dense!;
    const T = usableCols;
    const list = cl!;
    let nDone = 0;
    let nRows = 0;
    let bestDummy = -1;
    let bestDummyDist = INF;
    // Relax row i reached at distance d over the columns not yet finished.
    const relaxDense = (i: number, d: number, first: boolean) => {
      const base = d + piRow[i]! + maxScore;
      const off = i * C;
      for (let k = nDone; k < T; k++) {
        const c = list[k]!;
        const sc = scores[off + c]!;
        let nd = INF;
        if (!Number.isNaN(sc) && sc !== -INF && (forbidden.size === 0 || !forbidden.has(i * C + c)))
          nd = base - sc - piCol[c]!;
        if (first) {
          distCol[c] = nd;
          predRow[c] = i;
        } else if (nd < distCol[c]! - eps) {
          distCol[c] = nd;
          predRow[c] = i;
        }
      }
      if (rowCol[i] !== C + i) {
        const nd = d + piRow[i]! + BIG - piDummy[i]!;
        if (nd < bestDummyDist - eps) {
          bestDummyDist = nd;
          bestDummy = i;
        }
      }
    };
    distRow[root] = 0;
    visitedRows[nRows++] = root;
    relaxDense(root, 0, true);
    let sinkCol = -1;
    let sinkDummy = -1;
    let D = INF;
    for (;;) {
      let at = -1;
      let best = INF;
      for (let k = nDone; k < T; k++) {
        const d = distCol[list[k]!]!;
        if (d < best - eps || (d < best + eps && at !== -1 && list[k]! < list[at]!)) {
          best = d;
          at = k;
        }
      }
      if (bestDummy !== -1 && bestDummyDist < best - eps) {
        sinkDummy = bestDummy;
        D = bestDummyDist;
        break;
      }
      if (at === -1) break;
      const c = list[at]!;
      list[at] = list[nDone]!;
      list[nDone++] = c;
      if (colCount[c]! < capacity[c]!) {
        sinkCol = c;
        D = best;
        nDone--; // the sink keeps its potential
        break;
      }
      for (let k = colOffset[c]!, end = k + colCount[c]!; k < end; k++) {
        const i = slots[k]!;
        distRow[i] = best;
        visitedRows[nRows++] = i;
        relaxDense(i, best, false);
      }
    }
    for (let t = 0; t < nRows; t++) {
      const i = visitedRows[t]!;
      piRow[i] = piRow[i]! - (D - distRow[i]!);
    }
    for (let k = 0; k < nDone; k++) {
      const c = list[k]!;
      piCol[c] = piCol[c]! - (D - distCol[c]!);
    }
    augment(root, sinkCol, sinkDummy);
  };

  for (let root = 0; root < R; root++) {
    if (fixedCol[root] !== -1 || rowCol[root] !== -1) continue;
    if (dense) {
      denseSearch(root);
      continue;
    }
    let nTouched = 0;
    let nRows = 0;
    let nDummies = 0;
    let bestDummy = -1;
    let bestDummyDist = INF;

    // Relax every edge of row i, reached at distance d (dist of its column, or 0 for the root).
    const relax = (i: number, d: number) => {
      const base = d + piRow[i]!;
      if (dense) {
        const off = i * C;
        for (let c = 0; c < C; c++) {
          if (doneCol[c]) continue;
          const s = dense[off + c]!;
          if (!feasible(i, c, s)) continue;
          const nd = base + (maxScore - s) - piCol[c]!;
          const old = distCol[c]!;
          if (nd < old - eps) {
            if (old === INF) touchedCols[nTouched++] = c;
            distCol[c] = nd;
            predRow[c] = i;
          }
        }
      } else {
        const { rowStart, colIndex, score } = sparse!;
        for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
          const c = colIndex[k]!;
          if (doneCol[c]) continue;
          const s = score[k]!;
          if (!feasible(i, c, s)) continue;
          const nd = base + (maxScore - s) - piCol[c]!;
          const old = distCol[c]!;
          if (nd < old - eps) {
            if (old === INF) touchedCols[nTouched++] = c;
            distCol[c] = nd;
            predRow[c] = i;
            heap!.push(c, nd);
          }
        }
      }
      // The row's own "unassigned" column, unless it is already there.
      if (rowCol[i] !== C + i) {
        const nd = base + BIG - piDummy[i]!;
        if (distDummy[i] === INF) touchedDummies[nDummies++] = i;
        distDummy[i] = nd;
        if (nd < bestDummyDist - eps) {
          bestDummyDist = nd;
          bestDummy = i;
        }
      }
    };

    distRow[root] = 0;
    visitedRows[nRows++] = root;
    relax(root, 0);

    let sinkCol = -1;
    let sinkDummy = -1;
    let D = INF;
    for (;;) {
      // The closest unfinished real column.
      let c = -1;
      let best = INF;
      if (dense) {
        for (let t = 0; t < nTouched; t++) {
          const cc = touchedCols[t]!;
          if (doneCol[cc]) continue;
          const d = distCol[cc]!;
          if (d < best - eps || (d < best + eps && cc < c)) {
            best = d;
            c = cc;
          }
        }
      } else {
        while (heap!.size > 0) {
          const top = heap!.pop();
          if (!doneCol[top] && heap!.lastKey <= distCol[top]! + eps) {
            c = top;
            best = distCol[top]!;
            break;
          }
        }
      }
      // An "unassigned" column closer than any mentor ends the search there.
      if (bestDummy !== -1 && bestDummyDist < best - eps) {
        sinkDummy = bestDummy;
        D = bestDummyDist;
        break;
      }
      if (c === -1) break; // nothing reachable (cannot happen: the root's dummy is always reachable)
      doneCol[c] = 1;
      if (colCount[c]! < capacity[c]!) {
        sinkCol = c;
        D = best;
        break;
      }
      // Full mentor: continue through each participant it holds (matched edges have reduced cost 0).
      for (let k = colOffset[c]!, end = k + colCount[c]!; k < end; k++) {
        const i = slots[k]!;
        distRow[i] = best;
        visitedRows[nRows++] = i;
        relax(i, best);
      }
    }

    // Potentials (reduced cost = cost + π(row) − π(col)): π(x) −= D − dist(x) for every node
    // finished before the sink; reduced costs stay ≥ 0 and become 0 along the new matching.
    for (let t = 0; t < nRows; t++) {
      const i = visitedRows[t]!;
      piRow[i] = piRow[i]! - (D - distRow[i]!);
    }
    for (let t = 0; t < nTouched; t++) {
      const c = touchedCols[t]!;
      if (doneCol[c] && c !== sinkCol) piCol[c] = piCol[c]! - (D - distCol[c]!);
    }

    augment(root, sinkCol, sinkDummy);

    // Reset the scratch state touched by this search only.
    for (let t = 0; t < nTouched; t++) {
      const c = touchedCols[t]!;
      distCol[c] = INF;
      doneCol[c] = 0;
    }
    for (let t = 0; t < nDummies; t++) distDummy[touchedDummies[t]!] = INF;
    heap?.clear();
  }

  const assignment = new Int32Array(R).fill(-1);
  let assigned = 0;
  let total = 0;
  for (let r = 0; r < R; r++) {
    const c = fixedCol[r] !== -1 ? fixedCol[r]! : rowCol[r]!;
    if (c >= 0 && c < C) {
      assignment[r] = c;
      assigned++;
      total += scoreOf(p, r, c);
    }
  }
  return { assignment, assigned, total };
}

export function scoreOf(p: AssignmentProblem, r: number, c: number): number {
  if (p.edges.kind === 'dense') return p.edges.scores[r * p.cols + c]!;
  const { rowStart, colIndex, score } = p.edges;
  for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) if (colIndex[k] === c) return score[k]!;
  return Number.NaN;
}

/** Binary min-heap of columns keyed by distance; ties by lower column; lazy deletion. */
class MinHeap {
  private keys: Float64Array;
  private cols: Int32Array;
  size = 0;
  lastKey = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity * 2));
    this.cols = new Int32Array(Math.max(16, capacity * 2));
  }
  clear() {
    this.size = 0;
  }
  private less(a: number, b: number) {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.cols[a]! < this.cols[b]!);
  }
  push(col: number, key: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2);
      k.set(this.keys);
      this.keys = k;
      const c = new Int32Array(this.cols.length * 2);
      c.set(this.cols);
      this.cols = c;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.cols[i] = col;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const col = this.cols[0]!;
    this.lastKey = this.keys[0]!;
    this.size--;
    if (this.size > 0) {
      this.keys[0] = this.keys[this.size]!;
      this.cols[0] = this.cols[this.size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return col;
  }
  private swap(a: number, b: number) {
    const k = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = k;
    const c = this.cols[a]!;
    this.cols[a] = this.cols[b]!;
    this.cols[b] = c;
  }
}
