import { RISK_SEVERITIES } from '@tandem/domain/policy/schema';
import {
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RISK_ACTION_KINDS,
  RISK_INDICATORS,
  RISK_STATUSES,
} from '@tandem/domain/risks/risk';
import { z } from 'zod';
import { safeText, zId } from './common';
import { zDate } from './people';

/**
 * A mentor records a sign of risk (CM-4): structured indicators, a severity and
 * a short description. High and immediate alert the coordinator at once, in the
 * same transaction (REL-08). Phones retry: send an Idempotency-Key.
 */
export const zRiskObservationCreate = z.strictObject({
  mentorshipId: zId,
  indicators: z.array(z.enum(RISK_INDICATORS)).min(1).max(RISK_INDICATORS.length),
  severity: z.enum(RISK_SEVERITIES),
  description: safeText({ max: 2000, multiline: true }),
  /** When it was observed; now when left out. */
  observedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RiskObservationCreate = z.input<typeof zRiskObservationCreate>;

export const zGuidanceStep = z.object({ text: z.string(), phone: z.string().nullable() });
export type GuidanceStepDto = z.infer<typeof zGuidanceStep>;

/** The program's emergency guidance, in the reader's language, and which severities alert at once. */
export const zEmergencyGuidance = z.object({
  programId: zId,
  ruleId: z.string(),
  alertsAtOnce: z.array(z.enum(RISK_SEVERITIES)),
  steps: z.array(zGuidanceStep),
});
export type EmergencyGuidance = z.infer<typeof zEmergencyGuidance>;
export const zGuidanceQuery = z.strictObject({ mentorshipId: zId });

export const zRiskAction = z.object({
  id: zId,
  kind: z.enum(RISK_ACTION_KINDS),
  note: z.string().nullable(),
  recordedBy: zId,
  recordedAt: z.string(),
});
export type RiskAction = z.infer<typeof zRiskAction>;

export const zRiskActionCreate = z.strictObject({
  kind: z.enum(RISK_ACTION_KINDS),
  note: safeText({ max: 2000, multiline: true }).nullable().default(null),
});

export const zReferral = z.object({
  id: zId,
  observationId: zId,
  participantId: zId,
  participantName: z.string(),
  service: z.enum(REFERRAL_SERVICES),
  serviceName: z.string().nullable(),
  referredOn: zDate,
  status: z.enum(REFERRAL_STATUSES),
  outcome: z.string().nullable(),
  outcomeOn: zDate.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof zReferral>;

export const zReferralCreate = z.strictObject({
  observationId: zId,
  service: z.enum(REFERRAL_SERVICES),
  serviceName: safeText({ max: 120 }).nullable().default(null),
  /** The day it was referred; today in the program when left out. */
  referredOn: zDate.optional(),
});
export type ReferralCreate = z.input<typeof zReferralCreate>;

/** Tracking a referral to its outcome (If-Match). */
export const zReferralUpdate = z.strictObject({
  status: z.enum(REFERRAL_STATUSES),
  outcome: safeText({ max: 2000, multiline: true }).nullable().optional(),
  outcomeOn: zDate.optional(),
});
export type ReferralUpdate = z.input<typeof zReferralUpdate>;

export const zReferralQuery = z.strictObject({ status: z.enum(['open', 'closed', 'all']).default('open') });
export const zReferralList = z.object({ items: z.array(zReferral) });

export const zRiskObservation = z.object({
  id: zId,
  programId: zId,
  participantId: zId,
  participantName: z.string(),
  mentorshipId: zId,
  observedBy: zId,
  observedByName: z.string(),
  observedAt: z.string(),
  indicators: z.array(z.enum(RISK_INDICATORS)),
  severity: z.enum(RISK_SEVERITIES),
  description: z.string(),
  status: z.enum(RISK_STATUSES),
  /** REL-08: the durable coordinator alert, when this sign raised one. */
  alert: z
    .object({
      raisedAt: z.string(),
      alertRole: z.string(),
      emailStatus: z.enum(['pending', 'sent', 'failed', 'not_configured', 'no_recipient']),
    })
    .nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type RiskObservation = z.infer<typeof zRiskObservation>;

export const zRiskObservationDetail = zRiskObservation.extend({
  actions: z.array(zRiskAction),
  referrals: z.array(zReferral),
});
export type RiskObservationDetail = z.infer<typeof zRiskObservationDetail>;

/** The answer to a new observation: the record and, for high and immediate, the steps to take now. */
export const zRiskObservationCreated = zRiskObservation.extend({
  emergencyGuidance: z.array(zGuidanceStep),
});
export type RiskObservationCreated = z.infer<typeof zRiskObservationCreated>;

/** Close an observation without (further) referral (If-Match). */
export const zRiskObservationUpdate = z.strictObject({ status: z.literal('closed') });

export const zRiskQuery = z.strictObject({
  status: z.enum(['open', 'referred', 'closed', 'active', 'all']).default('active'),
  participantId: zId.optional(),
});
export const zRiskObservationList = z.object({ items: z.array(zRiskObservation) });
