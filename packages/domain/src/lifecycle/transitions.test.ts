import { describe, expect, it } from 'vitest';
import type { Approval } from '../approvals/approval';
import { decideApproval } from '../approvals/approval';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { refuse } from '../refusal';
import { buildServing } from './builders';
import { changeMentor, closeMentorship } from './closure';
import { applyExtension, requestExtension } from './extension';
import { recordHospitalization, resumeMentorship, suspendMentorship } from './suspension';
import { reviewTrial } from './trial';
import { applyVirtualContinuation, requestVirtualContinuation, switchMode } from './virtual';

const at = (iso: string) => new Date(iso);
const META = { id: 'ap-1', requestedBy: 'u-coord', reason: 'Still working on the job goal' };
const approve = (a: Approval, role: 'committee' | 'coordinator' = 'committee') => {
  const d = decideApproval(
    a,
    { outcome: 'approve', by: 'u-c', role, at: at('2026-03-01T10:00:00Z'), reason: 'ok' },
    FIXTURE_POLICY,
  );
  if (!d.ok) throw new Error(JSON.stringify(d.refusals));
  return d.value;
};

describe('MOH-4 trial review', () => {
  const trial = buildServing('2026-01-15', { state: 'trial', trialStartedOn: '2026-01-15' });
  const NOW = at('2026-04-15T10:00:00Z');

  it('MOH-4: continue moves to active with the same mentor', () => {
    expect(reviewTrial(trial, 'continue', FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: {
        outcome: 'continue',
        reviewedOn: '2026-04-15',
        nextState: 'active',
        endAssignment: null,
        planRevisionRequired: false,
        awaitingSince: null,
      },
    });
  });

  it('MOH-4: change mentor ends the assignment and waits for a new match', () => {
    const d = reviewTrial(trial, 'change_mentor', FIXTURE_POLICY, NOW);
    expect(d.ok && d.value).toMatchObject({
      nextState: 'awaiting_match',
      endAssignment: { mentorId: 'u-mentor', reason: 'trial_review' },
      awaitingSince: '2026-04-15',
    });
  });

  it('MOH-4: revise plan keeps the mentor, moves to active and asks for a new plan', () => {
    const d = reviewTrial(trial, 'revise_plan', FIXTURE_POLICY, NOW);
    expect(d.ok && d.value).toMatchObject({
      nextState: 'active',
      endAssignment: null,
      planRevisionRequired: true,
    });
  });

  it('MOH-4: a trial is reviewed once, and only in trial', () => {
    const reviewed = buildServing('2026-01-15', { state: 'trial', trialReviewedOn: '2026-04-01' });
    expect(reviewTrial(reviewed, 'continue', FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-4', 'trial_already_reviewed', { reviewedOn: '2026-04-01' })],
    });
    expect(reviewTrial(buildServing('2026-01-15'), 'continue', FIXTURE_POLICY, NOW).ok).toBe(false);
  });
});

describe('MOH-5 extension', () => {
  const facts = buildServing('2026-01-15', { plannedEndOn: '2028-01-14' });
  const NOW = at('2027-12-01T10:00:00Z');

  it('MOH-5: an extension is requested from the committee, then applied once approved', () => {
    const req = requestExtension(facts, '2028-07-14', META, FIXTURE_POLICY, NOW);
    expect(req).toEqual({
      ok: true,
      value: {
        id: 'ap-1',
        kind: 'extension',
        mentorshipId: 'm-1',
        requestedBy: 'u-coord',
        reason: META.reason,
        params: { until: '2028-07-14', plannedEndOn: '2028-01-14' },
        status: 'pending',
        requestedAt: NOW,
        decision: null,
      },
    });
    if (!req.ok) return;
    expect(applyExtension(facts, req.value, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'approval_not_approved', { approvalId: 'ap-1', status: 'pending' })],
    });
    expect(applyExtension(facts, approve(req.value), FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: { plannedEndOn: '2028-07-14' },
    });
  });

  it('MOH-5: the new end must be later than the planned end', () => {
    expect(requestExtension(facts, '2028-01-14', META, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'extension_not_later', { until: '2028-01-14', plannedEndOn: '2028-01-14' })],
    });
  });

  it('MOH-6: an extension may run to the last day of 3 years, not a day beyond', () => {
    expect(requestExtension(facts, '2029-01-14', META, FIXTURE_POLICY, NOW).ok).toBe(true);
    expect(requestExtension(facts, '2029-01-15', META, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-6', 'extension_beyond_total_cap', {
          until: '2029-01-15',
          lastAllowedDay: '2029-01-14',
          maxMonths: 36,
        }),
      ],
    });
  });

  it('MOH-5: one pending request at a time', () => {
    const pending = requestExtension(facts, '2028-07-14', META, FIXTURE_POLICY, NOW);
    if (!pending.ok) throw new Error('first');
    const again = requestExtension(
      { ...facts, approvals: [pending.value] },
      '2028-08-14',
      { ...META, id: 'ap-2' },
      FIXTURE_POLICY,
      NOW,
    );
    expect(again).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'approval_already_pending', { kind: 'extension', approvalId: 'ap-1' })],
    });
  });
});

describe('MOH-7 virtual mode', () => {
  const NOW = at('2026-01-15T10:00:00Z');

  it('MOH-7: switching to virtual starts its clock; back to in person clears it', () => {
    const inPerson = buildServing('2026-01-05');
    expect(switchMode(inPerson, 'virtual', FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: { mode: 'virtual', virtualSince: '2026-01-15', virtualApprovedUntil: null },
    });
    const virtual = buildServing('2026-01-05', { mode: 'virtual', virtualSince: '2026-01-15' });
    expect(switchMode(virtual, 'in_person', FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: { mode: 'in_person', virtualSince: null, virtualApprovedUntil: null },
    });
    expect(switchMode(virtual, 'virtual', FIXTURE_POLICY, NOW).ok).toBe(false);
    expect(switchMode(inPerson, 'virtual', fixturePolicy({ virtual: null }), NOW)).toEqual({
      ok: false,
      refusals: [refuse('PLATFORM-4', 'virtual_not_in_program', {})],
    });
  });

  it('MOH-7: continuation beyond 3 months is asked of the district coordinator (committee) and applied once approved', () => {
    const virtual = buildServing('2026-01-05', { mode: 'virtual', virtualSince: '2026-01-15' });
    const req = requestVirtualContinuation(
      virtual,
      '2026-07-14',
      META,
      FIXTURE_POLICY,
      at('2026-04-01T10:00:00Z'),
    );
    expect(req.ok && req.value.params).toEqual({ until: '2026-07-14', horizonOn: '2026-04-15' });
    expect(req.ok && req.value.kind).toBe('virtual_continuation');
    if (!req.ok) return;
    expect(applyVirtualContinuation(virtual, approve(req.value), FIXTURE_POLICY)).toEqual({
      ok: true,
      value: { virtualApprovedUntil: '2026-07-14' },
    });
    expect(requestVirtualContinuation(virtual, '2026-04-14', META, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-7', 'virtual_continuation_before_horizon', {
          until: '2026-04-14',
          horizonOn: '2026-04-15',
        }),
      ],
    });
    expect(
      requestVirtualContinuation(buildServing('2026-01-05'), '2026-07-14', META, FIXTURE_POLICY, NOW),
    ).toEqual({
      ok: false,
      refusals: [refuse('MOH-7', 'not_virtual', {})],
    });
  });

  it('MOH-7: an approved extension cannot be applied as a virtual continuation', () => {
    const virtual = buildServing('2026-01-05', { mode: 'virtual', virtualSince: '2026-01-15' });
    const ext = requestExtension(
      buildServing('2026-01-05', { plannedEndOn: '2027-01-04' }),
      '2027-06-01',
      META,
      FIXTURE_POLICY,
      NOW,
    );
    if (!ext.ok) throw new Error('ext');
    expect(applyVirtualContinuation(virtual, approve(ext.value), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-7', 'approval_wrong_kind', { approvalId: 'ap-1', kind: 'extension' })],
    });
  });
});

describe('MOH-15 hospitalization, suspension and renewal', () => {
  const h = { startedOn: '2026-01-10', expectedDischargeOn: '2026-06-30', dischargedOn: null };

  it('MOH-15: records start and expected discharge; discharge before admission is refused', () => {
    const facts = buildServing('2025-06-01');
    expect(recordHospitalization(facts, h, FIXTURE_POLICY)).toEqual({ ok: true, value: h });
    expect(recordHospitalization(facts, { ...h, expectedDischargeOn: '2026-01-01' }, FIXTURE_POLICY)).toEqual(
      {
        ok: false,
        refusals: [refuse('MOH-15', 'hospitalization_dates_invalid', { startedOn: '2026-01-10' })],
      },
    );
  });

  it('MOH-15: suspension remembers the state to return to', () => {
    const facts = buildServing('2025-06-01', { hospitalization: h });
    expect(suspendMentorship(facts, 'hospitalization', FIXTURE_POLICY, at('2026-04-10T10:00:00Z'))).toEqual({
      ok: true,
      value: {
        state: 'suspended',
        suspension: { reason: 'hospitalization', since: '2026-04-10', from: 'active' },
      },
    });
    expect(
      suspendMentorship(
        buildServing('2025-06-01'),
        'hospitalization',
        FIXTURE_POLICY,
        at('2026-04-10T10:00:00Z'),
      ),
    ).toEqual({
      ok: false,
      refusals: [refuse('MOH-15', 'hospitalization_not_recorded', {})],
    });
  });

  it('MOH-15: renewal opens exactly 2 weeks before the expected discharge, in the program zone', () => {
    const suspended = buildServing(
      '2025-06-01',
      {
        state: 'suspended',
        hospitalization: h,
        suspension: { reason: 'hospitalization', since: '2026-04-10', from: 'active' },
      },
      { serviceHistory: [{ from: '2025-06-01', to: '2026-04-10' }] },
    );
    // 15 June 23:59 Copenhagen (UTC+2) is still too early; 16 June 00:00 is open.
    expect(resumeMentorship(suspended, FIXTURE_POLICY, at('2026-06-15T21:59:00Z'))).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-15', 'renewal_not_open', {
          renewalOpensOn: '2026-06-16',
          expectedDischargeOn: '2026-06-30',
        }),
      ],
    });
    expect(resumeMentorship(suspended, FIXTURE_POLICY, at('2026-06-15T22:00:00Z'))).toEqual({
      ok: true,
      value: { state: 'active', clearHospitalization: true },
    });
  });

  it('MOH-15: without an expected discharge, renewal waits for one', () => {
    const suspended = buildServing('2025-06-01', {
      state: 'suspended',
      hospitalization: { ...h, expectedDischargeOn: null },
      suspension: { reason: 'hospitalization', since: '2026-04-10', from: 'trial' },
    });
    expect(resumeMentorship(suspended, FIXTURE_POLICY, at('2026-06-20T10:00:00Z'))).toEqual({
      ok: false,
      refusals: [refuse('MOH-15', 'discharge_date_unknown', {})],
    });
    const discharged = buildServing('2025-06-01', {
      state: 'suspended',
      hospitalization: { ...h, expectedDischargeOn: null, dischargedOn: '2026-06-18' },
      suspension: { reason: 'hospitalization', since: '2026-04-10', from: 'trial' },
    });
    expect(resumeMentorship(discharged, FIXTURE_POLICY, at('2026-06-20T10:00:00Z'))).toEqual({
      ok: true,
      value: { state: 'trial', clearHospitalization: true },
    });
  });
});

describe('closure and rematch', () => {
  const NOW = at('2026-05-05T10:00:00Z');

  it('MOH-14: the participant may end the service at any time, from any open state', () => {
    for (const state of ['awaiting_match', 'trial', 'active', 'suspended'] as const) {
      const d = closeMentorship(
        buildServing('2026-01-05', { state }),
        'participant_choice',
        null,
        FIXTURE_POLICY,
        NOW,
      );
      expect(d.ok && d.value).toEqual({
        state: 'closed',
        reason: 'participant_choice',
        closedOn: '2026-05-05',
        endAssignment: { mentorId: 'u-mentor' },
      });
    }
  });

  it('MOH-14: closing for another reason needs a note; a closed mentorship cannot close again', () => {
    expect(closeMentorship(buildServing('2026-01-05'), 'other', ' ', FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('PLATFORM-4', 'closure_note_required', { reason: 'other' })],
    });
    expect(closeMentorship(buildServing('2026-01-05'), 'other', 'Moved abroad', FIXTURE_POLICY, NOW).ok).toBe(
      true,
    );
    expect(
      closeMentorship(buildServing('2026-01-05', { state: 'closed' }), 'goals_met', null, FIXTURE_POLICY, NOW)
        .ok,
    ).toBe(false);
  });

  it('MOH-16: when the mentor leaves, the mentorship waits for a new mentor and keeps its history', () => {
    expect(changeMentor(buildServing('2026-01-05'), 'mentor_left', FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: {
        state: 'awaiting_match',
        endAssignment: { mentorId: 'u-mentor', reason: 'mentor_left', endedOn: '2026-05-05' },
        awaitingSince: '2026-05-05',
      },
    });
    expect(
      changeMentor(buildServing('2026-01-05', { mentorId: null }), 'mismatch', FIXTURE_POLICY, NOW),
    ).toEqual({
      ok: false,
      refusals: [refuse('MOH-16', 'no_current_mentor', {})],
    });
  });
});
