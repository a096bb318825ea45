import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { buildMentorship } from './builders';
import {
  hospitalizationClock,
  mustSuspendForHospitalization,
  plannedEndDeadline,
  servicePeriodsFromLog,
  totalCapStatus,
  trialReviewDeadline,
  virtualContinuationMissing,
  virtualHorizonOn,
} from './clocks';

const at = (iso: string) => new Date(iso);
const IL = (() => {
  const r = resolvePolicy('il-social-mentorship');
  if (!r.ok) throw new Error('preset');
  return r.policy;
})();

describe('MOH-4 trial review clock', () => {
  const m = buildMentorship({ state: 'trial', startedOn: '2026-01-15', trialStartedOn: '2026-01-15' });

  it('MOH-4: the review is due exactly 3 months after the start, by the end of that day in the program zone', () => {
    // Copenhagen: 15 April 2026 ends at 22:00 UTC (summer time).
    expect(trialReviewDeadline(m, FIXTURE_POLICY, at('2026-04-15T21:59:59Z'))).toEqual({
      ruleId: 'MOH-4',
      dueOn: '2026-04-15',
      dueAt: at('2026-04-15T22:00:00Z'),
      severity: 'due',
    });
    expect(trialReviewDeadline(m, FIXTURE_POLICY, at('2026-04-15T22:00:00Z'))?.severity).toBe('overdue');
  });

  it('MOH-4: it becomes due 14 days before and is only information before then', () => {
    expect(trialReviewDeadline(m, FIXTURE_POLICY, at('2026-03-31T21:59:00Z'))?.severity).toBe('info'); // 31 Mar 23:59 local
    expect(trialReviewDeadline(m, FIXTURE_POLICY, at('2026-03-31T22:00:00Z'))?.severity).toBe('due'); // 1 Apr 00:00 local
  });

  it('MOH-4: the Israeli trial from 31 January ends on 30 April (shorter month), due by midnight Jerusalem time', () => {
    const jan31 = buildMentorship({ state: 'trial', trialStartedOn: '2026-01-31' });
    expect(trialReviewDeadline(jan31, IL, at('2026-04-01T00:00:00Z'))).toMatchObject({
      ruleId: 'MOH-4',
      dueOn: '2026-04-30',
      dueAt: at('2026-04-30T21:00:00Z'),
    });
  });

  it('MOH-4: no review is due once reviewed or outside the trial', () => {
    expect(
      trialReviewDeadline(
        { ...m, trialReviewedOn: '2026-04-10' },
        FIXTURE_POLICY,
        at('2026-05-01T00:00:00Z'),
      ),
    ).toBeNull();
    expect(
      trialReviewDeadline({ ...m, state: 'active' }, FIXTURE_POLICY, at('2026-05-01T00:00:00Z')),
    ).toBeNull();
  });
});

describe('MOH-5 planned end clock', () => {
  it('MOH-5: due 30 days before the planned last day, overdue after it', () => {
    const m = buildMentorship({ state: 'active', plannedEndOn: '2028-01-14' });
    expect(plannedEndDeadline(m, FIXTURE_POLICY, at('2027-12-14T12:00:00Z'))?.severity).toBe('info');
    expect(plannedEndDeadline(m, FIXTURE_POLICY, at('2027-12-15T12:00:00Z'))?.severity).toBe('due');
    expect(plannedEndDeadline(m, FIXTURE_POLICY, at('2028-01-14T22:59:00Z'))?.severity).toBe('due');
    expect(plannedEndDeadline(m, FIXTURE_POLICY, at('2028-01-14T23:00:00Z'))?.severity).toBe('overdue');
  });
});

describe('MOH-6 total duration across mentorships', () => {
  it('MOH-6: one unbroken mentorship from 1 March 2026 may run through 28 February 2029, the last day of 3 years', () => {
    const history = [{ from: '2026-03-01', to: null }];
    expect(totalCapStatus(history, FIXTURE_POLICY, '2029-02-28')).toEqual({
      ruleId: 'MOH-6',
      maxMonths: 36,
      capDays: 1096,
      usedDays: 1096,
      lastAllowedDay: '2029-02-28',
      reached: false,
    });
    expect(totalCapStatus(history, FIXTURE_POLICY, '2029-03-01')?.reached).toBe(true);
  });

  it('MOH-6: days of earlier mentorships with other mentors count', () => {
    // 2024 (366 days) + an ongoing period from 1 Jan 2026: 1 096 − 366 = 730 days left → 31 Dec 2027.
    const history = [
      { from: '2024-01-01', to: '2024-12-31' },
      { from: '2026-01-01', to: null },
    ];
    const s = totalCapStatus(history, FIXTURE_POLICY, '2026-01-10');
    expect(s).toMatchObject({ capDays: 1096, usedDays: 376, lastAllowedDay: '2027-12-31', reached: false });
  });

  it('MOH-6: overlapping records are counted once', () => {
    const history = [
      { from: '2025-01-01', to: '2025-01-10' },
      { from: '2025-01-05', to: '2025-01-20' },
    ];
    expect(totalCapStatus(history, FIXTURE_POLICY, '2025-02-01')?.usedDays).toBe(20);
  });

  it('MOH-6: service periods come from the state log; suspension and waiting are not service', () => {
    expect(
      servicePeriodsFromLog([
        { state: 'awaiting_match', on: '2025-01-01' },
        { state: 'trial', on: '2025-01-10' },
        { state: 'active', on: '2025-04-10' },
        { state: 'suspended', on: '2025-08-01' },
        { state: 'active', on: '2025-10-01' },
        { state: 'awaiting_match', on: '2025-12-01' },
        { state: 'trial', on: '2026-01-05' },
      ]),
    ).toEqual([
      { from: '2025-01-10', to: '2025-08-01' },
      { from: '2025-10-01', to: '2025-12-01' },
      { from: '2026-01-05', to: null },
    ]);
  });
});

describe('MOH-7 virtual horizon', () => {
  const m = buildMentorship({ state: 'active', mode: 'virtual', virtualSince: '2026-01-15' });

  it('MOH-7: virtual service needs approval from exactly 3 months after it began', () => {
    expect(virtualHorizonOn(m, FIXTURE_POLICY)).toBe('2026-04-15');
    expect(virtualContinuationMissing(m, FIXTURE_POLICY, '2026-04-14')).toBe(false);
    expect(virtualContinuationMissing(m, FIXTURE_POLICY, '2026-04-15')).toBe(true);
  });

  it('MOH-7: an approved continuation covers days up to its end', () => {
    const approved = { ...m, virtualApprovedUntil: '2026-07-14' };
    expect(virtualContinuationMissing(approved, FIXTURE_POLICY, '2026-07-14')).toBe(false);
    expect(virtualContinuationMissing(approved, FIXTURE_POLICY, '2026-07-15')).toBe(true);
  });

  it('MOH-7: in-person mentorships have no horizon', () => {
    expect(virtualHorizonOn({ ...m, mode: 'in_person' }, FIXTURE_POLICY)).toBeNull();
  });
});

describe('MOH-15 hospitalization clock', () => {
  const h = { startedOn: '2026-01-10', expectedDischargeOn: '2026-06-30', dischargedOn: null };

  it('MOH-15: the service is suspended from the day after the third month; renewal opens 14 days before discharge', () => {
    expect(hospitalizationClock(h, FIXTURE_POLICY)).toEqual({
      ruleId: 'MOH-15',
      suspendFrom: '2026-04-10',
      renewalOpensOn: '2026-06-16',
    });
    const m = buildMentorship({ state: 'active', hospitalization: h });
    expect(mustSuspendForHospitalization(m, FIXTURE_POLICY, '2026-04-09')).toBe(false);
    expect(mustSuspendForHospitalization(m, FIXTURE_POLICY, '2026-04-10')).toBe(true);
  });

  it('MOH-15: a discharge before the third month ends the clock', () => {
    const m = buildMentorship({ state: 'active', hospitalization: { ...h, dischargedOn: '2026-03-01' } });
    expect(mustSuspendForHospitalization(m, FIXTURE_POLICY, '2026-04-10')).toBe(false);
  });
});
