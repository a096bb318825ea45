import type { Policy } from '../policy/schema';
import { type Refusal, refuse } from '../refusal';
import { ageOn, type LocalDate } from '../time/zone';
import type { MentorProfile, ParticipantProfile } from './types';

/** Codes only matching returns; the others are shared with the lifecycle's start rules. */
export const MATCHING_REFUSAL_CODES = [
  'mentor_inactive',
  'no_shared_language',
  'mentor_at_capacity',
  'mentor_over_capacity',
] as const;

/** A mentor's places against the open mentorships they hold. */
export interface Places {
  /** Mentees they may still be given. */
  readonly free: number;
  /**
   * Mentees held beyond the capacity: a coordinator may lower the capacity
   * below the load to stop new matches; the mentees stay.
   */
  readonly over: number;
}

export function placesOf(m: Pick<MentorProfile, 'capacity' | 'activeMentees'>): Places {
  return {
    free: Math.max(0, m.capacity - m.activeMentees),
    over: Math.max(0, m.activeMentees - m.capacity),
  };
}

/**
 * MATCH-CAPACITY: a mentor holds at most `capacity` open mentorships (proposed,
 * in service or suspended). The one rule every way of giving a mentor a mentee
 * asks — a proposal from the file, a new mentor for a waiting mentorship, a
 * confirmed cohort — so none can overfill a mentor the others respect.
 */
export function capacityRefusal(m: Pick<MentorProfile, 'capacity' | 'activeMentees'>): Refusal | null {
  const places = placesOf(m);
  if (places.free > 0) return null;
  const params = { capacity: m.capacity, activeMentees: m.activeMentees };
  // A capacity lowered below the load reads as such, not as "full".
  if (places.over > 0) return refuse('MATCH-CAPACITY', 'mentor_over_capacity', params);
  return refuse('MATCH-CAPACITY', 'mentor_at_capacity', params);
}

/**
 * Hard constraints of a match, each refusal naming the program's own rule
 * (training is MOH-13 in one program and CM-1 in another). An empty list means
 * the mentor may be proposed for the participant on that day.
 */
export function eligibility(
  p: ParticipantProfile,
  m: MentorProfile,
  policy: Policy,
  on: LocalDate,
): Refusal[] {
  const out: Refusal[] = [];
  if (!m.active) out.push(refuse('MATCH-ACTIVE', 'mentor_inactive', {}));
  if (policy.mentorMinAge) {
    const age = ageOn(m.birthDate, on);
    if (age < policy.mentorMinAge.years) {
      out.push(
        refuse(policy.mentorMinAge.ruleId, 'mentor_too_young', { age, minAge: policy.mentorMinAge.years }),
      );
    }
  }
  if (policy.training) {
    const { ruleId, requiredHours } = policy.training;
    // Completed on or before the day of the match.
    if (m.trainingCompletedOn === null || m.trainingCompletedOn > on) {
      out.push(refuse(ruleId, 'mentor_training_incomplete', {}));
    }
    if (requiredHours !== undefined && m.trainingHours < requiredHours) {
      out.push(refuse(ruleId, 'mentor_training_hours_short', { hours: m.trainingHours, requiredHours }));
    }
  }
  // Either way round: the mentor declared the participant as family, or the participant the mentor.
  if (policy.mentorNotFamily && (m.familyOf.includes(p.id) || (p.familyOf?.includes(m.id) ?? false))) {
    out.push(refuse(policy.mentorNotFamily.ruleId, 'mentor_is_family', {}));
  }
  if (policy.participantMinAge) {
    const age = ageOn(p.birthDate, on);
    if (age < policy.participantMinAge.years) {
      out.push(
        refuse(policy.participantMinAge.ruleId, 'participant_too_young', {
          age,
          minAge: policy.participantMinAge.years,
        }),
      );
    }
  }
  if (policy.consent && !p.consentGiven) out.push(refuse(policy.consent.ruleId, 'consent_missing', {}));
  if (policy.culturalMatch?.sharedLanguageRequired) {
    const shared = p.languages.some((a) => m.languages.some((b) => b.code === a.code));
    if (!shared) out.push(refuse(policy.culturalMatch.ruleId, 'no_shared_language', {}));
  }
  const full = capacityRefusal(m);
  if (full) out.push(full);
  return out;
}
