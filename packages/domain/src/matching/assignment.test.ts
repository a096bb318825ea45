import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { type AssignmentProblem, solveAssignment } from './assignment';

/** Exhaustive search: max assigned rows first, then max total score. */
function bruteForce(p: {
  rows: number;
  cols: number;
  capacity: number[];
  scores: number[];
  fixed: [number, number][];
  forbidden: [number, number][];
}) {
  const { rows, cols, capacity, scores } = p;
  const fixed = new Map(p.fixed);
  const forbidden = new Set(p.forbidden.map(([r, c]) => r * cols + c));
  let best = { assigned: -1, total: Number.NEGATIVE_INFINITY };
  const used = new Array(cols).fill(0);
  const walk = (r: number, assigned: number, total: number) => {
    if (r === rows) {
      if (assigned > best.assigned || (assigned === best.assigned && total > best.total + 1e-9))
        best = { assigned, total };
      return;
    }
    const options = fixed.has(r) ? [fixed.get(r)!] : [-1, ...Array.from({ length: cols }, (_, c) => c)];
    for (const c of options) {
      if (c === -1) {
        walk(r + 1, assigned, total);
        continue;
      }
      const s = scores[r * cols + c]!;
      if (!fixed.has(r) && (Number.isNaN(s) || forbidden.has(r * cols + c))) continue;
      if (used[c] >= capacity[c]!) continue;
      used[c]++;
      walk(r + 1, assigned + 1, total + s);
      used[c]--;
    }
  };
  walk(0, 0, 0);
  return best;
}

const instance = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      scores: fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 20 }).map((x) => x / 2),
          fc.constant(Number.NaN),
        ),
        {
          minLength: rows * cols,
          maxLength: rows * cols,
        },
      ),
      forbidden: fc.array(
        fc.tuple(fc.integer({ min: 0, max: rows - 1 }), fc.integer({ min: 0, max: cols - 1 })),
        { maxLength: 3 },
      ),
      fixedSeed: fc.array(
        fc.tuple(fc.integer({ min: 0, max: rows - 1 }), fc.integer({ min: 0, max: cols - 1 })),
        { maxLength: 2 },
      ),
    }),
  )
  .map((x) => {
    // Keep only fixed pairs that fit: one per row, within capacity, not forbidden.
    const used = new Array(x.cols).fill(0);
    const rowsFixed = new Set<number>();
    const fixed: [number, number][] = [];
    for (const [r, c] of x.fixedSeed) {
      if (
        rowsFixed.has(r) ||
        used[c] >= x.capacity[c]! ||
        Number.isNaN(x.scores[r * x.cols + c]!) ||
        x.forbidden.some(([fr, fcol]) => fr === r && fcol === c)
      )
        continue;
      rowsFixed.add(r);
      used[c]++;
      fixed.push([r, c]);
    }
    return { ...x, fixed, forbidden: x.forbidden as [number, number][] };
  });

function toDense(x: {
  rows: number;
  cols: number;
  capacity: number[];
  scores: number[];
  fixed: [number, number][];
  forbidden: [number, number][];
}): AssignmentProblem {
  return {
    rows: x.rows,
    cols: x.cols,
    capacity: x.capacity,
    edges: { kind: 'dense', scores: Float64Array.from(x.scores) },
    fixed: x.fixed,
    forbidden: x.forbidden,
  };
}

function toSparse(x: Parameters<typeof toDense>[0]): AssignmentProblem {
  const rowStart = new Int32Array(x.rows + 1);
  const cols: number[] = [];
  const score: number[] = [];
  for (let r = 0; r < x.rows; r++) {
    for (let c = 0; c < x.cols; c++) {
      const s = x.scores[r * x.cols + c]!;
      if (!Number.isNaN(s)) {
        cols.push(c);
        score.push(s);
      }
    }
    rowStart[r + 1] = cols.length;
  }
  return {
    ...toDense(x),
    edges: { kind: 'sparse', rowStart, colIndex: Int32Array.from(cols), score: Float64Array.from(score) },
  };
}

function valid(x: Parameters<typeof toDense>[0], assignment: Int32Array) {
  const used = new Array(x.cols).fill(0);
  for (let r = 0; r < x.rows; r++) {
    const c = assignment[r]!;
    if (c === -1) continue;
    used[c]++;
    const isFixed = x.fixed.some(([fr, fcol]) => fr === r && fcol === c);
    if (!isFixed) {
      expect(Number.isNaN(x.scores[r * x.cols + c]!)).toBe(false);
      expect(x.forbidden.some(([fr, fcol]) => fr === r && fcol === c)).toBe(false);
    }
  }
  for (let c = 0; c < x.cols; c++) expect(used[c]).toBeLessThanOrEqual(x.capacity[c]!);
  for (const [r, c] of x.fixed) expect(assignment[r]).toBe(c);
}

describe('batch assignment (SIVA-1, CM-2)', () => {
  it('equals brute force on random small instances, dense and sparse, and respects capacities, fixed and forbidden pairs', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const expected = bruteForce(x);
        for (const problem of [toDense(x), toSparse(x)]) {
          const got = solveAssignment(problem);
          valid(x, got.assignment);
          expect(got.assigned).toBe(expected.assigned);
          expect(got.total).toBeCloseTo(expected.total, 9);
        }
      }),
      { numRuns: 600, seed: 4242 },
    );
  });

  it('a core of one or two edges per row grows until its duals prove the full optimum (check-and-grow loop)', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 2 }), (x, perRow) => {
        const expected = bruteForce(x);
        for (const problem of [toDense(x), toSparse(x)]) {
          const got = solveAssignment(problem, { coreEdgesPerRow: perRow });
          valid(x, got.assignment);
          expect(got.assigned).toBe(expected.assigned);
          expect(got.total).toBeCloseTo(expected.total, 9);
        }
      }),
      { numRuns: 400, seed: 777 },
    );
  });

  it('on larger random instances a small core reaches the same optimum as the whole input', () => {
    const random = mulberry32(99);
    for (const [rows, cols, cap] of [
      [60, 40, 2],
      [80, 80, 1],
      [120, 30, 3],
    ] as const) {
      const scores = Float64Array.from({ length: rows * cols }, () =>
        random() < 0.2 ? Number.NaN : random(),
      );
      const problem: AssignmentProblem = {
        rows,
        cols,
        capacity: new Array(cols).fill(cap),
        edges: { kind: 'dense', scores },
      };
      const whole = solveAssignment(problem, { coreEdgesPerRow: cols });
      const small = solveAssignment(problem, { coreEdgesPerRow: 2 });
      expect(whole.stats.rounds).toBe(1);
      expect(small.stats.rounds).toBeGreaterThan(1);
      expect(small.assigned).toBe(whole.assigned);
      expect(small.total).toBeCloseTo(whole.total, 9);
    }
  });

  it('prefers placing everyone over a single high score (max cardinality first)', () => {
    // Row 0 could take column 0 with 10, but then row 1 (only column 0 feasible) is left out.
    const got = solveAssignment({
      rows: 2,
      cols: 2,
      capacity: [1, 1],
      edges: { kind: 'dense', scores: Float64Array.from([10, 1, 9, Number.NaN]) },
    });
    expect([...got.assignment]).toEqual([1, 0]);
    expect(got.total).toBe(10);
  });

  it('a full mentor hands a participant on to make room (native capacity)', () => {
    const got = solveAssignment({
      rows: 3,
      cols: 2,
      capacity: [2, 1],
      edges: { kind: 'dense', scores: Float64Array.from([5, 4, 5, 0, 5, Number.NaN]) },
    });
    expect(got.assigned).toBe(3);
    expect(got.total).toBe(14);
  });

  it('breaks ties deterministically: the same instance always gives the same allocation', () => {
    const scores = Float64Array.from({ length: 36 }, () => 1);
    const a = solveAssignment({
      rows: 6,
      cols: 6,
      capacity: new Array(6).fill(1),
      edges: { kind: 'dense', scores },
    });
    const b = solveAssignment({
      rows: 6,
      cols: 6,
      capacity: new Array(6).fill(1),
      edges: { kind: 'dense', scores },
    });
    expect([...a.assignment]).toEqual([...b.assignment]);
    expect([...a.assignment]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
