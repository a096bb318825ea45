/**
 * P5 · Municipal social mentor for unemployed citizens (Odense jobcentre, with
 * mentors from an interpreting agency): personal guide, motivating coach,
 * system guide and bridge to a job (MUNI-1); meetings at home and at the
 * jobcentre, letters read together, company to the doctor and the authorities
 * (MUNI-2); mentors who speak the citizen's language (MUNI-4); the ten target
 * groups (MUNI-5), the vulnerable young unemployed among them (MUNI-6).
 */
import { addDays } from '@tandem/domain';
import { weeklyMeetings } from './demo-planners';
import { type ProgramSpec, slots } from './demo-program';

const PLACES = {
  vollsmose: { city: 'Odense (Vollsmose)', lat: 55.4103, lon: 10.4325 },
  odense: { city: 'Odense', lat: 55.4038, lon: 10.4024 },
  svendborg: { city: 'Svendborg', lat: 55.0598, lon: 10.6068 },
  nyborg: { city: 'Nyborg', lat: 55.3127, lon: 10.7893 },
  middelfart: { city: 'Middelfart', lat: 55.5059, lon: 9.7308 },
};
const OFFICE = slots([1, 2, 3, 4, 5], [9, 10, 11, 13, 14]);

export const dkMunicipal: ProgramSpec = {
  seed: 505,
  org: { name: 'Tandem Demo — Odense Jobcentre Mentors', slug: 'demo-jobcentre' },
  site: 'Jobcenter Odense',
  program: { name: 'Socialmentor for ledige borgere', presetId: 'dk-municipal-mentor' },
  mentors: [
    {
      key: 'yossi',
      name: 'Yossi Cohen',
      login: true,
      born: '1988-06-12',
      gender: 'male',
      languages: [
        ['da', 3],
        ['en', 5],
        ['he', 5],
        ['ar', 2],
      ],
      place: PLACES.odense,
      capacity: 4,
      interests: ['football'],
      strengths: ['system_guide', 'education_job_bridge'],
      availability: OFFICE,
      profession: 'social_work_student',
      trainedMonthsAgo: 12,
    },
    {
      key: 'huda',
      name: 'Huda Al-Saadi',
      born: '1978-05-15',
      gender: 'female',
      languages: [
        ['ar', 5],
        ['da', 5],
        ['en', 3],
      ],
      place: PLACES.vollsmose,
      capacity: 5,
      interests: ['cooking'],
      strengths: ['language_culture', 'system_guide', 'personal_guidance'],
      availability: OFFICE,
      profession: 'interpreter',
      trainedMonthsAgo: 30,
    },
    {
      key: 'abdi',
      name: 'Abdi Warsame',
      born: '1983-02-01',
      gender: 'male',
      languages: [
        ['so', 5],
        ['da', 5],
        ['en', 4],
        ['ar', 3],
      ],
      place: PLACES.vollsmose,
      capacity: 5,
      interests: ['football', 'walking'],
      strengths: ['language_culture', 'motivation', 'network'],
      availability: OFFICE,
      profession: 'interpreter',
      trainedMonthsAgo: 26,
    },
    {
      key: 'leyla',
      name: 'Leyla Yılmaz',
      born: '1990-09-09',
      gender: 'female',
      languages: [
        ['tr', 5],
        ['da', 5],
        ['ku', 3],
      ],
      place: PLACES.odense,
      capacity: 4,
      interests: ['art'],
      strengths: ['education_job_bridge', 'resource_clarification'],
      availability: OFFICE,
      profession: 'social_educator',
      trainedMonthsAgo: 22,
    },
    {
      key: 'reza',
      name: 'Reza Ahmadi',
      born: '1975-12-22',
      gender: 'male',
      languages: [
        ['fa', 5],
        ['prs', 5],
        ['da', 4],
      ],
      place: PLACES.odense,
      capacity: 4,
      interests: ['chess'],
      strengths: ['system_guide', 'personal_guidance'],
      availability: OFFICE,
      profession: 'interpreter',
      trainedMonthsAgo: 28,
      inactive: true,
    },
    {
      key: 'karen',
      name: 'Karen Mortensen',
      born: '1968-04-04',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 4],
        ['de', 3],
      ],
      place: PLACES.svendborg,
      capacity: 4,
      interests: ['gardening'],
      strengths: ['motivation', 'resource_clarification', 'network'],
      availability: OFFICE,
      profession: 'job_consultant',
      trainedMonthsAgo: 34,
    },
  ],
  participants: [
    {
      key: 'amir',
      name: 'Amir Haddad',
      login: true,
      born: '1996-04-09',
      gender: 'male',
      languages: [
        ['ar', 5],
        ['da', 2],
        ['en', 3],
      ],
      place: PLACES.vollsmose,
      needs: ['system_guide', 'education_job_bridge'],
      interests: ['football'],
      availability: OFFICE,
      targetGroup: 'language_barriers',
    },
    {
      key: 'fatima',
      name: 'Fatima Osman',
      born: '1985-03-10',
      gender: 'female',
      languages: [
        ['so', 5],
        ['da', 2],
      ],
      place: PLACES.vollsmose,
      preferredMentorGender: 'female',
      needs: ['system_guide', 'language_culture'],
      interests: ['cooking'],
      availability: OFFICE,
      targetGroup: 'homemakers',
    },
    {
      key: 'mohammed',
      name: 'Mohammed Khalil',
      born: '1972-08-18',
      gender: 'male',
      languages: [
        ['ar', 5],
        ['da', 3],
      ],
      place: PLACES.odense,
      needs: ['personal_guidance', 'system_guide'],
      interests: ['walking'],
      availability: OFFICE,
      targetGroup: 'sick_listed',
    },
    {
      key: 'tesfay',
      name: 'Tesfay Gebremedhin',
      born: '1999-01-29',
      gender: 'male',
      languages: [
        ['ti', 5],
        ['en', 3],
        ['da', 2],
      ],
      place: PLACES.odense,
      needs: ['education_job_bridge', 'language_culture'],
      interests: ['running'],
      availability: OFFICE,
      targetGroup: 'young_little_system_knowledge',
    },
    {
      key: 'agnieszka',
      name: 'Agnieszka Kowalska',
      born: '1980-06-06',
      gender: 'female',
      languages: [
        ['pl', 5],
        ['da', 3],
        ['en', 3],
      ],
      place: PLACES.nyborg,
      needs: ['resource_clarification', 'motivation'],
      interests: ['gardening'],
      availability: OFFICE,
      targetGroup: 'early_pension_applicants',
    },
    {
      key: 'mads',
      name: 'Mads Hansen',
      born: '1994-11-13',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.svendborg,
      needs: ['personal_guidance', 'network'],
      interests: ['gaming'],
      availability: OFFICE,
      targetGroup: 'social_psychological',
    },
    {
      key: 'ayse',
      name: 'Ayşe Demir',
      born: '1988-02-27',
      gender: 'female',
      languages: [
        ['tr', 5],
        ['da', 3],
      ],
      place: PLACES.odense,
      preferredMentorGender: 'female',
      needs: ['education_job_bridge'],
      interests: ['sewing'],
      availability: OFFICE,
      targetGroup: 'retention',
    },
    {
      key: 'ali',
      name: 'Ali Rezaei',
      born: '1983-10-01',
      gender: 'male',
      languages: [
        ['fa', 5],
        ['da', 3],
      ],
      place: PLACES.odense,
      needs: ['system_guide', 'motivation'],
      interests: ['chess'],
      availability: OFFICE,
      targetGroup: 'provider_problems',
    },
    // MUNI-6: chapter 23 of the act — no state refund of this mentor's cost.
    {
      key: 'emil',
      name: 'Emil Johansen',
      born: '2005-04-20',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.middelfart,
      needs: ['education_job_bridge', 'personal_guidance'],
      interests: ['music'],
      availability: OFFICE,
      targetGroup: 'vulnerable_young_unemployed',
    },
    {
      key: 'sara',
      name: 'Sara Haile',
      born: '1992-07-12',
      gender: 'female',
      languages: [
        ['ti', 5],
        ['en', 2],
      ],
      place: PLACES.vollsmose,
      needs: ['language_culture', 'system_guide'],
      interests: ['cooking'],
      availability: OFFICE,
      targetGroup: 'information_needs',
    },
    {
      key: 'hamid',
      name: 'Hamid Noori',
      born: '1979-09-23',
      gender: 'male',
      languages: [
        ['prs', 5],
        ['fa', 5],
        ['da', 1],
      ],
      place: PLACES.odense,
      needs: ['language_culture', 'system_guide'],
      interests: ['walking'],
      availability: OFFICE,
      targetGroup: 'language_barriers',
      intakeDaysAgo: 16,
    },
  ],
  week: weeklyMeetings({
    meetings: [1, 2],
    minutes: [45, 60, 60, 90],
    light: [
      { mode: 'phone', minutes: [10, 15, 20], chance: 0.45 },
      { mode: 'email', minutes: [10], chance: 0.15 },
      { mode: 'messenger', minutes: [5], chance: 0.25 },
    ],
    accompaniment: {
      chance: 0.25,
      types: [
        'authority_meeting',
        'authority_meeting',
        'letters',
        'letters',
        'doctor',
        'psychologist',
        'physiotherapist',
      ],
      minutes: [60, 90, 120, 150],
    },
    hours: [9, 10, 11, 13],
    notes: [
      'Read the letter from Udbetaling Danmark together and answered it.',
      'Went with her to the jobcentre meeting; explained the job plan in Somali.',
      'Talked about what he is good at: driving, repairs, Arabic and English. Passed on to the job consultant.',
      'Came to the physiotherapist with him; next appointment in two weeks.',
    ],
  }),
  stories(c) {
    const G = (title: string, ...domains: string[]) => ({ title, domains });
    const assigned = (key: string, mentor: string, on: string) =>
      c.story(key).propose(addDays(on, -6), c.mentor(mentor)).start(on);

    const amir = assigned('amir', 'huda', c.monthsAgo(8));
    amir.plan(
      [
        G('Understand the letters from the jobcentre', 'system_guide'),
        G('Start Danish classes and an internship', 'education_job_bridge'),
      ],
      c.raterOf(amir),
    );
    const fatima = assigned('fatima', 'abdi', c.monthsAgo(9));
    fatima.plan(
      [
        G('Go to the jobcentre meetings on her own', 'system_guide', 'language_culture'),
        G('Find out which jobs fit with the children’s school hours', 'resource_clarification'),
      ],
      c.raterOf(fatima),
    );
    const mohammed = assigned('mohammed', 'huda', c.monthsAgo(7));
    mohammed.plan(
      [
        G('Keep the health assessment appointments', 'personal_guidance'),
        G('A plan for going back to work part time', 'education_job_bridge'),
      ],
      c.raterOf(mohammed),
    );
    const agnieszka = assigned('agnieszka', 'karen', c.monthsAgo(10));
    agnieszka.plan(
      [G('A resource profile for the early-pension assessment', 'resource_clarification')],
      c.raterOf(agnieszka),
    );
    const mads = assigned('mads', 'yossi', c.monthsAgo(6));
    mads.plan(
      [
        G('Leave the flat every day', 'personal_guidance'),
        G('Join the football club’s volunteer group', 'network'),
      ],
      c.raterOf(mads),
    );
    // The Farsi-speaking mentor left the agency; another took over, and the file kept everything.
    const ali = assigned('ali', 'reza', c.monthsAgo(11))
      .changeMentor(c.monthsAgo(5), 'mentor_left', c.mentor('yossi'))
      .start(addDays(c.monthsAgo(5), 4));
    ali.plan(
      [
        G('A budget that covers the rent', 'personal_guidance'),
        G('Job interview at the bakery', 'education_job_bridge'),
      ],
      c.raterOf(ali),
    );
    // Sick leave: paused until the doctor's assessment.
    const tesfay = assigned('tesfay', 'abdi', c.monthsAgo(5)).suspend(c.ago(18), 'other');
    tesfay.plan(
      [G('Start the preparatory adult education course', 'education_job_bridge')],
      c.raterOf(tesfay),
    );
    // Kept the job at the laundry: mentorship ended, goals met.
    const ayse = assigned('ayse', 'leyla', c.monthsAgo(12)).close(c.monthsAgo(1), 'goals_met');
    ayse.plan(
      [G('Keep the job at the laundry through the trial period', 'education_job_bridge')],
      c.raterOf(ayse),
    );
    const emil = assigned('emil', 'karen', c.monthsAgo(4)).close(c.ago(30), 'participant_choice');
    emil.plan([G('Start the production school in August', 'education_job_bridge')], c.raterOf(emil));
    const sara = c.story('sara').propose(c.ago(2), c.mentor('abdi'));
    sara.plan(
      [G('Understand the introduction programme', 'system_guide', 'language_culture')],
      c.raterOf(sara),
    );
    return [amir, fatima, mohammed, agnieszka, mads, ali, tesfay, ayse, emil, sara];
  },
};
