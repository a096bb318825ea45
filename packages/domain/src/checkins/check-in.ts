import type { Policy } from '../policy/schema';
import type { Decision } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { type LocalDate, localDate } from '../time/zone';

export const CHECK_IN_REFUSAL_CODES = ['check_in_exists_today', 'check_in_day_closed'] as const;

/** Wellbeing is rated on faces from 1 (very bad) to 5 (very good). */
export const WELLBEING_MIN = 1;
export const WELLBEING_MAX = 5;

/**
 * The rule a check-in answers to: the program's own daily contact rule
 * (SIVA-2) when it has one, else platform capability 7 (check-ins).
 */
export function checkInRuleOf(policy: Policy): string {
  if (policy.wellbeingWarning) return policy.wellbeingWarning.ruleId;
  if (policy.contactRhythm?.kind === 'daily') return policy.contactRhythm.ruleId;
  return 'PLATFORM-7';
}

/** The program-calendar day a check-in made now belongs to. */
export const checkInDayOf = (now: Date, policy: Policy): LocalDate => localDate(now, policy.timeZone);

/** At most one check-in per program day; a second one is an edit of the first. */
export function canCheckIn(existingToday: { id: string } | null, policy: Policy): Decision {
  if (existingToday) {
    return deny(refuse(checkInRuleOf(policy), 'check_in_exists_today', { checkInId: existingToday.id }));
  }
  return allow(true);
}

/** A check-in is edited on its own day only: after midnight in the program's zone it is history. */
export function canEditCheckIn(day: LocalDate, now: Date, policy: Policy): Decision {
  if (checkInDayOf(now, policy) !== day)
    return deny(refuse(checkInRuleOf(policy), 'check_in_day_closed', { day }));
  return allow(true);
}
