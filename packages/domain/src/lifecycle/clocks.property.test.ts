import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { addDays, addMonths } from '../time/zone';
import { totalCapStatus } from './clocks';

const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2024-01-01', n));

describe('MOH-6 total cap properties', () => {
  it('MOH-6: one unbroken mentorship may run to the day before the same date 36 months later', () => {
    fc.assert(
      fc.property(day, (start) => {
        const s = totalCapStatus([{ from: start, to: null }], FIXTURE_POLICY, start);
        expect(s?.lastAllowedDay).toBe(addDays(addMonths(start, 36), -1));
      }),
      { numRuns: 300 },
    );
  });

  it('MOH-6: splitting service into two periods with a gap never allows more days in total', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 400 }),
        (start, length, gap) => {
          const firstEnd = addDays(start, length - 1);
          const restart = addDays(firstEnd, gap + 1);
          const s = totalCapStatus(
            [
              { from: start, to: firstEnd },
              { from: restart, to: null },
            ],
            FIXTURE_POLICY,
            restart,
          );
          const unbroken = addDays(addMonths(start, 36), -1);
          // Days used before the restart plus days allowed from it equal the unbroken allowance.
          expect(addDays(s?.lastAllowedDay ?? '', -gap)).toBe(unbroken);
        },
      ),
      { numRuns: 300 },
    );
  });
});
