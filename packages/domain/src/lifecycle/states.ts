/**
 * The mentorship lifecycle (capability 4) as a table: which actions each state
 * offers and the states they may lead to. Server and UI both ask
 * `availableActions`, which reads this table and the rules; neither re-derives it.
 */
export const MENTORSHIP_STATES = ['awaiting_match', 'trial', 'active', 'suspended', 'closed'] as const;
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];

export const MENTORSHIP_ACTIONS = [
  'start',
  'record_contact',
  'review_trial',
  'switch_mode',
  'request_extension',
  'request_virtual_continuation',
  'record_hospitalization',
  'suspend',
  'resume',
  'change_mentor',
  'close',
] as const;
export type MentorshipAction = (typeof MENTORSHIP_ACTIONS)[number];

/**
 * Every step a mentorship's history records, each shown by its label: the
 * lifecycle's actions, a match proposed (MOH-1), a (new) mentor proposed
 * (MOH-16), the contact rhythm agreed (RAMP-5) and an approved request taking
 * effect (MOH-5, MOH-7). The server writes no other; a new step is added here,
 * and the catalogs' type then asks for its label in every language.
 */
export const HISTORY_ACTIONS = [
  ...MENTORSHIP_ACTIONS,
  'propose',
  'match',
  'agree_rhythm',
  'extension_approved',
  'virtual_continuation_approved',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

type Table = Record<MentorshipState, Partial<Record<MentorshipAction, readonly MentorshipState[]>>>;

export const TRANSITIONS = {
  awaiting_match: {
    start: ['trial', 'active'], // trial when the program has one (MOH-4)
    close: ['closed'],
  },
  trial: {
    record_contact: ['trial'],
    review_trial: ['active', 'awaiting_match'], // continue / revise plan → active; change mentor → awaiting match
    switch_mode: ['trial'],
    request_extension: ['trial'],
    request_virtual_continuation: ['trial'],
    record_hospitalization: ['trial'],
    suspend: ['suspended'],
    change_mentor: ['awaiting_match'],
    close: ['closed'],
  },
  active: {
    record_contact: ['active'],
    switch_mode: ['active'],
    request_extension: ['active'],
    request_virtual_continuation: ['active'],
    record_hospitalization: ['active'],
    suspend: ['suspended'],
    change_mentor: ['awaiting_match'],
    close: ['closed'],
  },
  suspended: {
    record_hospitalization: ['suspended'], // e.g. a new expected discharge date
    resume: ['trial', 'active'], // back to the state it was suspended from
    close: ['closed'],
  },
  closed: {},
} as const satisfies Table;

export function targetsOf(state: MentorshipState, action: MentorshipAction): readonly MentorshipState[] {
  const row: Partial<Record<MentorshipAction, readonly MentorshipState[]>> = TRANSITIONS[state];
  return row[action] ?? [];
}

export const actionsIn = (state: MentorshipState): MentorshipAction[] =>
  MENTORSHIP_ACTIONS.filter((a) => targetsOf(state, a).length > 0);

/** Platform rule for the lifecycle table itself (REQUIREMENTS, platform capability 4). */
export const LIFECYCLE_RULE_ID = 'PLATFORM-4';

/** Why a mentorship closes (MOH-14: the participant may end it at any time). */
export const CLOSURE_REASONS = [
  'participant_choice',
  'goals_met',
  'max_duration',
  'mismatch',
  'mentor_left',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Outcome of the trial review (MOH-4). */
export const TRIAL_OUTCOMES = ['continue', 'change_mentor', 'revise_plan'] as const;
export type TrialOutcome = (typeof TRIAL_OUTCOMES)[number];

/** Why the mentor changes (MOH-16). */
export const REMATCH_REASONS = ['mentor_left', 'mismatch', 'trial_review'] as const;
export type RematchReason = (typeof REMATCH_REASONS)[number];

export const SUSPENSION_REASONS = ['hospitalization', 'other'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const MENTORSHIP_MODES = ['in_person', 'virtual'] as const;
export type MentorshipMode = (typeof MENTORSHIP_MODES)[number];
