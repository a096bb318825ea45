import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import {
  type Approval,
  type ApprovalDecision,
  approvalRule,
  decidableKinds,
  decideApproval,
  pendingFor,
  requestApproval,
} from './approval';

const NOW = new Date('2026-05-01T10:00:00Z');
const approval = (over: Partial<Approval> = {}): Approval => ({
  id: 'a1',
  kind: 'extension',
  mentorshipId: 'm1',
  status: 'pending',
  requestedAt: new Date('2026-04-01T10:00:00Z'),
  requestedBy: 'u-coord',
  params: { until: '2028-12-31' },
  reason: 'Goals need another half year',
  decision: null,
  ...over,
});
const decision = (over: Partial<ApprovalDecision> = {}): ApprovalDecision => ({
  outcome: 'approve',
  by: 'u-committee',
  role: 'committee',
  at: NOW,
  reason: 'Progress is steady',
  ...over,
});

describe('who decides', () => {
  it('MOH-5: the committee decides extensions; MOH-7: the committee decides virtual continuation; MOH-3: the coordinator decides cap overrides', () => {
    expect(approvalRule('extension', FIXTURE_POLICY)).toEqual({ ruleId: 'MOH-5', roles: ['committee'] });
    expect(approvalRule('virtual_continuation', FIXTURE_POLICY)).toEqual({
      ruleId: 'MOH-7',
      roles: ['committee'],
    });
    expect(approvalRule('cap_override', FIXTURE_POLICY)).toEqual({ ruleId: 'MOH-3', roles: ['coordinator'] });
    expect(decidableKinds('committee', FIXTURE_POLICY)).toEqual(['extension', 'virtual_continuation']);
    expect(decidableKinds('coordinator', FIXTURE_POLICY)).toEqual(['cap_override']);
    expect(decidableKinds('mentor', FIXTURE_POLICY)).toEqual([]);
  });

  it('MOH-5: the Israeli preset sends extensions to the Rehabilitation Committee', () => {
    const r = resolvePolicy('il-social-mentorship');
    expect(r.ok && approvalRule('extension', r.policy)).toEqual({ ruleId: 'MOH-5', roles: ['committee'] });
  });

  it('a program without the rule has no such approval', () => {
    const p = fixturePolicy({ duration: null });
    expect(approvalRule('extension', p)).toBeNull();
    expect(decideApproval(approval(), decision(), p)).toEqual({
      ok: false,
      refusals: [refuse('API-01', 'approval_kind_not_in_program', { kind: 'extension' })],
    });
  });
});

describe('decideApproval', () => {
  it('MOH-5: a committee member approves an extension with a reason', () => {
    const d = decideApproval(approval(), decision(), FIXTURE_POLICY);
    expect(d.ok && d.value.status).toBe('approved');
    expect(d.ok && d.value.decision).toEqual(decision());
  });

  it('MOH-5: a refusal is a decision too', () => {
    const d = decideApproval(approval(), decision({ outcome: 'refuse' }), FIXTURE_POLICY);
    expect(d.ok && d.value.status).toBe('refused');
  });

  it('MOH-5: a coordinator may not decide an extension', () => {
    expect(decideApproval(approval(), decision({ role: 'coordinator' }), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-5', 'approval_role_not_allowed', {
          kind: 'extension',
          role: 'coordinator',
          allowedRole: 'committee',
        }),
      ],
    });
  });

  it('MOH-3: a coordinator may decide a cap override; a mentor may not', () => {
    const cap = approval({ kind: 'cap_override', params: { weekStart: '2026-04-27' } });
    expect(decideApproval(cap, decision({ role: 'coordinator' }), FIXTURE_POLICY).ok).toBe(true);
    expect(decideApproval(cap, decision({ role: 'mentor' }), FIXTURE_POLICY).ok).toBe(false);
  });

  it('MOH-7: a reason is required to decide', () => {
    const vc = approval({ kind: 'virtual_continuation' });
    expect(decideApproval(vc, decision({ reason: '   ' }), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-7', 'approval_reason_required', { kind: 'virtual_continuation' })],
    });
  });

  it('MOH-5: cannot decide twice', () => {
    const first = decideApproval(approval(), decision(), FIXTURE_POLICY);
    if (!first.ok) throw new Error('first');
    expect(decideApproval(first.value, decision({ outcome: 'refuse' }), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'approval_already_decided', { kind: 'extension', status: 'approved' })],
    });
  });
});

describe('requestApproval and the inbox', () => {
  it('MOH-5: one pending extension per mentorship', () => {
    const req = {
      id: 'a2',
      kind: 'extension' as const,
      mentorshipId: 'm1',
      requestedBy: 'u',
      params: {},
      reason: 'x',
    };
    expect(requestApproval(req, [], FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: { ...req, status: 'pending', requestedAt: NOW, decision: null },
    });
    expect(requestApproval(req, [approval()], FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-5', 'approval_already_pending', { kind: 'extension', approvalId: 'a1' })],
    });
    expect(requestApproval(req, [approval({ mentorshipId: 'm2' })], FIXTURE_POLICY, NOW).ok).toBe(true);
  });

  it('lists pending requests a role may decide, oldest first', () => {
    const list = [
      approval({ id: 'late', requestedAt: new Date('2026-04-20T00:00:00Z') }),
      approval({ id: 'early', requestedAt: new Date('2026-04-02T00:00:00Z') }),
      approval({ id: 'done', status: 'approved' }),
      approval({ id: 'cap', kind: 'cap_override' }),
    ];
    expect(pendingFor('committee', list, FIXTURE_POLICY).map((a) => a.id)).toEqual(['early', 'late']);
    expect(pendingFor('coordinator', list, FIXTURE_POLICY).map((a) => a.id)).toEqual(['cap']);
  });
});
