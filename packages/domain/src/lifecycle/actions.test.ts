import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import { availableActions, refusalsFor } from './actions';
import { buildFacts, buildMentor, buildServing } from './builders';
import { actionsIn, MENTORSHIP_STATES, TRANSITIONS } from './states';

const at = (iso: string) => new Date(iso);
const allowed = (list: ReturnType<typeof availableActions>) =>
  list.filter((a) => a.allowed).map((a) => a.action);
const offered = (list: ReturnType<typeof availableActions>) => list.map((a) => a.action);

describe('transition table', () => {
  it('closed is final; every other state can close', () => {
    expect(actionsIn('closed')).toEqual([]);
    for (const s of MENTORSHIP_STATES.filter((x) => x !== 'closed')) {
      expect(TRANSITIONS[s]).toHaveProperty('close', ['closed']);
    }
  });

  it('every target is a known state', () => {
    for (const row of Object.values(TRANSITIONS)) {
      for (const targets of Object.values(row)) {
        for (const t of targets) expect(MENTORSHIP_STATES).toContain(t);
      }
    }
  });
});

describe('availableActions', () => {
  it('MOH-1: awaiting a match, start is offered and allowed when the rules are met', () => {
    const list = availableActions('awaiting_match', buildFacts(), FIXTURE_POLICY, at('2026-01-15T10:00:00Z'));
    expect(list).toEqual([
      { action: 'start', allowed: true, refusals: [], targets: ['trial', 'active'] },
      { action: 'close', allowed: true, refusals: [], targets: ['closed'] },
    ]);
  });

  it('MOH-10: start is offered but refused with the reason the UI shows', () => {
    const facts = buildFacts({ mentor: buildMentor({ birthDate: '2010-01-01' }) });
    expect(refusalsFor('start', facts, FIXTURE_POLICY, at('2026-01-15T10:00:00Z'))).toEqual([
      refuse('MOH-10', 'mentor_too_young', { age: 16, minAge: 21 }),
    ]);
  });

  it('MOH-4: a trial offers the review; an in-person mentorship does not offer virtual continuation', () => {
    const trial = buildServing('2026-01-15', { state: 'trial', plannedEndOn: '2028-01-14' });
    const list = availableActions('trial', trial, FIXTURE_POLICY, at('2026-04-15T10:00:00Z'));
    expect(offered(list)).toEqual([
      'record_contact',
      'review_trial',
      'switch_mode',
      'request_extension',
      'record_hospitalization',
      'suspend',
      'change_mentor',
      'close',
    ]);
    expect(allowed(list)).toEqual(offered(list));
  });

  it('MOH-5: past the planned end, contact is refused and an extension may be requested', () => {
    const facts = buildServing('2026-01-15', { plannedEndOn: '2028-01-14', trialReviewedOn: '2026-04-10' });
    const list = availableActions('active', facts, FIXTURE_POLICY, at('2028-02-01T10:00:00Z'));
    expect(list.find((a) => a.action === 'record_contact')?.refusals).toEqual([
      refuse('MOH-5', 'planned_end_passed', { plannedEndOn: '2028-01-14' }),
    ]);
    expect(list.find((a) => a.action === 'request_extension')?.allowed).toBe(true);
  });

  it('MOH-6: no extension can be requested when the planned end is already the last day of 3 years', () => {
    const facts = buildServing('2026-03-01', { plannedEndOn: '2029-02-28' });
    expect(refusalsFor('request_extension', facts, FIXTURE_POLICY, at('2029-01-10T10:00:00Z'))).toEqual([
      refuse('MOH-6', 'extension_beyond_total_cap', {
        until: '2029-03-01',
        lastAllowedDay: '2029-02-28',
        maxMonths: 36,
      }),
    ]);
  });

  it('MOH-7: a virtual mentorship offers the continuation request', () => {
    const facts = buildServing('2026-01-15', {
      mode: 'virtual',
      virtualSince: '2026-01-15',
      plannedEndOn: '2028-01-14',
    });
    const list = availableActions('active', facts, FIXTURE_POLICY, at('2026-04-01T10:00:00Z'));
    expect(list.find((a) => a.action === 'request_virtual_continuation')).toEqual({
      action: 'request_virtual_continuation',
      allowed: true,
      refusals: [],
      targets: ['active'],
    });
  });

  it('MOH-15: a suspended mentorship offers resume, refused until renewal opens', () => {
    const facts = buildServing('2025-06-01', {
      state: 'suspended',
      hospitalization: { startedOn: '2026-01-10', expectedDischargeOn: '2026-06-30', dischargedOn: null },
      suspension: { reason: 'hospitalization', since: '2026-04-10', from: 'active' },
    });
    const list = availableActions('suspended', facts, FIXTURE_POLICY, at('2026-05-01T10:00:00Z'));
    expect(offered(list)).toEqual(['record_hospitalization', 'resume', 'close']);
    expect(list.find((a) => a.action === 'resume')?.refusals).toEqual([
      refuse('MOH-15', 'renewal_not_open', {
        renewalOpensOn: '2026-06-16',
        expectedDischargeOn: '2026-06-30',
      }),
    ]);
  });

  it('a closed mentorship offers nothing', () => {
    expect(
      availableActions('closed', buildServing('2025-01-01'), FIXTURE_POLICY, at('2026-01-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('SIVA-2: the Latvian preset offers only the actions its rules have (no trial, virtual, extension, hospitalization)', () => {
    const r = resolvePolicy('lv-siva-remote');
    if (!r.ok) throw new Error('preset');
    const list = availableActions('active', buildServing('2026-01-05'), r.policy, at('2026-02-01T10:00:00Z'));
    expect(offered(list)).toEqual(['record_contact', 'suspend', 'change_mentor', 'close']);
  });
});
