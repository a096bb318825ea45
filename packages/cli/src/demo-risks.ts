/**
 * CM-4: a sign of risk a mentor noticed, as the risks service records it — the
 * indicators and severity, the description sealed (CRY-01), the coordinator
 * alert written with it when the program's policy says the severity alerts at
 * once (REL-08), then what the coordinator did, a referral followed to its
 * outcome, or the record closed.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  alertRoleOf,
  alertsAtOnce,
  type ReferralService,
  type ReferralStatus,
  type RiskActionKind,
  type RiskIndicator,
  type RiskSeverity,
} from '@tandem/domain';
import { at, type DemoProgram, type Story } from './demo-story';

export const RISK_DESCRIPTION = 'risk_observations.description';
export const RISK_ACTION_NOTE = 'risk_actions.note';
export const REFERRAL_OUTCOME = 'referrals.outcome';

export interface RiskSpec {
  story: Story;
  /** Days before today the mentor noticed it, and the hour. */
  ago: number;
  hour: number;
  indicators: RiskIndicator[];
  severity: RiskSeverity;
  description: string;
  /** The coordinator's steps, by days after the observation. */
  actions: { after: number; kind: RiskActionKind; note?: string }[];
  referral?: {
    after: number;
    service: ReferralService;
    serviceName?: string;
    /** Where it got to, and when (days after the referral). */
    status: ReferralStatus;
    movedAfter?: number;
    outcome?: string;
  };
  /** Closed by the coordinator this many days after the observation (no or no further referral needed). */
  closedAfter?: number;
}

export function writeRisk(p: DemoProgram, spec: RiskSpec) {
  const { story } = spec;
  if (!story.mentorId || story.state === 'closed') throw new Error('demo risk needs a current mentee');
  const id = randomUUID();
  const observedOn = addDays(p.today, -spec.ago);
  const observedAt = at(p, observedOn, spec.hour, p.rng.int(0, 50));
  // Recorded by the mentor's own login, or by the coordinator the mentor called.
  const observedBy = p.loggerOf(story.mentorId);
  const dayAfter = (n: number, hour: number) => at(p, addDays(observedOn, n), hour, p.rng.int(0, 50));
  let version = 1;
  let status: 'open' | 'referred' | 'closed' = 'open';
  let updatedAt = observedAt;

  if (alertsAtOnce(spec.severity, p.policy)) {
    // No SMTP in the demo: the alert is the in-app attention item, as without mail settings.
    p.rows.alerts.push({
      orgId: p.orgId,
      id: randomUUID(),
      observationId: id,
      alertRole: alertRoleOf(p.policy),
      raisedAt: observedAt,
      emailStatus: 'not_configured',
    });
  }
  for (const a of spec.actions) {
    const actionId = randomUUID();
    p.rows.riskActions.push({
      orgId: p.orgId,
      id: actionId,
      observationId: id,
      kind: a.kind,
      note: a.note ? p.seal(RISK_ACTION_NOTE, actionId, a.note) : null,
      recordedBy: p.coordinatorId,
      recordedAt: dayAfter(a.after, a.after === 0 ? Math.min(spec.hour + 1, 23) : 10),
    });
  }
  const ref = spec.referral;
  if (ref) {
    const refId = randomUUID();
    const referredOn = addDays(observedOn, ref.after);
    const createdAt = at(p, referredOn, 12);
    const moved = ref.status !== 'referred';
    const final = ['completed', 'declined', 'not_reached'].includes(ref.status);
    const movedAt = at(p, addDays(referredOn, ref.movedAfter ?? 2), 14);
    p.rows.referrals.push({
      orgId: p.orgId,
      id: refId,
      observationId: id,
      participantId: story.participantId,
      service: ref.service,
      serviceName: ref.serviceName ?? null,
      referredOn,
      status: ref.status,
      outcome: ref.outcome ? p.seal(REFERRAL_OUTCOME, refId, ref.outcome) : null,
      outcomeOn: final ? addDays(referredOn, ref.movedAfter ?? 2) : null,
      createdBy: p.coordinatorId,
      createdAt,
      updatedAt: moved ? movedAt : createdAt,
      version: moved ? 2 : 1,
    });
    // The first referral answers the observation's attention item.
    status = 'referred';
    version += 1;
    updatedAt = createdAt;
  }
  const closedAt = spec.closedAfter === undefined ? null : dayAfter(spec.closedAfter, 16);
  if (closedAt) {
    status = 'closed';
    version += 1;
    updatedAt = closedAt;
  }
  p.rows.risks.push({
    orgId: p.orgId,
    id,
    programId: p.programId,
    participantId: story.participantId,
    mentorshipId: story.id,
    observedBy,
    observedAt,
    indicators: [...new Set(spec.indicators)],
    severity: spec.severity,
    description: p.seal(RISK_DESCRIPTION, id, spec.description),
    status,
    closedAt,
    closedBy: closedAt ? p.coordinatorId : null,
    createdAt: observedAt,
    updatedAt,
    version,
  });
}
