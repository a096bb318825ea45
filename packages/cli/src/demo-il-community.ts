/**
 * P2 · Community Mentors (Israel): citizens and students trained for 50 hours
 * (CM-1) accompany service users aged 16 and over (CM-3) in welfare and
 * mental-health settings, weekly (CM-2) — many of them families evacuated from
 * the north and the Gaza border communities since October 2023.
 */
import { addDays } from '@tandem/domain';
import { communityRisks } from './demo-il-community-risks';
import { weeklyMeetings } from './demo-planners';
import { type ProgramSpec, slots } from './demo-program';

const PLACES = {
  telAviv: { city: 'Tel Aviv–Yafo', lat: 32.0853, lon: 34.7818 },
  sderot: { city: 'Sderot', lat: 31.525, lon: 34.5969 },
  ofakim: { city: 'Ofakim', lat: 31.3141, lon: 34.6203 },
  kiryatShmona: { city: 'Kiryat Shmona', lat: 33.2073, lon: 35.5721 },
  tiberias: { city: 'Tiberias', lat: 32.7922, lon: 35.5312 },
  haifa: { city: 'Haifa', lat: 32.794, lon: 34.9896 },
};

const DOMAINS = {
  listening: 'emotional_support',
  info: 'information_guidance',
  resilience: 'resilience_skills',
  daily: 'daily_routine',
  school: 'school_work',
};

export const ilCommunity: ProgramSpec = {
  seed: 202,
  org: { name: 'Tandem Demo — Community Mentors', slug: 'demo-community-mentors' },
  site: 'Tel Aviv–Yafo',
  program: { name: 'Community Mentors — field placements 2026', presetId: 'il-community-mentors' },
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
      capacity: 3,
      interests: ['football', 'music'],
      strengths: [DOMAINS.listening, DOMAINS.school],
      availability: slots([0, 2], [17, 18]),
      profession: 'social_work_student',
      trainedMonthsAgo: 13,
      trainingHours: 52,
    },
    {
      key: 'noga',
      name: 'Noga Avraham',
      born: '2001-09-14',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
      ],
      place: PLACES.telAviv,
      capacity: 3,
      interests: ['music', 'art'],
      strengths: [DOMAINS.listening, DOMAINS.resilience],
      availability: slots([1, 3], [16, 17]),
      profession: 'psychology_student',
      trainedMonthsAgo: 11,
      trainingHours: 50,
    },
    {
      key: 'itai',
      name: 'Itai Carmel',
      born: '1961-02-28',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 3],
      ],
      place: PLACES.kiryatShmona,
      capacity: 2,
      interests: ['walking', 'study'],
      strengths: [DOMAINS.school, DOMAINS.daily],
      availability: slots([0, 1, 2], [10, 11]),
      profession: 'retired_teacher',
      trainedMonthsAgo: 14,
      trainingHours: 56,
    },
    {
      key: 'hila',
      name: 'Hila Mor',
      born: '1999-05-30',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.sderot,
      capacity: 3,
      interests: ['cooking', 'art'],
      strengths: [DOMAINS.resilience, DOMAINS.info],
      availability: slots([0, 3], [15, 16]),
      profession: 'social_work_student',
      trainedMonthsAgo: 12,
      trainingHours: 50,
    },
    {
      key: 'ahmad',
      name: 'Ahmad Darawshe',
      born: '2000-12-03',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 5],
        ['en', 3],
      ],
      place: PLACES.haifa,
      capacity: 2,
      interests: ['football'],
      strengths: [DOMAINS.info, DOMAINS.listening],
      availability: slots([1, 4], [17, 18]),
      profession: 'nursing_student',
      trainedMonthsAgo: 12,
      trainingHours: 51,
    },
    {
      key: 'shani',
      name: 'Shani Biton',
      born: '1984-08-09',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['fr', 3],
      ],
      place: PLACES.ofakim,
      capacity: 2,
      interests: ['walking', 'cooking'],
      strengths: [DOMAINS.daily, DOMAINS.resilience],
      availability: slots([0, 2, 4], [9, 10]),
      trainedMonthsAgo: 13,
      trainingHours: 50,
      inactive: true,
    },
    // 32 of the 50 training hours so far: not placed yet (CM-1).
    {
      key: 'avi',
      name: 'Avi Shalom',
      born: '1997-03-17',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 4],
      ],
      place: PLACES.telAviv,
      capacity: 2,
      interests: ['music'],
      strengths: [DOMAINS.listening],
      availability: slots([2, 3], [18]),
      profession: 'student',
      trainedMonthsAgo: null,
      trainingHours: 32,
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
      needs: [DOMAINS.info, DOMAINS.listening],
      interests: ['football'],
      availability: slots([0, 2], [17]),
    },
    {
      key: 'yarden',
      name: 'Yarden Sasson',
      born: '2009-01-20',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.tiberias,
      needs: [DOMAINS.school, DOMAINS.resilience],
      interests: ['art', 'music'],
      availability: slots([0, 1], [16]),
    },
    {
      key: 'ofek',
      name: 'Ofek Malka',
      born: '2010-06-02',
      gender: 'male',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.sderot,
      needs: [DOMAINS.resilience, DOMAINS.school],
      interests: ['football'],
      availability: slots([0, 3], [15, 16]),
    },
    {
      key: 'tal',
      name: 'Tal Hazan',
      born: '1979-11-11',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.ofakim,
      needs: [DOMAINS.listening, DOMAINS.daily],
      interests: ['cooking'],
      availability: slots([0, 2], [10]),
    },
    {
      key: 'rotem',
      name: 'Rotem Levy',
      born: '1990-04-04',
      gender: 'male',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 3],
      ],
      place: PLACES.kiryatShmona,
      needs: [DOMAINS.daily, DOMAINS.info],
      interests: ['walking'],
      availability: slots([1, 2], [10]),
    },
    {
      key: 'bashar',
      name: 'Bashar Khatib',
      born: '2008-08-15',
      gender: 'male',
      sector: 'arab',
      languages: [
        ['ar', 5],
        ['he', 3],
      ],
      place: PLACES.haifa,
      needs: [DOMAINS.school, DOMAINS.listening],
      interests: ['football', 'music'],
      availability: slots([1, 4], [17]),
    },
    {
      key: 'liat',
      name: 'Liat Amsalem',
      born: '1972-03-09',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['fr', 4],
      ],
      place: PLACES.sderot,
      needs: [DOMAINS.listening, DOMAINS.resilience],
      interests: ['cooking', 'walking'],
      availability: slots([0, 3], [15]),
    },
    {
      key: 'daniel',
      name: 'Daniel Ohayon',
      born: '2002-10-21',
      gender: 'male',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.telAviv,
      needs: [DOMAINS.school, DOMAINS.daily],
      interests: ['music'],
      availability: slots([1, 3], [17]),
    },
    {
      key: 'eden',
      name: 'Eden Zur',
      born: '2009-12-30',
      gender: 'female',
      sector: 'general',
      languages: [
        ['he', 5],
        ['en', 3],
      ],
      place: PLACES.kiryatShmona,
      needs: [DOMAINS.resilience],
      interests: ['art'],
      availability: slots([0, 2], [16]),
      intakeDaysAgo: 23,
    },
    {
      key: 'sivan',
      name: 'Sivan Elbaz',
      born: '1988-07-07',
      gender: 'female',
      sector: 'general',
      languages: [['he', 5]],
      place: PLACES.tiberias,
      needs: [DOMAINS.listening],
      interests: ['walking'],
      availability: slots([2], [10]),
      intakeDaysAgo: 4,
    },
  ],
  week: weeklyMeetings({
    meetings: [1, 1],
    minutes: [45, 60, 60, 90],
    light: [
      { mode: 'phone', minutes: [10, 15, 20], chance: 0.35 },
      { mode: 'messenger', minutes: [5], chance: 0.4 },
    ],
    hours: [10, 15, 16, 17],
    notes: [
      'Talked about sleep since the evacuation; practised the breathing exercise.',
      'Helped fill in the form for the evacuee grant.',
      'Went over the maths homework; she wants to try the exam in January.',
      'Walked around the hotel grounds; he spoke about his friends back home.',
    ],
  }),
  stories(c) {
    const G = (title: string, ...domains: string[]) => ({ title, domains });
    const placed = (key: string, mentor: string, on: string) =>
      c.story(key).propose(addDays(on, -5), c.mentor(mentor)).start(on);

    const amir = placed('amir', 'yossi', c.monthsAgo(7));
    // CM-4: ten days no one could reach him, until the coordinator found him (the low sign of risk).
    amir.quiet.push({ from: c.ago(50), to: c.ago(38) });
    amir.plan([G('Get the municipal tax discount he is entitled to', DOMAINS.info)], c.raterOf(amir));
    const yarden = placed('yarden', 'itai', c.monthsAgo(11));
    yarden.plan(
      [
        G('Go back to school three days a week', DOMAINS.school),
        G('Sleep through the night', DOMAINS.resilience),
      ],
      c.raterOf(yarden),
    );
    const ofek = placed('ofek', 'hila', c.monthsAgo(9));
    ofek.plan([G('Join the football team in the new town', DOMAINS.resilience)], c.raterOf(ofek));
    // CM-2: weekly work; this one has slipped for two weeks.
    const tal = placed('tal', 'hila', c.monthsAgo(6)).silentSince(c.ago(15));
    tal.plan([G('A daily walk with a neighbour', DOMAINS.daily)], c.raterOf(tal));
    // The mentor left; the coordinator placed a new one, and the file kept everything (CM-5).
    const liat = placed('liat', 'shani', c.monthsAgo(10))
      .changeMentor(c.monthsAgo(5), 'mentor_left', c.mentor('noga'))
      .start(addDays(c.monthsAgo(5), 6));
    liat.plan(
      [G('Talk about the seventh of October with someone she trusts', DOMAINS.listening)],
      c.raterOf(liat),
    );
    // Paused while the family moves back north.
    const rotem = placed('rotem', 'itai', c.monthsAgo(8)).suspend(c.ago(20), 'other');
    rotem.plan([G('Find work after the return home', DOMAINS.info, DOMAINS.daily)], c.raterOf(rotem));
    const bashar = placed('bashar', 'ahmad', c.monthsAgo(12)).close(c.monthsAgo(2), 'goals_met');
    bashar.plan([G('Pass the matriculation exam in Hebrew', DOMAINS.school)], c.raterOf(bashar));
    const daniel = placed('daniel', 'noga', c.monthsAgo(9)).close(c.monthsAgo(5), 'participant_choice');
    daniel.plan([G('Keep a weekly study routine', DOMAINS.school)], c.raterOf(daniel));
    // Placed by the coordinator (CM-5); the first meeting is next week. Sivan still waits for one.
    const eden = c.story('eden').propose(c.ago(3), c.mentor('noga'));
    eden.plan([G('Feel safe enough to sleep in her own room', DOMAINS.resilience)], c.raterOf(eden));
    return [amir, yarden, ofek, tal, liat, rotem, bashar, daniel, eden];
  },
  between: communityRisks,
};
