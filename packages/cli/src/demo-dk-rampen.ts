/**
 * P3 · Volunteer social mentors on the way to a flex job ("Rampen til det gode
 * job", Central Denmark Region): citizens with psychological vulnerability
 * who chose to have a mentor (RAMP-1), volunteers briefed on the project's aim
 * before they meet (RAMP-4), informal contact — a walk, coffee, a phone call —
 * at the rhythm the two agreed (RAMP-5), and a plan that keeps the flex job in
 * view (RAMP-3).
 */
import { addDays } from '@tandem/domain';
import { agreedRhythm } from './demo-planners';
import { type ProgramSpec, slots } from './demo-program';

const PLACES = {
  aarhus: { city: 'Aarhus', lat: 56.1629, lon: 10.2039 },
  silkeborg: { city: 'Silkeborg', lat: 56.1697, lon: 9.5451 },
  randers: { city: 'Randers', lat: 56.4607, lon: 10.0364 },
  viborg: { city: 'Viborg', lat: 56.4532, lon: 9.402 },
  herning: { city: 'Herning', lat: 56.1393, lon: 8.9738 },
  horsens: { city: 'Horsens', lat: 55.8607, lon: 9.8503 },
};

export const dkRampen: ProgramSpec = {
  seed: 303,
  org: { name: 'Tandem Demo — Rampen til det gode job', slug: 'demo-rampen' },
  site: 'Aarhus',
  program: { name: 'Frivillige sociale mentorer — Rampen til det gode job', presetId: 'dk-rampen' },
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
      ],
      place: PLACES.aarhus,
      capacity: 2,
      interests: ['football', 'music', 'cooking'],
      strengths: ['network', 'leisure'],
      availability: slots([1, 3], [17, 18]),
      profession: 'social_work_student',
      trainedMonthsAgo: 12,
    },
    {
      key: 'mette',
      name: 'Mette Jensen',
      born: '1958-04-11',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 3],
      ],
      place: PLACES.aarhus,
      capacity: 2,
      interests: ['walking', 'gardening'],
      strengths: ['everyday_life', 'network'],
      availability: slots([1, 2, 4], [10, 11]),
      profession: 'retired_nurse',
      trainedMonthsAgo: 20,
    },
    {
      key: 'lars',
      name: 'Lars Nielsen',
      born: '1963-09-02',
      gender: 'male',
      languages: [
        ['da', 5],
        ['en', 4],
        ['de', 3],
      ],
      place: PLACES.silkeborg,
      capacity: 2,
      interests: ['fishing', 'woodwork'],
      strengths: ['employment', 'leisure'],
      availability: slots([2, 3], [9, 10, 14]),
      profession: 'carpenter',
      trainedMonthsAgo: 18,
    },
    {
      key: 'hanne',
      name: 'Hanne Poulsen',
      born: '1970-01-25',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 4],
      ],
      place: PLACES.randers,
      capacity: 2,
      interests: ['knitting', 'walking'],
      strengths: ['employment', 'everyday_life'],
      availability: slots([1, 4], [16, 17]),
      profession: 'hr_consultant',
      trainedMonthsAgo: 16,
    },
    {
      key: 'soren',
      name: 'Søren Kristensen',
      born: '1975-06-30',
      gender: 'male',
      languages: [
        ['da', 5],
        ['en', 5],
      ],
      place: PLACES.viborg,
      capacity: 1,
      interests: ['cycling', 'chess'],
      strengths: ['network'],
      availability: slots([3, 5], [18]),
      profession: 'engineer',
      trainedMonthsAgo: 15,
    },
    // Just joined: not briefed on the project's aim yet, so no first contact (RAMP-4).
    {
      key: 'birthe',
      name: 'Birthe Madsen',
      born: '1966-11-18',
      gender: 'female',
      languages: [
        ['da', 5],
        ['sv', 3],
      ],
      place: PLACES.herning,
      capacity: 2,
      interests: ['choir', 'baking'],
      strengths: ['everyday_life', 'leisure'],
      availability: slots([2, 4], [13, 14]),
      profession: 'retired_teacher',
      trainedMonthsAgo: 1,
      briefed: false,
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
        ['da', 3],
        ['en', 3],
      ],
      place: PLACES.aarhus,
      needs: ['employment', 'network'],
      interests: ['football'],
      availability: slots([1, 3], [17]),
    },
    {
      key: 'jonas',
      name: 'Jonas Rasmussen',
      born: '1989-02-14',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.silkeborg,
      needs: ['employment', 'leisure'],
      interests: ['fishing'],
      availability: slots([2, 3], [10]),
    },
    {
      key: 'sofie',
      name: 'Sofie Mortensen',
      born: '1994-07-19',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 4],
      ],
      place: PLACES.aarhus,
      needs: ['employment', 'everyday_life'],
      interests: ['walking', 'art'],
      availability: slots([1, 4], [10, 11]),
    },
    {
      key: 'kim',
      name: 'Kim Sørensen',
      born: '1980-10-05',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.randers,
      needs: ['employment', 'network'],
      interests: ['cycling'],
      availability: slots([1, 4], [16]),
    },
    {
      key: 'anne',
      name: 'Anne Thomsen',
      born: '1986-12-12',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 3],
      ],
      place: PLACES.viborg,
      needs: ['employment'],
      interests: ['chess', 'reading'],
      availability: slots([3], [18]),
    },
    {
      key: 'peter',
      name: 'Peter Andersen',
      born: '1977-05-08',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.herning,
      needs: ['employment', 'everyday_life'],
      interests: ['baking'],
      availability: slots([2, 4], [13]),
    },
    {
      key: 'louise',
      name: 'Louise Larsen',
      born: '1991-03-27',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 4],
      ],
      place: PLACES.horsens,
      needs: ['employment', 'leisure'],
      interests: ['knitting'],
      availability: slots([1], [16]),
    },
    {
      key: 'mikkel',
      name: 'Mikkel Christensen',
      born: '1984-08-22',
      gender: 'male',
      languages: [['da', 5]],
      place: PLACES.aarhus,
      needs: ['employment', 'network'],
      interests: ['music'],
      availability: slots([1, 3], [10]),
    },
    {
      key: 'rasmus',
      name: 'Rasmus Holm',
      born: '1982-01-31',
      gender: 'male',
      languages: [
        ['da', 5],
        ['en', 3],
      ],
      place: PLACES.randers,
      needs: ['employment', 'network'],
      interests: ['cycling'],
      availability: slots([2], [17]),
    },
    // RAMP-1: she has not decided yet whether she wants a mentor.
    {
      key: 'camilla',
      name: 'Camilla Pedersen',
      born: '1997-06-16',
      gender: 'female',
      languages: [
        ['da', 5],
        ['en', 4],
      ],
      place: PLACES.aarhus,
      needs: ['employment'],
      interests: ['art'],
      availability: slots([2], [11]),
      consent: false,
      intakeDaysAgo: 12,
    },
  ],
  week: agreedRhythm({
    defaultEveryDays: 7,
    kinds: [
      { mode: 'in_person', minutes: [60, 75, 90], weight: 5 }, // a walk, coffee in town
      { mode: 'phone', minutes: [15, 20, 30], weight: 3 },
      { mode: 'video', minutes: [30], weight: 1 },
    ],
    hours: [10, 11, 14, 17],
    notes: [
      'Coffee at the library café; talked about the trial placement at the garden centre.',
      'Walk by the lake. He slept badly but came anyway.',
      'Phone call about how the first week in the flex job went.',
      'Looked at the job advert together; she will ask her job consultant about it.',
    ],
  }),
  stories(c) {
    const G = (title: string, ...domains: string[]) => ({ title, domains });
    const met = (key: string, mentor: string, on: string, everyDays: number) =>
      c
        .story(key)
        .propose(addDays(on, -10), c.mentor(mentor))
        .start(on)
        .agreeRhythm(addDays(on, 1), everyDays);
    const job = (title: string) => G(title, 'employment'); // RAMP-3: the flex job stays on the plan

    const amir = met('amir', 'yossi', c.monthsAgo(5), 7);
    amir.plan(
      [
        job('Ten hours a week at the bicycle workshop'),
        G('Join the Thursday football club', 'network', 'leisure'),
      ],
      c.raterOf(amir),
    );
    const jonas = met('jonas', 'lars', c.monthsAgo(10), 14);
    jonas.plan(
      [job('Start a flex job at the boat yard'), G('Go fishing with the club once a month', 'leisure')],
      c.raterOf(jonas),
    );
    const sofie = met('sofie', 'mette', c.monthsAgo(8), 7);
    sofie.plan(
      [job('Keep the morning routine on job-training days'), G('Walk every day', 'everyday_life')],
      c.raterOf(sofie),
    );
    // RAMP-5: agreed every ten days; nothing for three weeks now.
    const kim = met('kim', 'hanne', c.monthsAgo(7), 10).silentSince(c.ago(21));
    kim.plan([job('Prepare the meeting about a flex job at the warehouse')], c.raterOf(kim));
    // The first match did not work; a new mentor took over, with the whole history kept.
    const anne = met('anne', 'mette', c.monthsAgo(11), 14)
      .changeMentor(c.monthsAgo(6), 'mismatch', c.mentor('soren'))
      .start(addDays(c.monthsAgo(6), 8))
      .agreeRhythm(addDays(c.monthsAgo(6), 8), 14);
    anne.plan(
      [job('Ask the job consultant about an office flex job'), G('Chess club on Wednesdays', 'network')],
      c.raterOf(anne),
    );
    // Paused for a stay at the psychiatric day unit.
    const louise = met('louise', 'hanne', c.monthsAgo(6), 7).suspend(c.ago(25), 'other');
    louise.plan([job('Return to the flex job at the school canteen')], c.raterOf(louise));
    // Found the flex job; the contact ended well.
    const mikkel = met('mikkel', 'lars', c.monthsAgo(12), 10).close(c.monthsAgo(3), 'goals_met');
    mikkel.plan([job('Signed a flex-job contract at the print shop')], c.raterOf(mikkel));
    // RAMP-1: the citizen decides; after four months he chose to stop.
    const rasmus = met('rasmus', 'soren', c.monthsAgo(13), 14).close(c.monthsAgo(9), 'participant_choice');
    rasmus.plan([job('Try a flex job at the recycling centre')], c.raterOf(rasmus));
    // Matched with a volunteer who still needs the briefing before they can meet (RAMP-4).
    const peter = c.story('peter').propose(c.ago(6), c.mentor('birthe'));
    peter.plan([job('Find out which work he can manage on a bad day')], c.raterOf(peter));
    return [amir, jonas, sofie, kim, anne, louise, mikkel, rasmus, peter];
  },
};
