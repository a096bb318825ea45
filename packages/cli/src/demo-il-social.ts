/**
 * P1 · Social mentorship in community mental-health rehabilitation (Israel):
 * mentors and participants across the general, Haredi and Arab sectors around
 * Haifa, Nazareth, Akko, Bnei Brak and Jerusalem; weekly visits within the
 * 3-hour, two-visit cap (MOH-3), virtual meetings within their own cap (MOH-7),
 * and the lifecycle's every turn: trial reviews, a rematch, a hospitalization,
 * extensions, closures.
 */
import { addDays, addMonths } from '@tandem/domain';
import { type Draft, isCurrentWeek, spreadOver, type WeekPlanner } from './demo-contacts';
import { type ProgramSpec, slots } from './demo-program';

const PLACES = {
  haifa: { city: 'Haifa', lat: 32.794, lon: 34.9896 },
  nazareth: { city: 'Nazareth', lat: 32.6996, lon: 35.3035 },
  bneiBrak: { city: 'Bnei Brak', lat: 32.0807, lon: 34.8338 },
  jerusalem: { city: 'Jerusalem', lat: 31.7683, lon: 35.2137 },
  akko: { city: 'Akko', lat: 32.9281, lon: 35.0818 },
  eilat: { city: 'Eilat', lat: 29.5577, lon: 34.9519 },
  beerSheva: { city: "Be'er Sheva", lat: 31.252, lon: 34.7915 },
};

const OVER_CAP_REASONS = [
  'Accompanied to the National Insurance appeal hearing; agreed with the coordinator.',
  'Extra visit after a crisis at home; the coordinator was informed the same day.',
  'Day trip with the community leisure group, a special activity.',
];
const NOTES = [
  'Practised the phone call to the employment office together.',
  'Walked to the community centre; talked about the week.',
  'Went over the monthly budget; the electricity bill is paid.',
  'Tired today, but kept the appointment. Agreed to meet on Tuesday.',
  'Prepared questions for the psychiatrist appointment.',
];

/** Weekly visits within MOH-3 (≤ 3 h, ≤ 2 visits), or video and phone within MOH-7 when virtual. */
const week: WeekPlanner = (story, days, p) => {
  const rng = p.rng;
  const out: Draft[] = [];
  const current = isCurrentWeek(days, p);
  const first = days[0]!.day;
  const since = story.row.virtualSince;
  const note = () => (rng.chance(0.2) ? rng.pick(NOTES) : undefined);
  if (rng.chance(0.05) && !current) return out; // a holiday week without a meeting
  if (story.row.mode === 'virtual' && since && first >= since) {
    for (const day of spreadOver(days, rng.int(2, 3), p)) {
      out.push({
        day,
        hour: rng.pick([10, 17, 19]),
        minutes: rng.pick([40, 45, 60]),
        mode: rng.chance(0.7) ? 'video' : 'phone',
        note: note(),
      });
    }
    if (!current && rng.chance(0.04)) {
      out.push({
        day: days.at(-1)!.day,
        hour: 20,
        minutes: 60,
        mode: 'video',
        overCapReason: 'A hard week after a loss in the family; an extra call agreed with the coordinator.',
      });
    }
    return out;
  }
  const pairs = [
    [60, 90],
    [90, 90],
    [60, 120],
    [75, 75],
    [60, 60],
    [90, 60],
  ] as const;
  const visits = rng.chance(0.55) && days.length > 1 ? rng.pick(pairs) : [rng.pick([90, 120, 150, 180])];
  spreadOver(days, visits.length, p).forEach((day, i) => {
    out.push({
      day,
      hour: rng.pick([10, 16, 17, 18]),
      minutes: visits[i] ?? 60,
      mode: 'in_person',
      specialActivity: rng.chance(0.12),
      note: note(),
    });
  });
  if (rng.chance(0.3)) {
    const reached = rng.chance(0.85);
    out.push({
      day: rng.pick(days).day,
      hour: 20,
      minutes: reached ? rng.pick([10, 15, 20]) : 0,
      mode: rng.chance(0.6) ? 'phone' : 'messenger',
      reached,
    });
  }
  if (!current && rng.chance(0.035)) {
    out.push({
      day: days.at(-1)!.day,
      hour: 12,
      minutes: 120,
      mode: 'in_person',
      overCapReason: rng.pick(OVER_CAP_REASONS),
      specialActivity: true,
    });
  }
  return out;
};

export const ilSocial: ProgramSpec = {
  seed: 101,
  org: { name: 'Tandem Demo — Social Mentorship', slug: 'demo' },
  site: 'Haifa',
  program: { name: 'Social mentorship in community rehabilitation', presetId: 'il-social-mentorship' },
  mentors: [
    {
      key: 'yossi',
      name: 'Yossi Cohen',
      login: true,
      born: '1988-06-12',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
        ['ru', 3],
      ],
      place: PLACES.haifa,
      radiusKm: 15,
      capacity: 3,
      interests: ['football', 'music', 'cooking'],
      strengths: ['education_employment', 'social_situations', 'personal_affairs'],
      availability: slots([0, 2, 4], [17, 18, 19]),
      profession: 'social_work_student',
      trainedMonthsAgo: 14,
      trainingHours: 24,
    },
    {
      key: 'samira',
      name: 'Samira Haddad',
      born: '1979-02-03',
      gender: 'female',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 4],
      ],
      place: PLACES.nazareth,
      radiusKm: 20,
      capacity: 3,
      interests: ['walking', 'cooking', 'art'],
      strengths: ['emotion_management', 'family_conflicts', 'rights_claims'],
      availability: slots([1, 3], [16, 17, 18]),
      profession: 'occupational_therapist',
      trainedMonthsAgo: 30,
    },
    {
      key: 'moshe',
      name: 'Moshe Friedman',
      born: '1975-11-20',
      gender: 'male',
      sector: 'haredi',
      languages: [
        ['he', 5],
        ['yi', 5],
      ],
      place: PLACES.bneiBrak,
      radiusKm: 8,
      capacity: 2,
      interests: ['study', 'music'],
      strengths: ['recovery', 'rights_claims', 'community_leisure'],
      availability: slots([0, 1, 2, 3], [20, 21]),
      trainedMonthsAgo: 36,
    },
    // Not yet 21 and still in training: the engine excludes her (MOH-10, MOH-13).
    {
      key: 'tamar',
      name: 'Tamar Levi',
      born: '2006-01-15',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 5],
      ],
      place: PLACES.haifa,
      capacity: 2,
      interests: ['art', 'music'],
      strengths: ['social_networks', 'education_employment'],
      availability: slots([0, 1], [15, 16]),
      trainedMonthsAgo: null,
    },
    {
      key: 'yulia',
      name: 'Yulia Petrova',
      born: '1983-08-30',
      gender: 'female',
      sector: 'general',
      languages: [
        ['ru', 5],
        ['he', 4],
      ],
      place: PLACES.akko,
      radiusKm: 25,
      capacity: 2,
      interests: ['walking', 'cooking'],
      strengths: ['personal_affairs', 'education_employment'],
      availability: slots([2, 3, 4], [18, 19]),
      profession: 'teacher',
      trainedMonthsAgo: 40,
    },
    {
      key: 'chana',
      name: 'Chana Weiss',
      born: '1969-03-08',
      gender: 'female',
      sector: 'haredi',
      languages: [
        ['he', 5],
        ['yi', 4],
      ],
      place: PLACES.bneiBrak,
      radiusKm: 6,
      capacity: 2,
      interests: ['music', 'cooking'],
      strengths: ['family_conflicts', 'recovery'],
      availability: slots([0, 2], [10, 11]),
      trainedMonthsAgo: 34,
      inactive: true,
    },
    {
      key: 'esther',
      name: 'Esther Rosenberg',
      born: '1981-12-19',
      gender: 'female',
      sector: 'haredi',
      languages: [
        ['he', 5],
        ['yi', 5],
        ['en', 3],
      ],
      place: PLACES.bneiBrak,
      radiusKm: 10,
      capacity: 2,
      interests: ['study', 'walking'],
      strengths: ['recovery', 'personal_affairs', 'relationships'],
      availability: slots([0, 1, 3], [10, 11, 12]),
      profession: 'nurse',
      trainedMonthsAgo: 8,
    },
    {
      key: 'fadi',
      name: 'Fadi Nassar',
      born: '1990-07-27',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 5],
        ['en', 3],
      ],
      place: PLACES.akko,
      radiusKm: 20,
      capacity: 2,
      interests: ['football', 'walking'],
      strengths: ['education_employment', 'rights_claims', 'social_networks'],
      availability: slots([1, 2, 4], [17, 18]),
      profession: 'social_worker',
      trainedMonthsAgo: 30,
    },
    {
      key: 'orly',
      name: 'Orly Ben-Shimon',
      born: '1972-04-02',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
        ['fr', 4],
      ],
      place: PLACES.jerusalem,
      radiusKm: 10,
      capacity: 3,
      interests: ['art', 'study', 'walking'],
      strengths: ['communication_skills', 'emotion_management', 'relationships'],
      availability: slots([0, 2, 3], [10, 19]),
      profession: 'psychologist',
      trainedMonthsAgo: 28,
    },
  ],
  participants: [
    {
      key: 'amir',
      name: 'Amir Haddad',
      login: true,
      born: '1996-04-09',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 3],
      ],
      place: PLACES.haifa,
      needs: ['education_employment', 'social_situations'],
      interests: ['football', 'music'],
      availability: slots([0, 2], [17, 18]),
    },
    {
      key: 'dana',
      name: 'Dana Mizrahi',
      born: '1991-12-01',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.haifa,
      needs: ['personal_affairs', 'community_leisure'],
      interests: ['cooking', 'walking'],
      availability: slots([2, 4], [18, 19]),
    },
    {
      key: 'rivka',
      name: 'Rivka Klein',
      born: '1987-07-22',
      gender: 'female',
      sector: 'haredi',
      languages: [
        ['he', 5],
        ['yi', 4],
      ],
      place: PLACES.bneiBrak,
      preferredMentorGender: 'female',
      needs: ['recovery', 'rights_claims'],
      interests: ['music'],
      availability: slots([0, 1], [10, 20]),
    },
    {
      key: 'khaled',
      name: 'Khaled Mansour',
      born: '2001-03-14',
      gender: 'male',
      sector: 'arab',
      languages: [['ar', 5]],
      place: PLACES.nazareth,
      needs: ['education_employment', 'social_networks'],
      interests: ['walking', 'art'],
      availability: slots([1, 3], [17]),
      intakeDaysAgo: 19,
    },
    {
      key: 'igor',
      name: 'Igor Smirnov',
      born: '1979-10-05',
      gender: 'male',
      sector: 'general',
      languages: [
        ['ru', 5],
        ['he', 2],
      ],
      place: PLACES.akko,
      needs: ['education_employment', 'personal_affairs'],
      interests: ['cooking'],
      availability: slots([3, 4], [18]),
    },
    // Consent not yet recorded and never matched: she waits (MOH-16).
    {
      key: 'miriam',
      name: 'Miriam Azoulay',
      born: '1968-05-30',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['fr', 4],
      ],
      place: PLACES.jerusalem,
      modePreference: 'virtual',
      needs: ['relationships', 'community_leisure'],
      interests: ['art', 'study'],
      availability: slots([0, 2], [19]),
      consent: false,
      intakeDaysAgo: 6,
    },
    {
      key: 'lina',
      name: 'Lina Masarwa',
      born: '1993-09-17',
      gender: 'female',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 4],
      ],
      place: PLACES.nazareth,
      preferredMentorGender: 'female',
      needs: ['emotion_management', 'family_conflicts'],
      interests: ['art', 'cooking'],
      availability: slots([1, 3], [16, 17]),
    },
    {
      key: 'hassan',
      name: 'Hassan Abu-Ras',
      born: '1985-01-11',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 4],
      ],
      place: PLACES.nazareth,
      needs: ['rights_claims', 'education_employment'],
      interests: ['football'],
      availability: slots([1, 3], [17]),
    },
    {
      key: 'menachem',
      name: 'Menachem Gross',
      born: '1977-06-03',
      gender: 'male',
      sector: 'haredi',
      languages: [
        ['he', 5],
        ['yi', 5],
      ],
      place: PLACES.bneiBrak,
      preferredMentorGender: 'male',
      needs: ['recovery', 'community_leisure'],
      interests: ['study', 'music'],
      availability: slots([0, 2], [20]),
    },
    {
      key: 'lior',
      name: 'Lior Ashkenazi',
      born: '1998-02-25',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['ru', 3],
      ],
      place: PLACES.akko,
      needs: ['education_employment', 'social_networks'],
      interests: ['cooking', 'walking'],
      availability: slots([2, 3], [18, 19]),
    },
    {
      key: 'eitan',
      name: 'Eitan Dahan',
      born: '1970-10-30',
      gender: 'male',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.akko,
      needs: ['personal_affairs', 'leisure_volunteering'],
      interests: ['walking'],
      availability: slots([3, 4], [18]),
    },
    {
      key: 'nadia',
      name: 'Nadia Khoury',
      born: '1995-08-08',
      gender: 'female',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 3],
        ['en', 3],
      ],
      place: PLACES.akko,
      needs: ['social_situations', 'education_employment'],
      interests: ['art', 'music'],
      availability: slots([1, 2], [17, 18]),
    },
    {
      key: 'omar',
      name: 'Omar Zoabi',
      born: '1989-12-24',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 4],
      ],
      place: PLACES.nazareth,
      needs: ['education_employment', 'rights_claims'],
      interests: ['football', 'walking'],
      availability: slots([1, 4], [17, 18]),
    },
    {
      key: 'noam',
      name: 'Noam Peretz',
      born: '1994-05-05',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
      ],
      place: PLACES.beerSheva,
      modePreference: 'virtual',
      needs: ['communication_skills', 'social_networks'],
      interests: ['study', 'music'],
      availability: slots([0, 3], [19]),
    },
    {
      key: 'ronit',
      name: 'Ronit Golan',
      born: '1983-03-21',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.jerusalem,
      needs: ['emotion_management', 'relationships'],
      interests: ['art'],
      availability: slots([0, 2], [10]),
    },
    {
      key: 'maya',
      name: 'Maya Ohana',
      born: '1999-11-02',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
      ],
      place: PLACES.eilat,
      modePreference: 'virtual',
      needs: ['emotion_management', 'education_employment'],
      interests: ['music', 'art'],
      availability: slots([0, 2], [19, 20]),
    },
  ],
  week,
  stories(c) {
    const G = (title: string, ...domains: string[]) => ({ title, domains });
    const served = (key: string, mentor: string, startedOn: string) =>
      c.story(key).propose(addDays(startedOn, -7), c.mentor(mentor)).start(startedOn);
    const reviewed = (key: string, mentor: string, startedOn: string) =>
      served(key, mentor, startedOn).reviewTrial(addMonths(startedOn, 3), 'continue');

    const amir = reviewed('amir', 'yossi', c.monthsAgo(13));
    amir.plan(
      [
        G('Prepare for a job interview at the community centre', 'education_employment'),
        G('Join the Thursday football group', 'social_situations', 'community_leisure'),
      ],
      c.raterOf(amir),
    );

    const dana = served('dana', 'yossi', c.ago(25));
    dana.plan(
      [
        G('Keep a monthly household budget', 'personal_affairs'),
        G('Visit the neighbourhood community garden', 'community_leisure'),
      ],
      c.raterOf(dana),
    );

    // MOH-16: her first mentor left; the new one keeps the whole file. The new trial's review is overdue (MOH-4).
    const rivkaStart = c.monthsAgo(11);
    const rivka = reviewed('rivka', 'chana', rivkaStart)
      .changeMentor(c.monthsAgo(4), 'mentor_left', c.mentor('esther'))
      .start(addDays(c.monthsAgo(4), 9));
    rivka.plan(
      [
        G('Take medication on her own, with a weekly check', 'recovery'),
        G('File the disability allowance claim', 'rights_claims'),
      ],
      c.raterOf(rivka),
    );

    // MOH-15: in hospital for more than three months: suspended; renewal opens two weeks before discharge.
    const hospitalized = c.ago(100);
    const igor = reviewed('igor', 'yulia', c.monthsAgo(9))
      .hospitalization(addDays(hospitalized, 3), hospitalized, addDays(c.p.today, 10))
      .suspend(addMonths(hospitalized, 3), 'hospitalization');
    igor.plan(
      [
        G('Find a part-time job in a kitchen', 'education_employment'),
        G('Open a bank account', 'personal_affairs'),
      ],
      c.raterOf(igor),
    );

    // Contact has lapsed for more than two weeks (MOH-3 rhythm): the coordinator sees it.
    const lina = reviewed('lina', 'samira', c.monthsAgo(8)).silentSince(c.ago(17));
    lina.plan(
      [G('Name and handle anger at home', 'emotion_management', 'family_conflicts')],
      c.raterOf(lina),
    );

    const hassan = reviewed('hassan', 'samira', c.monthsAgo(16)).close(c.ago(60), 'goals_met');
    hassan.plan(
      [
        G('Win the appeal at National Insurance', 'rights_claims'),
        G('Start the forklift course', 'education_employment'),
      ],
      c.raterOf(hassan),
    );

    // MOH-5: the planned end is three weeks away; an extension waits for the Rehabilitation Committee.
    const menachemStart = addDays(c.monthsAgo(24), 21);
    const menachem = reviewed('menachem', 'moshe', menachemStart).requestExtension(
      c.ago(6),
      addMonths(menachemStart, 30),
      'The synagogue volunteering starts next month; continuity matters now.',
    );
    menachem.plan(
      [
        G('Volunteer weekly at the synagogue library', 'community_leisure', 'leisure_volunteering'),
        G('Talk with the doctor about the side effects', 'recovery'),
      ],
      c.raterOf(menachem),
    );

    // Matched and approved by the coordinator (MOH-1); the first meeting is still to come.
    const lior = c.story('lior').propose(c.ago(9), c.mentor('yulia'));
    lior.plan([G('Finish the Hebrew-language CV', 'education_employment')], c.raterOf(lior));

    // MOH-6: three years in all, the longest a person may have; an extension was approved on the way.
    const eitanStart = addDays(c.monthsAgo(37), 3);
    const eitan = reviewed('eitan', 'yulia', eitanStart)
      .extend(
        addMonths(eitanStart, 23),
        addDays(addMonths(eitanStart, 23), 12),
        addDays(addMonths(eitanStart, 36), -1),
        'Still rebuilding a daily routine after the move.',
        'Approved by the Rehabilitation Committee, meeting 41.',
      )
      .close(addDays(addMonths(eitanStart, 36), -1), 'max_duration');
    eitan.plan(
      [
        G('Keep a weekly routine of shopping and cooking', 'personal_affairs'),
        G('Volunteer at the food bank', 'leisure_volunteering'),
      ],
      c.raterOf(eitan),
    );

    // MOH-4: the trial showed a mismatch; she waits for a new mentor (MOH-16).
    const nadia = c
      .story('nadia')
      .propose(c.ago(75), c.mentor('fadi'))
      .start(c.ago(68))
      .reviewTrial(c.ago(36), 'change_mentor');
    nadia.plan([G('Speak up in a group without panic', 'social_situations')], c.raterOf(nadia));

    // MOH-5: an extension approved by the committee moved the planned end.
    const omarStart = c.monthsAgo(26);
    const omar = reviewed('omar', 'fadi', omarStart).extend(
      addDays(addMonths(omarStart, 22), 5),
      addDays(addMonths(omarStart, 22), 19),
      addDays(addMonths(omarStart, 30), -1),
      'The vocational course ends in the spring; he asked to keep his mentor until then.',
      'Approved by the Rehabilitation Committee, meeting 57.',
    );
    omar.plan(
      [
        G('Complete the vocational electricity course', 'education_employment'),
        G('Claim the rent assistance', 'rights_claims'),
      ],
      c.raterOf(omar),
    );

    // MOH-7: meeting online; going on past three months waits for the District Coordinator.
    const noam = reviewed('noam', 'orly', c.monthsAgo(6))
      .switchMode(c.ago(80), 'virtual')
      .requestVirtualContinuation(
        c.ago(5),
        addMonths(c.p.today, 3),
        'He moved to Be’er Sheva for work; meeting by video keeps the routine.',
      );
    noam.plan(
      [G('Take part in a weekly online study group', 'communication_skills', 'social_networks')],
      c.raterOf(noam),
    );

    // MOH-7: virtual continuation approved.
    const mayaStart = c.monthsAgo(9);
    const maya = reviewed('maya', 'orly', mayaStart)
      .switchMode(addDays(addMonths(mayaStart, 3), 4), 'virtual')
      .continueVirtually(
        addDays(addMonths(mayaStart, 6), -12),
        addDays(addMonths(mayaStart, 6), -5),
        addMonths(c.p.today, 2),
        'No mentor in Eilat; the video meetings work well.',
        'Approved by the District Coordinator until a local mentor is found.',
      );
    maya.plan(
      [
        G('Apply to the hotel-management course', 'education_employment'),
        G('Keep a mood diary', 'emotion_management'),
      ],
      c.raterOf(maya),
    );

    // MOH-14: she ended the service herself.
    const ronit = reviewed('ronit', 'orly', c.monthsAgo(11)).close(c.monthsAgo(4), 'participant_choice');
    ronit.plan([G('Rebuild contact with her sister', 'relationships')], c.raterOf(ronit));

    return [amir, dana, rivka, igor, lina, hassan, menachem, lior, eitan, nadia, omar, noam, maya, ronit];
  },
};
