import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import { buildMentor, buildServing } from './builders';
import { canRecordContact } from './contact';

const at = (iso: string) => new Date(iso);
const visit = (iso: string) => ({ startsAt: at(iso), mode: 'in_person' as const });
const NOW = at('2030-01-01T12:00:00Z');

describe('canRecordContact', () => {
  it('RAMP-4: no contact before the mentor acknowledged the briefing', () => {
    const facts = buildServing('2026-01-05', {}, { mentor: buildMentor({ briefingAcknowledgedOn: null }) });
    expect(canRecordContact(facts, visit('2026-01-06T10:00:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('RAMP-4', 'briefing_not_acknowledged', {})],
    });
    const later = buildServing(
      '2026-01-05',
      {},
      { mentor: buildMentor({ briefingAcknowledgedOn: '2026-01-07' }) },
    );
    expect(canRecordContact(later, visit('2026-01-06T10:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(false);
    expect(canRecordContact(later, visit('2026-01-07T10:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true);
  });

  it('RAMP-4: the Rampen preset asks for the briefing; the Latvian preset does not', () => {
    const facts = buildServing('2026-01-05', {}, { mentor: buildMentor({ briefingAcknowledgedOn: null }) });
    const p3 = resolvePolicy('dk-rampen');
    const p4 = resolvePolicy('lv-siva-remote');
    if (!p3.ok || !p4.ok) throw new Error('preset');
    expect(canRecordContact(facts, visit('2026-01-06T10:00:00Z'), p3.policy, NOW).ok).toBe(false);
    expect(
      canRecordContact(facts, { startsAt: at('2026-01-06T10:00:00Z'), mode: 'phone' }, p4.policy, NOW).ok,
    ).toBe(true);
  });

  it('MOH-5: past the planned end date a contact needs an approved extension', () => {
    const facts = buildServing('2026-01-15', { plannedEndOn: '2028-01-14' });
    expect(canRecordContact(facts, visit('2028-01-14T20:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true); // 21:00 local
    expect(canRecordContact(facts, visit('2028-01-14T23:30:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'planned_end_passed', { plannedEndOn: '2028-01-14' })],
    });
  });

  it('MOH-6: a contact on the last day of 3 years is allowed; the next day is refused', () => {
    const facts = buildServing('2026-03-01', { plannedEndOn: '2029-06-30' });
    expect(canRecordContact(facts, visit('2029-02-28T12:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true);
    expect(canRecordContact(facts, visit('2029-03-01T12:00:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-6', 'total_duration_cap_reached', { maxMonths: 36, lastAllowedDay: '2029-02-28' }),
      ],
    });
  });

  it('MOH-15: after the third month of hospitalization the service must be suspended first', () => {
    const facts = buildServing('2026-01-01', {
      hospitalization: { startedOn: '2026-02-01', expectedDischargeOn: null, dischargedOn: null },
    });
    expect(canRecordContact(facts, visit('2026-04-30T10:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true);
    expect(canRecordContact(facts, visit('2026-05-01T10:00:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-15', 'hospitalization_suspension_required', { suspendFrom: '2026-05-01' })],
    });
  });

  it('MOH-7: a video call beyond 3 months of virtual service needs the approved continuation', () => {
    const facts = buildServing('2026-01-15', { mode: 'virtual', virtualSince: '2026-01-15' });
    const video = (iso: string) => ({ startsAt: at(iso), mode: 'video' as const });
    expect(canRecordContact(facts, video('2026-04-14T12:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true);
    expect(canRecordContact(facts, video('2026-04-15T12:00:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-7', 'virtual_continuation_required', {
          horizonOn: '2026-04-15',
          approverRole: 'committee',
        }),
      ],
    });
    const approved = buildServing('2026-01-15', {
      mode: 'virtual',
      virtualSince: '2026-01-15',
      virtualApprovedUntil: '2026-07-14',
    });
    expect(canRecordContact(approved, video('2026-04-15T12:00:00Z'), FIXTURE_POLICY, NOW).ok).toBe(true);
  });

  it('no contact in a closed or suspended mentorship, nor in the future', () => {
    const closed = buildServing('2026-01-15', { state: 'closed' });
    expect(canRecordContact(closed, visit('2026-02-01T10:00:00Z'), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('PLATFORM-4', 'action_not_available', { action: 'record_contact', state: 'closed' })],
    });
    const facts = buildServing('2026-01-15');
    expect(
      canRecordContact(facts, visit('2026-02-01T10:00:00Z'), FIXTURE_POLICY, at('2026-02-01T09:00:00Z')),
    ).toEqual({
      ok: false,
      refusals: [refuse('API-01', 'contact_in_future', { date: '2026-02-01' })],
    });
  });

  it('API-01: a phone clock up to five minutes fast is not a contact in the future; six minutes is', () => {
    const facts = buildServing('2026-01-15');
    const now = at('2026-02-01T09:00:00Z');
    expect(canRecordContact(facts, visit('2026-02-01T09:05:00Z'), FIXTURE_POLICY, now).ok).toBe(true);
    expect(canRecordContact(facts, visit('2026-02-01T09:06:00Z'), FIXTURE_POLICY, now)).toEqual({
      ok: false,
      refusals: [refuse('API-01', 'contact_in_future', { date: '2026-02-01' })],
    });
  });
});
