export {
  type AssignmentProblem,
  type AssignmentResult,
  type DenseEdges,
  type Pair,
  type SparseEdges,
  scoreOf,
  solveAssignment,
  sparseEdges,
  type UnassignedReason,
} from './assignment';
export {
  type Candidate,
  type Candidates,
  type CandidatesForRematch,
  type Exclusion,
  rankCandidates,
  setAsideFormerMentors,
} from './candidates';
export {
  type ConfirmPair,
  type ConfirmParticipant,
  confirmationRefusals,
  type PairRefusal,
} from './confirm';
export { capacityRefusal, eligibility, MATCHING_REFUSAL_CODES, type Places, placesOf } from './eligibility';
export {
  type EndedAssignment,
  formerMentorsOf,
  type OpenMentorship,
  type Placement,
  placementOf,
  waitsForMentor,
} from './rematch';
export { distanceKm, type Score, type ScorePart, scorePair, weightsFrom } from './score';
export {
  CRITERIA,
  type Criterion,
  DEFAULT_WEIGHTS,
  type LanguageSkill,
  type MentorProfile,
  type ParticipantProfile,
  type Place,
  type WeeklyHour,
  type Weights,
} from './types';
