import type { Policy, RiskSeverity } from '../policy/schema';
import type { Decision } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import type { Locale, Role } from '../roles';

/** CM-4: the structured signs a mentor can record; a record names at least one. */
export const RISK_INDICATORS = [
  'self_harm_or_suicide_talk',
  'acute_crisis',
  'violence_or_abuse',
  'neglect',
  'substance_use',
  'severe_deterioration',
  'not_reachable',
] as const;
export type RiskIndicator = (typeof RISK_INDICATORS)[number];

/** Where an observation stands: open until referred (or closed without one). */
export const RISK_STATUSES = ['open', 'referred', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** What a coordinator did about an observation. */
export const RISK_ACTION_KINDS = [
  'spoke_with_participant',
  'spoke_with_mentor',
  'contacted_family',
  'safety_plan',
  'emergency_services_called',
  'consulted_professional',
  'other',
] as const;
export type RiskActionKind = (typeof RISK_ACTION_KINDS)[number];

/** Professional services a sign of risk is referred to (CM-4). */
export const REFERRAL_SERVICES = [
  'crisis_line',
  'emergency_services',
  'mental_health_service',
  'family_doctor',
  'social_services',
  'addiction_service',
  'police',
  'other',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/** A referral is tracked to an outcome: accepted and completed, or declined, or the person not reached. */
export const REFERRAL_STATUSES = ['referred', 'accepted', 'completed', 'declined', 'not_reached'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The next statuses a referral may take; an outcome is final. */
export const REFERRAL_TRANSITIONS = {
  referred: ['accepted', 'completed', 'declined', 'not_reached'],
  accepted: ['completed', 'declined', 'not_reached'],
  completed: [],
  declined: [],
  not_reached: [],
} as const satisfies Record<ReferralStatus, readonly ReferralStatus[]>;

export const RISK_REFUSAL_CODES = [
  'referral_status_final',
  'referral_transition_not_allowed',
  'risk_observation_closed',
] as const;

/** The rule a risk record answers to: the program's own (CM-4), else the platform's capability 8. */
export const RISK_PLATFORM_RULE_ID = 'PLATFORM-8';
export const riskRuleOf = (policy: Policy): string => policy.riskReferral?.ruleId ?? RISK_PLATFORM_RULE_ID;

/**
 * REL-08 / CM-4: does this sign alert the program's alert role at once? The
 * policy lists the severities that do; without a policy section, high and
 * immediate always do — a sign of danger never waits for configuration.
 */
export function alertsAtOnce(severity: RiskSeverity, policy: Policy): boolean {
  const at = policy.riskReferral?.immediateSeverities ?? ['high', 'immediate'];
  return at.includes(severity);
}

export const alertRoleOf = (policy: Policy): Role => policy.riskReferral?.alertRole ?? 'coordinator';

/** Emergency guidance is shown with high and immediate signs, whatever else alerts at once. */
export const showsEmergencyGuidance = (severity: RiskSeverity): boolean =>
  severity === 'high' || severity === 'immediate';

export interface GuidanceStep {
  readonly text: string;
  readonly phone: string | null;
}

/** The program's emergency steps in one language. */
export function emergencyGuidance(policy: Policy, locale: Locale): GuidanceStep[] {
  return (policy.riskReferral?.emergencyGuidance ?? []).map((s) => ({
    text: s.text[locale],
    phone: s.phone ?? null,
  }));
}

/**
 * TEN-06: a risk record is read only by the mentor who wrote it, coordinators
 * and admins. Another mentor, a participant, a committee member or an
 * evaluator never sees it (the server answers 404, TEN-03).
 */
export function mayReadRisk(reader: { role: Role; userId: string }, observedBy: string): boolean {
  if (reader.role === 'coordinator' || reader.role === 'admin') return true;
  return reader.role === 'mentor' && reader.userId === observedBy;
}

/** CM-4: a referral moves towards its outcome; an outcome, once recorded, is final. */
export function canChangeReferral(from: ReferralStatus, to: ReferralStatus, policy: Policy): Decision {
  const ruleId = riskRuleOf(policy);
  const next: readonly ReferralStatus[] = REFERRAL_TRANSITIONS[from];
  if (next.length === 0) return deny(refuse(ruleId, 'referral_status_final', { status: from }));
  if (!next.includes(to)) {
    return deny(refuse(ruleId, 'referral_transition_not_allowed', { from, to }));
  }
  return allow(true);
}

/** Actions and referrals are recorded on an open or referred observation; a closed one is history. */
export function canActOnRisk(status: RiskStatus, policy: Policy): Decision {
  if (status === 'closed') return deny(refuse(riskRuleOf(policy), 'risk_observation_closed', {}));
  return allow(true);
}
