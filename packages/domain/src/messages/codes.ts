import { APPROVAL_REFUSAL_CODES } from '../approvals/approval';
import { CHECK_IN_REFUSAL_CODES } from '../checkins/check-in';
import { CAP_REFUSAL_CODES } from '../contacts/caps';
import { CONTACT_REFUSAL_CODES } from '../contacts/contact';
import { RHYTHM_REFUSAL_CODES } from '../contacts/terms';
import { CLOSURE_REFUSAL_CODES } from '../lifecycle/closure';
import { CONTACT_LIFECYCLE_REFUSAL_CODES } from '../lifecycle/contact';
import { EXTENSION_REFUSAL_CODES } from '../lifecycle/extension';
import { GROUP_REFUSAL_CODES } from '../lifecycle/groups';
import { GUARD_REFUSAL_CODES } from '../lifecycle/guard';
import { START_REFUSAL_CODES } from '../lifecycle/start';
import { SUSPENSION_REFUSAL_CODES } from '../lifecycle/suspension';
import { TRIAL_REFUSAL_CODES } from '../lifecycle/trial';
import { VIRTUAL_REFUSAL_CODES } from '../lifecycle/virtual';
import { MATCHING_REFUSAL_CODES } from '../matching/eligibility';
import { PLAN_REFUSAL_CODES } from '../plans/plan';
import { RISK_REFUSAL_CODES } from '../risks/risk';

/** Every `code` a domain refusal can carry; each has a sentence in every locale. */
export const REFUSAL_CODES = [
  ...PLAN_REFUSAL_CODES,
  ...CONTACT_REFUSAL_CODES,
  ...CAP_REFUSAL_CODES,
  ...RHYTHM_REFUSAL_CODES,
  ...APPROVAL_REFUSAL_CODES,
  ...GUARD_REFUSAL_CODES,
  ...START_REFUSAL_CODES,
  ...CONTACT_LIFECYCLE_REFUSAL_CODES,
  ...TRIAL_REFUSAL_CODES,
  ...EXTENSION_REFUSAL_CODES,
  ...VIRTUAL_REFUSAL_CODES,
  ...SUSPENSION_REFUSAL_CODES,
  ...CLOSURE_REFUSAL_CODES,
  ...GROUP_REFUSAL_CODES,
  ...MATCHING_REFUSAL_CODES,
  ...CHECK_IN_REFUSAL_CODES,
  ...RISK_REFUSAL_CODES,
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const isRefusalCode = (code: string): code is RefusalCode =>
  (REFUSAL_CODES as readonly string[]).includes(code);
