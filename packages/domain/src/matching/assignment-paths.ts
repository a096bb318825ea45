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
  const { rows: R, cols: C, capacity: cap, rowStart, col, cost, big } = g;

  // Holders of each column live in slots[colStart[j] … colStart[j] + count[j] − 1].
  const colStart = new Int32Array(C + 1);
  for (let j = 0; j < C; j++) colStart[j + 1] = colStart[j]! + Math.max(0, cap[j]!);
  const slots = new Int32Array(colStart[C]!);
  const count = new Int32Array(C);
  const rowCol = new Int32Array(R).fill(FREE);
  const rowSlot = new Int32Array(R);
  const u = new Float64Array(R);
  const v = new Float64Array(C);

  const place = (i: number, j: number) => {
    const at = colStart[j]! + count[j]!;
    slots[at] = i;
    rowSlot[i] = at;
    count[j]!++;
    rowCol[i] = j;
  };
  const unplace = (i: number, j: number) => {
    const last = colStart[j]! + count[j]! - 1;
    const moved = slots[last]!;
    slots[rowSlot[i]!] = moved;
    rowSlot[moved] = rowSlot[i]!;
    count[j]!--;
  };

  // Row reduction: u(i) = the row's cheapest edge (prices start at 0); take it if it has room.
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
    if (count[j]! < cap[j]!) place(i, j);
    else free[nFree++] = i;
  }

  // Scratch for the searches, allocated once.
  const dist = new Float64Array(C).fill(INF);
  const pred = new Int32Array(C);
  const doneAt = new Int32Array(C).fill(-1);
  const touched = new Int32Array(C);
  const finished = new Int32Array(C);
  const scanned = new Int32Array(R);
  const rowDist = new Float64Array(R);
  const heap = new ColumnHeap(Math.min(col.length, 4 * C) + 16);

  for (let f = 0; f < nFree; f++) {
    const root = free[f]!;
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
      const j = finished[t]!;
      v[j] = v[j]! - (D - dist[j]!);
    }

    // Walk back from the sink, moving each row on to the column it was reached through.
    let i = sink === -1 ? exitRow : pred[sink]!;
    let to = sink === -1 ? UNASSIGNED : sink;
    for (;;) {
      const from = rowCol[i]!;
      if (from >= 0) unplace(i, from);
      if (to >= 0) place(i, to);
      else rowCol[i] = UNASSIGNED;
      if (i === root) break;
      to = from;
      i = pred[from]!;
    }

    for (let t = 0; t < nTouched; t++) dist[touched[t]!] = INF;
    heap.clear();
  }

  for (let i = 0; i < R; i++) if (rowCol[i] === UNASSIGNED) rowCol[i] = -1;
  return { rowCol, u, v };
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
