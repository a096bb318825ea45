import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { rhythmStatus } from './rhythm';

const at = (iso: string) => new Date(iso);
const LV = (() => {
  const r = resolvePolicy('lv-siva-remote');
  if (!r.ok) throw new Error('preset');
  return r.policy;
})();
const since = at('2026-01-05T08:00:00Z');

describe('daily check-in (SIVA-2, Riga)', () => {
  it('SIVA-2: reached today in Riga time is not lapsed; next due by the end of tomorrow', () => {
    // 23:30 local on 12 January (UTC+2) is still 12 January in Riga.
    const s = rhythmStatus(
      { lastReachedAt: at('2026-01-12T21:30:00Z'), since },
      LV,
      at('2026-01-12T21:45:00Z'),
    );
    expect(s).toMatchObject({ ruleId: 'SIVA-2', kind: 'daily', lapsed: false, severity: null });
    expect(s?.dueAt).toEqual(at('2026-01-13T22:00:00Z'));
  });

  it('SIVA-2: not reached today is a lapse since local midnight, still only due', () => {
    const s = rhythmStatus(
      { lastReachedAt: at('2026-01-12T10:00:00Z'), since },
      LV,
      at('2026-01-13T09:00:00Z'),
    );
    expect(s).toMatchObject({ lapsed: true, severity: 'due', missed: 0 });
    expect(s?.lapsedSince).toEqual(at('2026-01-12T22:00:00Z'));
    expect(s?.dueAt).toEqual(at('2026-01-13T22:00:00Z'));
  });

  it('SIVA-2: a whole day without contact is overdue', () => {
    const s = rhythmStatus(
      { lastReachedAt: at('2026-01-12T10:00:00Z'), since },
      LV,
      at('2026-01-14T09:00:00Z'),
    );
    expect(s).toMatchObject({ lapsed: true, severity: 'overdue', missed: 1 });
    expect(s?.lapsedSince).toEqual(at('2026-01-12T22:00:00Z'));
  });

  it('SIVA-2: a contact late in the evening UTC counts for the next Riga day', () => {
    // 22:30Z on 12 January is 00:30 on 13 January in Riga.
    const s = rhythmStatus(
      { lastReachedAt: at('2026-01-12T22:30:00Z'), since },
      LV,
      at('2026-01-13T20:00:00Z'),
    );
    expect(s?.lapsed).toBe(false);
  });

  it('SIVA-2: never reached since the start day counts from the start day', () => {
    const s = rhythmStatus({ lastReachedAt: null, since }, LV, at('2026-01-05T12:00:00Z'));
    expect(s).toMatchObject({ lapsed: true, severity: 'due' });
    expect(s?.lapsedSince).toEqual(at('2026-01-04T22:00:00Z'));
  });
});

describe('agreed rhythm (RAMP-5)', () => {
  it('RAMP-5: every 7 days — due by the end of the 7th day after the last contact, Copenhagen time', () => {
    const last = at('2026-03-02T10:00:00Z'); // Monday 2 March
    const onTime = rhythmStatus(
      { lastReachedAt: last, since, agreedEveryDays: 7 },
      FIXTURE_POLICY,
      at('2026-03-09T22:59:00Z'),
    );
    expect(onTime).toMatchObject({ ruleId: 'RAMP-5', kind: 'agreed', everyDays: 7, lapsed: false });
    expect(onTime?.dueAt).toEqual(at('2026-03-09T23:00:00Z')); // end of Monday 9 March (UTC+1)
    const late = rhythmStatus(
      { lastReachedAt: last, since, agreedEveryDays: 7 },
      FIXTURE_POLICY,
      at('2026-03-09T23:00:00Z'),
    );
    expect(late).toMatchObject({ lapsed: true, severity: 'overdue', missed: 1 });
    expect(late?.lapsedSince).toEqual(at('2026-03-09T23:00:00Z'));
  });

  it('RAMP-5: across the spring DST change the due instant moves to local midnight in summer time', () => {
    const s = rhythmStatus(
      { lastReachedAt: at('2026-03-25T10:00:00Z'), since, agreedEveryDays: 7 },
      FIXTURE_POLICY,
      at('2026-03-30T10:00:00Z'),
    );
    expect(s?.dueAt).toEqual(at('2026-04-01T22:00:00Z')); // end of 1 April (UTC+2)
  });

  it('RAMP-5: the policy default applies until a rhythm is agreed; none at all means no check', () => {
    const s = rhythmStatus(
      { lastReachedAt: at('2026-03-02T10:00:00Z'), since },
      FIXTURE_POLICY,
      at('2026-03-05T10:00:00Z'),
    );
    expect(s?.everyDays).toBe(7);
    const r = resolvePolicy('dk-rampen');
    if (!r.ok) throw new Error('preset');
    expect(rhythmStatus({ lastReachedAt: null, since }, r.policy, at('2026-03-05T10:00:00Z'))).toBeNull();
    expect(
      rhythmStatus({ lastReachedAt: null, since, agreedEveryDays: 14 }, r.policy, at('2026-03-05T10:00:00Z'))
        ?.lapsed,
    ).toBe(true);
  });

  it('a program without a rhythm has no lapse', () => {
    expect(
      rhythmStatus(
        { lastReachedAt: null, since },
        fixturePolicy({ contactRhythm: null }),
        at('2027-01-01T00:00:00Z'),
      ),
    ).toBeNull();
  });
});

describe('weekly rhythm (MOH-3, CM-2)', () => {
  const weekly = fixturePolicy({ contactRhythm: { kind: 'weekly', ruleId: 'CM-2', defaultEveryDays: null } });
  const IL = (() => {
    const r = resolvePolicy('il-community-mentors');
    if (!r.ok) throw new Error('preset');
    return r.policy;
  })();

  it('CM-2: a contact this week is on rhythm; none this week is due by the end of the week', () => {
    expect(
      rhythmStatus({ lastReachedAt: at('2026-02-03T10:00:00Z'), since }, weekly, at('2026-02-06T10:00:00Z'))
        ?.lapsed,
    ).toBe(false);
    const s = rhythmStatus(
      { lastReachedAt: at('2026-02-03T10:00:00Z'), since },
      weekly,
      at('2026-02-10T10:00:00Z'),
    );
    expect(s).toMatchObject({ ruleId: 'CM-2', lapsed: true, severity: 'due', missed: 0 });
    expect(s?.dueAt).toEqual(at('2026-02-15T23:00:00Z'));
  });

  it('CM-2: a whole missed week is overdue', () => {
    const s = rhythmStatus(
      { lastReachedAt: at('2026-02-03T10:00:00Z'), since },
      weekly,
      at('2026-02-17T10:00:00Z'),
    );
    expect(s).toMatchObject({ severity: 'overdue', missed: 1 });
    expect(s?.lapsedSince).toEqual(at('2026-02-08T23:00:00Z'));
  });

  it('CM-2: the Israeli week turns at Sunday 00:00 Jerusalem time', () => {
    const last = at('2026-01-13T10:00:00Z'); // Tuesday, week of Sunday 11 January
    expect(rhythmStatus({ lastReachedAt: last, since }, IL, at('2026-01-17T21:59:00Z'))?.lapsed).toBe(false); // Sat 23:59
    expect(rhythmStatus({ lastReachedAt: last, since }, IL, at('2026-01-17T22:00:00Z'))).toMatchObject({
      lapsed: true,
      severity: 'due',
    }); // Sun 00:00
  });
});
