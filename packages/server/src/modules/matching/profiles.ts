import type { Mentor, Participant, ScorePart } from '@tandem/contract';
import type { MentorProfile, ParticipantProfile } from '@tandem/domain/matching/profiles';
import type { Score } from '@tandem/domain/matching/score';

/** What the matching rules know of a participant, from their record. */
export const participantProfile = (p: Participant): ParticipantProfile => ({
  id: p.id,
  birthDate: p.birthDate,
  languages: p.languages,
  sector: p.sector,
  gender: p.gender,
  preferredMentorGender: p.preferredMentorGender,
  place: p.place,
  modePreference: p.modePreference,
  needs: p.needs,
  interests: p.interests,
  availability: p.availability,
  consentGiven: p.consentGivenAt !== null,
});

/** What the matching rules know of a mentor, from their record and the mentees they hold. */
export const mentorProfile = (m: Mentor): MentorProfile => ({
  id: m.id,
  birthDate: m.birthDate,
  languages: m.languages,
  sector: m.sector,
  gender: m.gender,
  profession: m.profession,
  place: m.place,
  travelRadiusKm: m.travelRadiusKm,
  availability: m.availability,
  capacity: m.capacity,
  activeMentees: m.activeMentees,
  interests: m.interests,
  domainStrengths: m.domainStrengths,
  trainingCompletedOn: m.trainingCompletedOn,
  trainingHours: m.trainingHours,
  familyOf: m.familyOf,
  active: m.active,
});

/** A score's parts as the contract carries them: the why behind every total. */
export const partsOf = (score: Score): ScorePart[] =>
  score.parts.map((x) => ({ criterion: x.criterion, points: x.points, params: { ...x.params } }));
