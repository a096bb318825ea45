import type { Approval } from '../approvals/approval';
import type { Plan } from '../plans/plan';
import type { LifecycleFacts, MatchFacts, MentorFacts, Mentorship, ParticipantFacts } from './facts';

/**
 * Tiny builders for lifecycle facts, shared by tests and demo data. Defaults
 * describe a mentorship that may start: an approved match, a trained adult
 * mentor, a consenting adult participant and a plan with one goal.
 */
export function buildMentorship(over: Partial<Mentorship> = {}): Mentorship {
  return {
    id: 'm-1',
    participantId: 'p-1',
    state: 'awaiting_match',
    mentorId: null,
    startedOn: null,
    trialStartedOn: null,
    trialReviewedOn: null,
    plannedEndOn: null,
    awaitingSince: null,
    mode: 'in_person',
    virtualSince: null,
    virtualApprovedUntil: null,
    hospitalization: null,
    suspension: null,
    agreedEveryDays: null,
    ...over,
  };
}

export function buildMentor(over: Partial<MentorFacts> = {}): MentorFacts {
  return {
    id: 'u-mentor',
    birthDate: '1980-05-05',
    trainingCompletedOn: '2025-06-01',
    trainingHours: 60,
    briefingAcknowledgedOn: '2025-06-01',
    familyOf: [],
    ...over,
  };
}

export function buildParticipant(over: Partial<ParticipantFacts> = {}): ParticipantFacts {
  return { id: 'p-1', birthDate: '1990-01-01', consentGivenOn: '2025-12-01', ...over };
}

export function buildMatch(over: Partial<MatchFacts> = {}): MatchFacts {
  return { mentorId: 'u-mentor', approvedByRole: 'coordinator', approvedOn: '2025-12-15', ...over };
}

export function buildPlan(goalDomains: readonly (readonly string[])[] = [['employment']]): Plan {
  return {
    goals: goalDomains.map((domains, i) => ({
      id: `g-${i + 1}`,
      title: `Goal ${i + 1}`,
      domains,
      progress: [],
    })),
  };
}

export function buildFacts(
  over: Partial<Omit<LifecycleFacts, 'mentorship'>> & { mentorship?: Partial<Mentorship> } = {},
): LifecycleFacts {
  const { mentorship, ...rest } = over;
  return {
    participant: buildParticipant(),
    mentor: buildMentor(),
    match: buildMatch(),
    plan: buildPlan(),
    serviceHistory: [],
    approvals: [] as Approval[],
    ...rest,
    mentorship: buildMentorship(mentorship),
  };
}

/** A mentorship in service since `startedOn` with its ongoing service period. */
export function buildServing(
  startedOn: string,
  over: Partial<Mentorship> = {},
  rest: Partial<Omit<LifecycleFacts, 'mentorship'>> = {},
): LifecycleFacts {
  return buildFacts({
    serviceHistory: [{ from: startedOn, to: null }],
    ...rest,
    mentorship: {
      state: 'active',
      mentorId: 'u-mentor',
      startedOn,
      trialStartedOn: startedOn,
      trialReviewedOn: null,
      ...over,
    },
  });
}
