/** The batch allocation problem (SIVA-1, CM-2) as plain typed arrays. */

export interface DenseEdges {
  readonly kind: 'dense';
  /** rows × cols, row-major; NaN or −Infinity marks an infeasible pair. +Infinity is refused. */
  readonly scores: Float64Array;
}

export interface SparseEdges {
  readonly kind: 'sparse';
  /** CSR: the edges of row r are rowStart[r] … rowStart[r+1] − 1; a pair may appear once. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly score: Float64Array;
}

export type Pair = readonly [row: number, col: number];

export interface AssignmentProblem {
  readonly rows: number;
  readonly cols: number;
  /** Places per column (mentor); fixed pairs use them too. */
  readonly capacity: ArrayLike<number>;
  readonly edges: DenseEdges | SparseEdges;
  /** Pairs that must be in the result. */
  readonly fixed?: readonly Pair[];
  /** Pairs that must not be in the result. */
  readonly forbidden?: readonly Pair[];
  /**
   * Stable ids of rows and columns. When given, equal-score ties are broken in
   * id order rather than index order, so the same people listed in another
   * order get the same allocation.
   */
  readonly rowKeys?: readonly string[];
  readonly colKeys?: readonly string[];
}

/** Why a row is left out: nobody is eligible, or the eligible mentors are needed by others. */
export type UnassignedReason = 'no_eligible_mentor' | 'capacity_exhausted';

export interface AssignmentResult {
  /** Column per row; −1 = unassigned. */
  readonly assignment: Int32Array;
  readonly assigned: number;
  /** Sum of the scores of all pairs in the result, fixed ones included. */
  readonly total: number;
  readonly unassigned: readonly { readonly row: number; readonly reason: UnassignedReason }[];
  /** How the optimum was reached: rounds of the core loop and edges in the last core. */
  readonly stats: { readonly rounds: number; readonly coreEdges: number };
}
