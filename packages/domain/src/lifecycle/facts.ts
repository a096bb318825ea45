import type { Approval } from '../approvals/approval';
import type { Plan } from '../plans/plan';
import type { Role } from '../roles';
import type { LocalDate } from '../time/zone';
import type { MentorshipMode, MentorshipState, SuspensionReason } from './states';

/** A stretch of mentorship service of one person, first and last day inclusive; `to: null` is ongoing. */
export interface ServicePeriod {
  readonly from: LocalDate;
  readonly to: LocalDate | null;
}

export interface Hospitalization {
  readonly startedOn: LocalDate;
  readonly expectedDischargeOn: LocalDate | null;
  readonly dischargedOn: LocalDate | null;
}

export interface Suspension {
  readonly reason: SuspensionReason;
  readonly since: LocalDate;
  /** The state the mentorship returns to on resume. */
  readonly from: 'trial' | 'active';
}

/** The mentorship as the rules see it: plain data the server loads and the UI already has. */
export interface Mentorship {
  readonly id: string;
  readonly participantId: string;
  readonly state: MentorshipState;
  /** Current mentor; null while awaiting a (new) match. Past mentors stay in the assignment history. */
  readonly mentorId: string | null;
  /** First day of service, set at the first start. */
  readonly startedOn: LocalDate | null;
  /** First day of the current mentor's trial (a new mentor starts a new trial). */
  readonly trialStartedOn: LocalDate | null;
  /** Day of the trial review of the current mentor; null until reviewed. */
  readonly trialReviewedOn: LocalDate | null;
  /** Last planned day of service (MOH-5); extensions move it. */
  readonly plannedEndOn: LocalDate | null;
  /** Since when the mentorship waits for a mentor (MOH-16). */
  readonly awaitingSince: LocalDate | null;
  readonly mode: MentorshipMode;
  /** First day of the current virtual stretch (MOH-7). */
  readonly virtualSince: LocalDate | null;
  /** Last day of virtual service approved beyond the horizon (MOH-7). */
  readonly virtualApprovedUntil: LocalDate | null;
  readonly hospitalization: Hospitalization | null;
  readonly suspension: Suspension | null;
  /** Contact interval agreed by participant and mentor in days (RAMP-5). */
  readonly agreedEveryDays: number | null;
}

export interface ParticipantFacts {
  readonly id: string;
  readonly birthDate: LocalDate | null;
  /** Day of documented consent to a mentor (RAMP-1); null when none or withdrawn. */
  readonly consentGivenOn: LocalDate | null;
}

export interface MentorFacts {
  readonly id: string;
  readonly birthDate: LocalDate | null;
  readonly trainingCompletedOn: LocalDate | null;
  readonly trainingHours: number;
  /** Day the mentor acknowledged the program briefing (RAMP-4). */
  readonly briefingAcknowledgedOn: LocalDate | null;
  /** Participants the mentor is related to (MOH-12). */
  readonly familyOf: readonly string[];
}

/** The proposed match of a mentor to the mentorship. */
export interface MatchFacts {
  readonly mentorId: string;
  readonly approvedByRole: Role | null;
  readonly approvedOn: LocalDate | null;
}

/** Everything `availableActions` may need; parts that an action does not need may be left null. */
export interface LifecycleFacts {
  readonly mentorship: Mentorship;
  readonly participant: ParticipantFacts | null;
  /** The current mentor, or the proposed one while awaiting a match. */
  readonly mentor: MentorFacts | null;
  readonly match: MatchFacts | null;
  readonly plan: Plan | null;
  /** All service periods of the participant across mentorships (MOH-6), this one included. */
  readonly serviceHistory: readonly ServicePeriod[];
  readonly approvals: readonly Approval[];
}
