import { describe, expect, it } from 'vitest';
import type { Approval } from '../approvals/approval';
import type { Contact } from '../contacts/contact';
import { buildMentorship } from '../lifecycle/builders';
import type { Mentorship } from '../lifecycle/facts';
import { FIXTURE_POLICY } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import type { AttentionItem } from './items';
import { type MentorshipCase, needsAttention } from './needs-attention';

const at = (iso: string) => new Date(iso);
// Wednesday 15 April 2026, 10:00 in Copenhagen (UTC+2).
const NOW = at('2026-04-15T08:00:00Z');
const TODAY_END = at('2026-04-15T22:00:00Z');

const serving = (
  id: string,
  over: Partial<Mentorship> = {},
  extra: Partial<MentorshipCase> = {},
): MentorshipCase => ({
  mentorship: buildMentorship({
    id,
    participantId: `p-${id}`,
    mentorId: `u-${id}`,
    state: 'active',
    startedOn: '2025-09-01',
    trialStartedOn: '2025-09-01',
    trialReviewedOn: '2025-12-01',
    plannedEndOn: '2027-08-31',
    ...over,
  }),
  serviceHistory: [{ from: over.startedOn ?? '2025-09-01', to: null }],
  contacts: [],
  lastReachedAt: at('2026-04-14T08:00:00Z'),
  ...extra,
});
const contact = (iso: string, over: Partial<Contact> = {}): Contact => ({
  startsAt: at(iso),
  durationMinutes: 60,
  mode: 'in_person',
  reached: true,
  domains: [],
  specialActivity: false,
  ...over,
});
const pending = (over: Partial<Approval>): Approval => ({
  id: 'ap',
  kind: 'extension',
  mentorshipId: 'x',
  status: 'pending',
  requestedAt: at('2026-04-01T08:00:00Z'),
  requestedBy: 'u-coord',
  params: {},
  reason: 'r',
  decision: null,
  ...over,
});
const brief = (items: AttentionItem[]) =>
  items.map((i) => `${i.severity} ${i.kind} ${i.ruleId} ${i.subject.mentorshipId ?? i.subject.riskId}`);

describe('needsAttention, one rule at a time (fixture policy)', () => {
  it('MOH-4: a trial review due today is due; from tomorrow it is overdue', () => {
    const c = serving('m1', { state: 'trial', trialStartedOn: '2026-01-15', trialReviewedOn: null });
    const [item] = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator');
    expect(item).toEqual({
      kind: 'trial_review',
      ruleId: 'MOH-4',
      severity: 'due',
      dueAt: TODAY_END,
      subject: { mentorshipId: 'm1', participantId: 'p-m1', mentorId: 'u-m1' },
      params: { dueOn: '2026-04-15' },
    });
    const later = needsAttention(
      { mentorships: [c], approvals: [] },
      FIXTURE_POLICY,
      TODAY_END,
      'coordinator',
    );
    expect(brief(later)).toEqual(['overdue trial_review MOH-4 m1']);
  });

  it('MOH-5: a planned end within 30 days is due', () => {
    const c = serving('m1', { plannedEndOn: '2026-05-10' });
    const items = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator');
    expect(items.map((i) => [i.kind, i.severity, i.params])).toEqual([
      ['planned_end', 'due', { plannedEndOn: '2026-05-10', daysLeft: 25 }],
    ]);
  });

  it('MOH-5: a pending extension request answers a due planned end', () => {
    const c = serving('m1', { plannedEndOn: '2026-05-10' });
    const items = needsAttention(
      { mentorships: [c], approvals: [pending({ mentorshipId: 'm1' })] },
      FIXTURE_POLICY,
      NOW,
      'coordinator',
    );
    expect(items).toEqual([]);
  });

  it('MOH-6: the last day of 3 years approaching within 90 days is due', () => {
    const c = serving('m1', { startedOn: '2023-06-01', plannedEndOn: '2026-12-31' });
    const items = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator');
    expect(items.map((i) => [i.kind, i.ruleId, i.params])).toEqual([
      ['total_cap', 'MOH-6', { lastAllowedDay: '2026-05-31', daysLeft: 46, maxMonths: 36 }],
    ]);
  });

  it('MOH-3 and MOH-7: weeks over a cap show for coordinator and mentor; a recorded reason makes them information', () => {
    const c = serving(
      'm1',
      {},
      {
        contacts: [
          contact('2026-04-06T08:00:00Z', { durationMinutes: 200 }),
          contact('2026-04-13T08:00:00Z', { durationMinutes: 200, capOverrideReason: 'court hearing' }),
          contact('2026-04-14T08:00:00Z', { mode: 'video', durationMinutes: 190 }),
        ],
      },
    );
    const items = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'mentor');
    expect(items.map((i) => [i.severity, i.kind, i.params.weekStart, i.params.hours])).toEqual([
      ['due', 'weekly_cap_exceeded', '2026-04-06', 3.33],
      ['info', 'weekly_cap_exceeded', '2026-04-13', 3.33],
      ['info', 'weekly_virtual_cap_exceeded', '2026-04-13', 3.33],
    ]);
  });

  it('RAMP-5: contact lapsed beyond the agreed 7 days is overdue', () => {
    const c = serving('m1', { agreedEveryDays: 7 }, { lastReachedAt: at('2026-04-05T08:00:00Z') });
    const items = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'mentor');
    expect(items.map((i) => [i.severity, i.kind, i.ruleId, i.params])).toEqual([
      ['overdue', 'contact_lapsed', 'RAMP-5', { since: '2026-04-13', missed: 3 }],
    ]);
  });

  it('MOH-3: a week without a visit is overdue, dated from the first week without one', () => {
    const r = resolvePolicy('il-social-mentorship');
    if (!r.ok) throw new Error('preset');
    // Last visit Thursday 26 March 2026; program weeks start on Sunday in Jerusalem.
    const c = serving('m1', {}, { lastReachedAt: at('2026-03-26T08:00:00Z') });
    const items = needsAttention({ mentorships: [c], approvals: [] }, r.policy, NOW, 'mentor').filter(
      (i) => i.kind === 'contact_lapsed',
    );
    expect(items.map((i) => [i.severity, i.ruleId, i.params])).toEqual([
      ['overdue', 'MOH-3', { since: '2026-03-29', missed: 2 }],
    ]);
    // Sunday 29 March, 00:00 in Jerusalem (UTC+3 since the 27th), not the end of the current week.
    expect(items[0]?.dueAt).toEqual(at('2026-03-28T21:00:00Z'));
  });

  it('SIVA-2: the Latvian preset lists students not reached today', () => {
    const r = resolvePolicy('lv-siva-remote');
    if (!r.ok) throw new Error('preset');
    const reached = serving('m1', {}, { lastReachedAt: at('2026-04-15T06:00:00Z') }); // 09:00 Riga today
    const notYet = serving('m2', {}, { lastReachedAt: at('2026-04-14T06:00:00Z') });
    const items = needsAttention({ mentorships: [reached, notYet], approvals: [] }, r.policy, NOW, 'mentor');
    expect(items.map((i) => [i.severity, i.kind, i.ruleId, i.subject.mentorshipId, i.params])).toEqual([
      ['due', 'daily_check_in_missed', 'SIVA-2', 'm2', { since: '2026-04-15', missed: 0 }],
    ]);
    expect(items[0]?.dueAt).toEqual(at('2026-04-15T21:00:00Z')); // midnight in Riga (UTC+3)
  });

  it('MOH-15: the suspension day of a long hospitalization is due two weeks ahead; renewal shows once suspended', () => {
    const hospital = serving('m1', {
      hospitalization: { startedOn: '2026-01-20', expectedDischargeOn: '2026-07-01', dischargedOn: null },
    });
    expect(
      needsAttention({ mentorships: [hospital], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator').map(
        (i) => [i.kind, i.severity, i.params],
      ),
    ).toEqual([
      ['hospitalization_suspension', 'due', { hospitalizedSince: '2026-01-20', suspendFrom: '2026-04-20' }],
    ]);

    const suspended = serving('m2', {
      state: 'suspended',
      hospitalization: { startedOn: '2026-01-01', expectedDischargeOn: '2026-04-20', dischargedOn: null },
      suspension: { reason: 'hospitalization', since: '2026-04-01', from: 'active' },
    });
    expect(
      needsAttention({ mentorships: [suspended], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator').map(
        (i) => [i.kind, i.severity, i.params],
      ),
    ).toEqual([
      ['renewal_window', 'due', { renewalOpensOn: '2026-04-06', expectedDischargeOn: '2026-04-20' }],
    ]);
  });

  it('MOH-7: virtual service nearing its 3-month horizon needs the continuation request', () => {
    const c = serving('m1', { mode: 'virtual', virtualSince: '2026-01-20' });
    const items = needsAttention({ mentorships: [c], approvals: [] }, FIXTURE_POLICY, NOW, 'coordinator');
    expect(items.map((i) => [i.kind, i.severity, i.params])).toEqual([
      ['virtual_continuation', 'due', { lastDay: '2026-04-19', approverRole: 'committee' }],
    ]);
    const requested = needsAttention(
      { mentorships: [c], approvals: [pending({ kind: 'virtual_continuation', mentorshipId: 'm1' })] },
      FIXTURE_POLICY,
      NOW,
      'coordinator',
    );
    expect(requested).toEqual([]);
  });

  it('MOH-16: a participant waiting for a mentor is due, and overdue after 14 days', () => {
    const waiting = serving(
      'm1',
      { state: 'awaiting_match', mentorId: null, awaitingSince: '2026-04-10' },
      { serviceHistory: [] },
    );
    const longer = serving(
      'm2',
      { state: 'awaiting_match', mentorId: null, awaitingSince: '2026-03-20' },
      { serviceHistory: [] },
    );
    const items = needsAttention(
      { mentorships: [waiting, longer], approvals: [] },
      FIXTURE_POLICY,
      NOW,
      'coordinator',
    );
    expect(items.map((i) => [i.severity, i.kind, i.ruleId, i.subject.mentorshipId, i.params])).toEqual([
      ['overdue', 'awaiting_mentor', 'MOH-16', 'm2', { since: '2026-03-20', days: 26 }],
      ['due', 'awaiting_mentor', 'MOH-16', 'm1', { since: '2026-04-10', days: 5 }],
    ]);
  });

  it('MOH-16: a participant never matched (no mentorship at all) waits for a mentor: due on the 14th day, overdue after', () => {
    const state = {
      mentorships: [],
      approvals: [],
      unmatched: [
        { participantId: 'p-new', waitingSince: '2026-04-01' }, // day 14 today: still due
        { participantId: 'p-old', waitingSince: '2026-03-31' }, // day 15: overdue
      ],
    };
    const items = needsAttention(state, FIXTURE_POLICY, NOW, 'coordinator');
    expect(items.map((i) => [i.severity, i.kind, i.ruleId, i.subject, i.params])).toEqual([
      ['overdue', 'awaiting_mentor', 'MOH-16', { participantId: 'p-old' }, { since: '2026-03-31', days: 15 }],
      ['due', 'awaiting_mentor', 'MOH-16', { participantId: 'p-new' }, { since: '2026-04-01', days: 14 }],
    ]);
    expect(items[1]?.dueAt).toEqual(TODAY_END);
    // The wait is the coordinator's to act on; a mentor has no such person in their caseload.
    expect(needsAttention(state, FIXTURE_POLICY, NOW, 'mentor')).toEqual([]);
    // A program without a rematch rule still flags the wait, under its match rule.
    const siva = resolvePolicy('lv-siva-remote', {});
    if (!siva.ok) throw new Error('preset');
    expect(needsAttention(state, siva.policy, NOW, 'coordinator').map((i) => i.ruleId)).toEqual([
      'SIVA-1',
      'SIVA-1',
    ]);
  });

  it('MOH-5 and MOH-3: pending approvals go to the role that decides them', () => {
    const approvals = [
      pending({ id: 'ext', kind: 'extension' }),
      pending({ id: 'cap', kind: 'cap_override', requestedAt: at('2026-04-10T08:00:00Z') }),
    ];
    const ids = (role: 'committee' | 'coordinator' | 'mentor') =>
      needsAttention({ mentorships: [], approvals }, FIXTURE_POLICY, NOW, role).map((i) => [
        i.ruleId,
        i.subject.approvalId,
      ]);
    expect(ids('committee')).toEqual([['MOH-5', 'ext']]);
    expect(ids('coordinator')).toEqual([['MOH-3', 'cap']]);
    expect(ids('mentor')).toEqual([]);
  });

  it('CM-4: an unreferred risk observation alerts the coordinator at once', () => {
    const r = resolvePolicy('il-community-mentors');
    if (!r.ok) throw new Error('preset');
    const risks = [
      {
        id: 'r1',
        participantId: 'p1',
        mentorshipId: null,
        severity: 'low' as const,
        observedAt: at('2026-04-15T07:00:00Z'),
        referredAt: null,
      },
      {
        id: 'r2',
        participantId: 'p2',
        mentorshipId: null,
        severity: 'high' as const,
        observedAt: at('2026-04-14T07:00:00Z'),
        referredAt: at('2026-04-14T09:00:00Z'),
      },
    ];
    const items = needsAttention({ mentorships: [], approvals: [], risks }, r.policy, NOW, 'coordinator');
    expect(items).toEqual([
      {
        kind: 'risk_referral',
        ruleId: 'CM-4',
        severity: 'overdue',
        dueAt: at('2026-04-15T07:00:00Z'),
        subject: { participantId: 'p1', riskId: 'r1' },
        params: { severity: 'low', observedOn: '2026-04-15' },
      },
    ]);
    expect(needsAttention({ mentorships: [], approvals: [], risks }, r.policy, NOW, 'mentor')).toEqual([]);
  });
});

describe('needsAttention, ordering and roles', () => {
  const state = {
    mentorships: [
      serving('a', { plannedEndOn: '2026-05-10' }),
      serving('b', { state: 'trial', trialStartedOn: '2026-01-10', trialReviewedOn: null }),
      serving(
        'c',
        { state: 'awaiting_match', mentorId: null, awaitingSince: '2026-04-14' },
        { serviceHistory: [] },
      ),
      serving('d', { state: 'closed', plannedEndOn: '2026-04-01' }),
    ],
    approvals: [],
  };

  it('sorts overdue first, then by deadline, the same way every time', () => {
    const items = needsAttention(state, FIXTURE_POLICY, NOW, 'coordinator');
    expect(brief(items)).toEqual([
      'overdue trial_review MOH-4 b',
      'due awaiting_mentor MOH-16 c',
      'due planned_end MOH-5 a',
    ]);
    expect(
      brief(
        needsAttention(
          { ...state, mentorships: [...state.mentorships].reverse() },
          FIXTURE_POLICY,
          NOW,
          'coordinator',
        ),
      ),
    ).toEqual(brief(items));
  });

  it('a mentor sees only contact and cap items; evaluators and participants see nothing', () => {
    expect(needsAttention(state, FIXTURE_POLICY, NOW, 'mentor')).toEqual([]);
    expect(needsAttention(state, FIXTURE_POLICY, NOW, 'evaluator')).toEqual([]);
    expect(needsAttention(state, FIXTURE_POLICY, NOW, 'participant')).toEqual([]);
  });
});
