/**
 * The exact engine behind `solveAssignment`: successive shortest augmenting
 * paths with node potentials (the Hungarian / Jonker–Volgenant family) on a
 * sparse graph in CSR form, with mentor capacities handled natively.
 *
 * Model. Rows are participants, columns mentors; edge (i, j) costs c ≥ 0.
 * Each row also has a private "unassigned" exit costing `big`, more than any
 * difference in total cost between allocations, so the optimum places as many
 * rows as possible first and minimises cost second. Every row ends somewhere,
 * which makes the problem a transportation problem with rows = 1 and
 * columns ≤ capacity; row-by-row shortest augmenting paths solve it exactly.
 *
 * Invariants (reduced cost r(i, j) = c(i, j) − u(i) − v(j)), kept by every step:
 * - r ≥ 0 on every edge and r = 0 on every assigned edge;
 * - v(j) ≤ 0, and v(j) = 0 while column j has room: prices only fall on full
 *   columns, and a column that filled up never empties (a path that passes
 *   through a column takes one row out and puts one in);
 * - u(i) ≤ big for rows with an unused exit, u(i) = big for rows that took it.
 * At the end these are the complementary-slackness conditions of the LP, so
 * the allocation is optimal and (u, v) is its certificate: `solveAssignment`
 * checks edges outside the graph it solved against the same duals.
 *
 * Capacity is native: one node and one price per mentor. A mentor with room
 * ends a search; a full one passes the search on to every participant it holds
 * (their edges are tight, so they sit at the mentor's distance). Work per
 * search is proportional to the edges it scans, and memory to the edges given.
 *
 * Determinism: rows are searched in index order; the heap breaks equal
 * distances by the lower column; a column keeps the first row that reached it
 * at its distance; a real mentor wins over an exit at equal distance.
 */

export interface PathGraph {
  readonly rows: number;
  readonly cols: number;
  /** Places left per column. */
  readonly capacity: Int32Array;
  /** CSR: the edges of row i are rowStart[i] … rowStart[i+1] − 1, columns ascending. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  /** Cost ≥ 0 per edge. */
  readonly cost: Float64Array;
  /** Cost of leaving a row unassigned; must exceed rows × (max cost − min cost). */
  readonly big: number;
}

export interface PathSolution {
  /** Column per row; −1 = unassigned. */
  readonly rowCol: Int32Array;
  /** Row duals: u(i) = c(i, col) − v(col) for assigned rows, `big` for unassigned ones. */
  readonly u: Float64Array;
  /** Column duals (prices), all ≤ 0. */
  readonly v: Float64Array;
}

const FREE = -1;
const UNASSIGNED = -2;
const INF = Number.POSITIVE_INFINITY;

export function solvePaths(g: PathGraph): PathSolution {
  const solver = new PathSolver(g);
  let free = solver.reduceRows();
  // Two passes of augmenting row reduction settle most rows cheaply; searches do the rest.
  free = solver.augmentingRowReduction(free);
  free = solver.augmentingRowReduction(free);
  for (let f = 0; f < free.length; f++) solver.augment(free[f]!);
  return solver.solution();
}

/**
 * The solver's state as typed arrays on one object. Each phase is a method and
 * each search from a free row is one call of `augment`, so V8 optimises them
 * from full type feedback after a few calls instead of on-stack-replacing one
 * long function half-way through (which deoptimised and cost a cold run 3×).
 */
class PathSolver {
  private readonly R: number;
  private readonly cap: Int32Array;
  private readonly rowStart: Int32Array;
  private readonly col: Int32Array;
  private readonly cost: Float64Array;
  private readonly big: number;

  // Holders of each column live in slots[colStart[j] … colStart[j] + count[j] − 1].
  private readonly colStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly count: Int32Array;
  private readonly rowCol: Int32Array;
  private readonly rowSlot: Int32Array;
  private readonly u: Float64Array;
  private readonly v: Float64Array;

  // Scratch for the searches, allocated once.
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly doneAt: Int32Array;
  private readonly touched: Int32Array;
  private readonly finished: Int32Array;
  private readonly scanned: Int32Array;
  private readonly rowDist: Float64Array;
  private readonly heap: ColumnHeap;

  constructor(g: PathGraph) {
    this.R = g.rows;
    this.cap = g.capacity;
    this.rowStart = g.rowStart;
    this.col = g.col;
    this.cost = g.cost;
    this.big = g.big;
    const R = g.rows;
    const C = g.cols;
    this.colStart = new Int32Array(C + 1);
    for (let j = 0; j < C; j++) this.colStart[j + 1] = this.colStart[j]! + Math.max(0, g.capacity[j]!);
    this.slots = new Int32Array(this.colStart[C]!);
    this.count = new Int32Array(C);
    this.rowCol = new Int32Array(R).fill(FREE);
    this.rowSlot = new Int32Array(R);
    this.u = new Float64Array(R);
    this.v = new Float64Array(C);
    this.dist = new Float64Array(C).fill(INF);
    this.pred = new Int32Array(C);
    this.doneAt = new Int32Array(C).fill(-1);
    this.touched = new Int32Array(C);
    this.finished = new Int32Array(C);
    this.scanned = new Int32Array(R);
    this.rowDist = new Float64Array(R);
    this.heap = new ColumnHeap(Math.min(g.col.length, 4 * C) + 16);
  }

  private place(i: number, j: number) {
    const at = this.colStart[j]! + this.count[j]!;
    this.slots[at] = i;
    this.rowSlot[i] = at;
    this.count[j]!++;
    this.rowCol[i] = j;
  }

  private unplace(i: number, j: number) {
    const last = this.colStart[j]! + this.count[j]! - 1;
    const moved = this.slots[last]!;
    this.slots[this.rowSlot[i]!] = moved;
    this.rowSlot[moved] = this.rowSlot[i]!;
    this.count[j]!--;
  }

  /** Row reduction: u(i) = the row's cheapest edge (prices start at 0); take it if it has room. Returns the rows left free. */
  reduceRows(): Int32Array {
    const { R, rowStart, cost, col, cap, count, u, rowCol, big } = this;
    const free = new Int32Array(R);
    let nFree = 0;
    for (let i = 0; i < R; i++) {
      const s = rowStart[i]!;
      const e = rowStart[i + 1]!;
      if (s === e) {
        u[i] = big;
        rowCol[i] = UNASSIGNED;
        continue;
      }
      let best = s;
      for (let k = s + 1; k < e; k++) if (cost[k]! < cost[best]!) best = k;
      u[i] = cost[best]!;
      const j = col[best]!;
      if (count[j]! < cap[j]!) this.place(i, j);
      else free[nFree++] = i;
    }
    return free.subarray(0, nFree);
  }

  /**
   * Jonker–Volgenant's augmenting row reduction, for mentors with one place: a
   * free row takes its best mentor j1 at the price that makes its second best
   * j2 just as good (v(j1) falls by the gap), and the row it displaces is free
   * again — right away if the price fell, so the auction moves on, or at the
   * end of the list otherwise. A mentor with several places is left to the
   * searches (lowering its price would loosen the edges of all its holders).
   * Every step keeps the invariants above; rows it cannot settle are returned.
   */
  augmentingRowReduction(free: Int32Array): Int32Array {
    const { rowStart, col, cost, cap, count, colStart, slots, u, v } = this;
    const list = Int32Array.from(free);
    const out = new Int32Array(free.length);
    let nOut = 0;
    // Each step either settles a row or lowers a price; the budget bounds float-rounding cycles.
    let budget = 8 * free.length + 16;
    let k = 0;
    while (k < list.length) {
      const i = list[k++]!;
      // Best and second-best mentor by reduced price; columns ascend, so ties go to the lower one.
      let u1 = INF;
      let u2 = INF;
      let j1 = -1;
      let j2 = -1;
      for (let x = rowStart[i]!, e = rowStart[i + 1]!; x < e; x++) {
        const j = col[x]!;
        const h = cost[x]! - v[j]!;
        if (h < u1) {
          u2 = u1;
          j2 = j1;
          u1 = h;
          j1 = j;
        } else if (h < u2) {
          u2 = h;
          j2 = j;
        }
      }
      if (j1 === -1 || budget-- <= 0) {
        out[nOut++] = i;
      } else if (count[j1]! < cap[j1]!) {
        this.place(i, j1);
        u[i] = u1;
      } else if (j2 === -1 || cap[j1] !== 1) {
        // Only the row's exit competes, or the mentor has several places: the searches decide.
        out[nOut++] = i;
      } else if (u1 < u2) {
        // The one holder of j1 is displaced and goes next, while the prices it sees are fresh.
        const held = slots[colStart[j1]!]!;
        v[j1] = v[j1]! - (u2 - u1);
        this.unplace(held, j1);
        this.rowCol[held] = FREE;
        this.place(i, j1);
        u[i] = u2;
        list[--k] = held;
      } else if (count[j2]! < cap[j2]!) {
        this.place(i, j2);
        u[i] = u2;
      } else {
        out[nOut++] = i;
      }
    }
    return out.subarray(0, nOut);
  }

  /** One shortest augmenting path from a free row, ending at a mentor with room or at some row's exit. */
  augment(root: number) {
    const { rowStart, col, cost, cap, count, colStart, slots, u, v, dist, pred, doneAt, touched } = this;
    const { finished, scanned, rowDist, heap, big } = this;
    let nTouched = 0;
    let nFinished = 0;
    let nScanned = 1;
    let nRelaxed = 0;
    scanned[0] = root;
    rowDist[root] = 0;
    // The root's own exit bounds the search: it can always stay unassigned.
    let exitRow = root;
    let exitDist = big - u[root]!;
    let sink = -1;
    let D = 0;

    for (;;) {
      // Relax the edges of every row reached so far (the root, then the holders of finished columns).
      while (nRelaxed < nScanned) {
        const i = scanned[nRelaxed++]!;
        const base = rowDist[i]! - u[i]!;
        for (let k = rowStart[i]!, e = rowStart[i + 1]!; k < e; k++) {
          const j = col[k]!;
          const nd = base + cost[k]! - v[j]!;
          if (nd < dist[j]! && doneAt[j] !== root) {
            if (dist[j] === INF) touched[nTouched++] = j;
            dist[j] = nd;
            pred[j] = i;
            heap.push(nd, j);
          }
        }
      }
      // Closest unfinished column (stale heap entries are skipped).
      let j = -1;
      let dj = INF;
      while (heap.size > 0) {
        const top = heap.topCol();
        const key = heap.topKey();
        heap.pop();
        if (doneAt[top] === root || key !== dist[top]) continue;
        j = top;
        dj = key;
        break;
      }
      if (j === -1 || exitDist < dj) {
        D = exitDist;
        break;
      }
      doneAt[j] = root;
      if (count[j]! < cap[j]!) {
        sink = j;
        D = dj;
        break;
      }
      finished[nFinished++] = j;
      // A full mentor: each participant it holds is reached at the same distance.
      for (let k = colStart[j]!, e = k + count[j]!; k < e; k++) {
        const i = slots[k]!;
        rowDist[i] = dj;
        scanned[nScanned++] = i;
        const viaExit = dj + big - u[i]!;
        if (viaExit < exitDist) {
          exitDist = viaExit;
          exitRow = i;
        }
      }
    }

    // New potentials keep every reduced cost ≥ 0 and make the path tight.
    for (let t = 0; t < nScanned; t++) {
      const i = scanned[t]!;
      u[i] = u[i]! + (D - rowDist[i]!);
    }
    for (let t = 0; t < nFinished; t++) {
      const fj = finished[t]!;
      v[fj] = v[fj]! - (D - dist[fj]!);
    }

    this.flip(root, sink, exitRow);
    for (let t = 0; t < nTouched; t++) dist[touched[t]!] = INF;
    heap.clear();
  }

  /** Walk back from the sink, moving each row on to the column it was reached through. */
  private flip(root: number, sink: number, exitRow: number) {
    const { rowCol, pred } = this;
    let i = sink === -1 ? exitRow : pred[sink]!;
    let to = sink === -1 ? UNASSIGNED : sink;
    for (;;) {
      const from = rowCol[i]!;
      if (from >= 0) this.unplace(i, from);
      if (to >= 0) this.place(i, to);
      else rowCol[i] = UNASSIGNED;
      if (i === root) break;
      to = from;
      i = pred[from]!;
    }
  }

  solution(): PathSolution {
    const { rowCol, u, v } = this;
    for (let i = 0; i < this.R; i++) if (rowCol[i] === UNASSIGNED) rowCol[i] = -1;
    return { rowCol, u, v };
  }
}

/** Binary min-heap of columns keyed by distance, ties to the lower column; stale entries are left in. */
class ColumnHeap {
  private keys: Float64Array;
  private cols: Int32Array;
  size = 0;

  constructor(initial: number) {
    this.keys = new Float64Array(initial);
    this.cols = new Int32Array(initial);
  }

  clear() {
    this.size = 0;
  }

  topKey() {
    return this.keys[0]!;
  }

  topCol() {
    return this.cols[0]!;
  }

  push(key: number, c: number) {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const cols = this.cols;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && cols[parent]! < c)) break;
      keys[i] = pk;
      cols[i] = cols[parent]!;
      i = parent;
    }
    keys[i] = key;
    cols[i] = c;
  }

  pop() {
    const keys = this.keys;
    const cols = this.cols;
    const n = --this.size;
    if (n === 0) return;
    const key = keys[n]!;
    const c = cols[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (keys[right]! < keys[child]! || (keys[right] === keys[child] && cols[right]! < cols[child]!))
      )
        child = right;
      const ck = keys[child]!;
      if (key < ck || (key === ck && c < cols[child]!)) break;
      keys[i] = ck;
      cols[i] = cols[child]!;
      i = child;
    }
    keys[i] = key;
    cols[i] = c;
  }

  private grow() {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const cols = new Int32Array(this.cols.length * 2);
    cols.set(this.cols);
    this.cols = cols;
  }
}
