/**
 * Demo people for the Israeli social-mentorship program (P1): mentors and
 * participants across the general, Haredi and Arab sectors, with the languages,
 * places and needs a coordinator in Haifa would actually see.
 */
import {
  buildMentor,
  buildMentorAssignment,
  buildMentorship,
  buildParticipant,
  buildPlan,
  type Tx,
} from '@tandem/db';

const PLACES = {
  haifa: { city: 'Haifa', lat: 32.794, lon: 34.9896 },
  nazareth: { city: 'Nazareth', lat: 32.6996, lon: 35.3035 },
  bneiBrak: { city: 'Bnei Brak', lat: 32.0807, lon: 34.8338 },
  jerusalem: { city: 'Jerusalem', lat: 31.7683, lon: 35.2137 },
  akko: { city: 'Akko', lat: 32.9281, lon: 35.0818 },
};

const evenings = (days: number[], hours: number[]) =>
  days.flatMap((day) => hours.map((hour) => ({ day, hour })));

export async function loadDemoPeople(
  tx: Tx,
  orgId: string,
  programId: string,
  mentorUserId: string,
  participantUserId: string,
) {
  const M = (
    displayName: string,
    o: Parameters<typeof buildMentor>[1] extends infer T ? Partial<T> : never,
  ) => buildMentor(tx, { orgId, programId, displayName, ...o });
  const yossi = await M('Yossi Cohen', {
    userId: mentorUserId,
    birthDate: '1988-06-12',
    gender: 'male',
    sector: 'general',
    languages: [
      { code: 'he', level: 5 },
      { code: 'en', level: 4 },
      { code: 'ru', level: 3 },
    ],
    place: PLACES.haifa,
    travelRadiusKm: 15,
    capacity: 3,
    interests: ['football', 'music', 'cooking'],
    domainStrengths: ['education_employment', 'social_situations', 'personal_affairs'],
    availability: evenings([0, 2, 4], [17, 18, 19]),
    profession: 'social_work_student',
    trainingCompletedAt: '2025-10-01',
    trainingHours: 24,
  });
  await M('Samira Haddad', {
    birthDate: '1979-02-03',
    gender: 'female',
    sector: 'arab',
    languages: [
      { code: 'ar', level: 5 },
      { code: 'he', level: 4 },
    ],
    place: PLACES.nazareth,
    travelRadiusKm: 20,
    capacity: 2,
    interests: ['walking', 'cooking', 'art'],
    domainStrengths: ['emotion_management', 'family_conflicts', 'rights_claims'],
    availability: evenings([1, 3], [16, 17, 18]),
    profession: 'occupational_therapist',
    trainingCompletedAt: '2024-06-15',
  });
  await M('Moshe Friedman', {
    birthDate: '1975-11-20',
    gender: 'male',
    sector: 'haredi',
    languages: [
      { code: 'he', level: 5 },
      { code: 'yi', level: 5 },
    ],
    place: PLACES.bneiBrak,
    travelRadiusKm: 8,
    capacity: 2,
    interests: ['study', 'music'],
    domainStrengths: ['recovery', 'rights_claims', 'community_leisure'],
    availability: evenings([0, 1, 2, 3], [20, 21]),
    trainingCompletedAt: '2025-03-10',
  });
  await M('Tamar Levi', {
    birthDate: '2006-01-15',
    gender: 'female',
    sector: 'general',
    languages: [
      { code: 'he', level: 5 },
      { code: 'en', level: 5 },
    ],
    place: PLACES.haifa,
    capacity: 2,
    interests: ['art', 'music'],
    domainStrengths: ['social_networks', 'education_employment'],
    availability: evenings([0, 1], [15, 16]),
    // Not yet 21 and still in training: the engine will exclude her (MOH-10, MOH-13).
    trainingCompletedAt: null,
  });
  await M('Yulia Petrova', {
    birthDate: '1983-08-30',
    gender: 'female',
    sector: 'general',
    languages: [
      { code: 'ru', level: 5 },
      { code: 'he', level: 4 },
    ],
    place: PLACES.akko,
    travelRadiusKm: 25,
    capacity: 2,
    interests: ['walking', 'cooking'],
    domainStrengths: ['personal_affairs', 'education_employment'],
    availability: evenings([2, 3, 4], [18, 19]),
    profession: 'teacher',
    trainingCompletedAt: '2025-01-20',
  });

  const P = (displayName: string, o: Partial<Parameters<typeof buildParticipant>[1]>) =>
    buildParticipant(tx, {
      orgId,
      programId,
      displayName,
      consentGivenAt: new Date('2026-01-05T10:00:00Z'),
      ...o,
    });
  const amir = await P('Amir Haddad', {
    userId: participantUserId,
    birthDate: '1996-04-09',
    gender: 'male',
    sector: 'arab',
    languages: [
      { code: 'ar', level: 5 },
      { code: 'he', level: 3 },
    ],
    place: PLACES.haifa,
    needs: ['education_employment', 'social_situations'],
    interests: ['football', 'music'],
    availability: evenings([0, 2], [17, 18]),
  });
  const dana = await P('Dana Mizrahi', {
    birthDate: '1991-12-01',
    gender: 'female',
    sector: 'general',
    languages: [{ code: 'he', level: 5 }],
    place: PLACES.haifa,
    preferredMentorGender: 'any',
    needs: ['personal_affairs', 'community_leisure'],
    interests: ['cooking', 'walking'],
    availability: evenings([2, 4], [18, 19]),
  });
  await P('Rivka Klein', {
    birthDate: '1987-07-22',
    gender: 'female',
    sector: 'haredi',
    languages: [
      { code: 'he', level: 5 },
      { code: 'yi', level: 4 },
    ],
    place: PLACES.bneiBrak,
    preferredMentorGender: 'female',
    needs: ['recovery', 'rights_claims'],
    interests: ['music'],
    availability: evenings([0, 1], [20]),
  });
  await P('Khaled Mansour', {
    birthDate: '2001-03-14',
    gender: 'male',
    sector: 'arab',
    languages: [{ code: 'ar', level: 5 }],
    place: PLACES.nazareth,
    needs: ['education_employment', 'social_networks'],
    interests: ['walking', 'art'],
    availability: evenings([1, 3], [17]),
  });
  await P('Igor Smirnov', {
    birthDate: '1979-10-05',
    gender: 'male',
    sector: 'general',
    languages: [
      { code: 'ru', level: 5 },
      { code: 'he', level: 2 },
    ],
    place: PLACES.akko,
    needs: ['education_employment', 'personal_affairs'],
    interests: ['cooking'],
    availability: evenings([3, 4], [18]),
  });
  await P('Miriam Azoulay', {
    birthDate: '1968-05-30',
    gender: 'female',
    sector: 'general',
    languages: [
      { code: 'he', level: 5 },
      { code: 'fr', level: 4 },
    ],
    place: PLACES.jerusalem,
    modePreference: 'virtual',
    needs: ['relationships', 'community_leisure'],
    interests: ['art', 'study'],
    availability: evenings([0, 2], [19]),
    // Consent not yet recorded: the engine refuses a match until it is (RAMP-1 where required).
    consentGivenAt: null,
  });

  // Both matches were approved by the coordinator (MOH-1) and run on a plan with goals.
  const approved = { matchApprovedRole: 'coordinator', matchApprovedOn: '2025-10-26' } as const;
  const amirs = await buildMentorship(tx, {
    orgId,
    programId,
    participantId: amir.id,
    mentorId: yossi.id,
    state: 'active',
    ...approved,
    startedOn: '2025-11-02',
    trialStartedOn: '2025-11-02',
    trialReviewedOn: '2026-02-01',
    trialOutcome: 'continue',
    plannedEndOn: '2027-11-01',
  });
  await buildMentorAssignment(tx, {
    orgId,
    mentorshipId: amirs.id,
    mentorId: yossi.id,
    fromOn: '2025-11-02',
  });
  await buildPlan(tx, {
    orgId,
    mentorshipId: amirs.id,
    ratedBy: mentorUserId,
    goals: [
      {
        title: 'Prepare for a job interview at the community centre',
        domains: ['education_employment'],
        ratings: [
          { on: '2025-12-01', rating: 2 },
          { on: '2026-03-01', rating: 3 },
          { on: '2026-06-01', rating: 4 },
        ],
      },
      {
        title: 'Join the Thursday football group',
        domains: ['social_situations', 'community_leisure'],
        ratings: [
          { on: '2025-12-01', rating: 1 },
          { on: '2026-06-01', rating: 3 },
        ],
      },
    ],
  });
  const danas = await buildMentorship(tx, {
    orgId,
    programId,
    participantId: dana.id,
    mentorId: yossi.id,
    state: 'trial',
    ...approved,
    matchApprovedOn: '2026-08-30',
    startedOn: '2026-09-06',
    trialStartedOn: '2026-09-06',
    plannedEndOn: '2028-09-05',
  });
  await buildMentorAssignment(tx, {
    orgId,
    mentorshipId: danas.id,
    mentorId: yossi.id,
    fromOn: '2026-09-06',
  });
  await buildPlan(tx, {
    orgId,
    mentorshipId: danas.id,
    ratedBy: mentorUserId,
    goals: [
      { title: 'Keep a monthly household budget', domains: ['personal_affairs'] },
      { title: 'Visit the neighbourhood community garden', domains: ['community_leisure'] },
    ],
  });
}
