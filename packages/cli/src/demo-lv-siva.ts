/**
 * P4 · Remote social mentoring in vocational rehabilitation (SIVA, Latvia):
 * every student of the vocational college in Jūrmala is allocated to a
 * specialist — social worker, psychologist, teacher, career specialist
 * (SIVA-1) — who checks in with them every day by email, phone or messenger
 * (SIVA-2, SIVA-5): wellbeing, study progress, problems, praise.
 */
import { addDays } from '@tandem/domain';
import { sivaBetween } from './demo-lv-siva-between';
import { dailyCheckIns } from './demo-planners';
import { type ProgramSpec, slots } from './demo-program';

const PLACES = {
  jurmala: { city: 'Jūrmala', lat: 56.968, lon: 23.7704 },
  riga: { city: 'Rīga', lat: 56.9496, lon: 24.1052 },
  jelgava: { city: 'Jelgava', lat: 56.6511, lon: 23.7214 },
  daugavpils: { city: 'Daugavpils', lat: 55.8747, lon: 26.5362 },
  liepaja: { city: 'Liepāja', lat: 56.5047, lon: 21.0108 },
  valmiera: { city: 'Valmiera', lat: 57.5385, lon: 25.4264 },
};
const WORKDAY = slots([1, 2, 3, 4, 5], [9, 10, 11, 12, 13, 14, 15]);

export const lvSiva: ProgramSpec = {
  seed: 404,
  org: { name: 'Tandem Demo — SIVA Social Mentoring', slug: 'demo-siva' },
  site: 'Jūrmala, Dubulti',
  program: { name: 'Sociālā mentorēšana attālinātās mācībās', presetId: 'lv-siva-remote' },
  mentors: [
    {
      key: 'yossi',
      name: 'Yossi Cohen',
      login: true,
      born: '1988-06-12',
      gender: 'male',
      languages: [
        ['ru', 3],
        ['en', 5],
        ['he', 5],
      ],
      place: PLACES.riga,
      capacity: 3,
      interests: ['football', 'music'],
      strengths: ['study_progress', 'hobbies'],
      availability: WORKDAY,
      profession: 'social_worker',
      trainedMonthsAgo: 12,
    },
    {
      key: 'ilze',
      name: 'Ilze Ozola',
      born: '1976-03-03',
      gender: 'female',
      languages: [
        ['lv', 5],
        ['ru', 4],
        ['en', 3],
      ],
      place: PLACES.jurmala,
      capacity: 4,
      interests: ['gardening'],
      strengths: ['wellbeing', 'problems'],
      availability: WORKDAY,
      profession: 'psychologist',
      trainedMonthsAgo: 40,
    },
    {
      key: 'janis',
      name: 'Jānis Bērziņš',
      born: '1969-12-08',
      gender: 'male',
      languages: [
        ['lv', 5],
        ['en', 4],
      ],
      place: PLACES.jurmala,
      capacity: 4,
      interests: ['cycling'],
      strengths: ['study_progress', 'daily_tasks'],
      availability: WORKDAY,
      profession: 'career_specialist',
      trainedMonthsAgo: 40,
    },
    {
      key: 'olga',
      name: 'Olga Ivanova',
      born: '1981-07-21',
      gender: 'female',
      languages: [
        ['ru', 5],
        ['lv', 5],
      ],
      place: PLACES.riga,
      capacity: 4,
      interests: ['cooking'],
      strengths: ['wellbeing', 'daily_tasks'],
      availability: WORKDAY,
      profession: 'social_worker',
      trainedMonthsAgo: 36,
    },
    {
      key: 'inese',
      name: 'Inese Kalniņa',
      born: '1985-10-14',
      gender: 'female',
      languages: [
        ['lv', 5],
        ['en', 4],
      ],
      place: PLACES.jelgava,
      capacity: 3,
      interests: ['choir', 'hobbies'],
      strengths: ['study_progress', 'hobbies'],
      availability: WORKDAY,
      profession: 'teacher',
      trainedMonthsAgo: 30,
      inactive: true,
    },
    {
      key: 'andris',
      name: 'Andris Liepiņš',
      born: '1990-05-29',
      gender: 'male',
      languages: [
        ['lv', 5],
        ['ru', 3],
        ['en', 5],
      ],
      place: PLACES.jurmala,
      capacity: 3,
      interests: ['basketball'],
      strengths: ['problems', 'study_progress'],
      availability: WORKDAY,
      profession: 'teacher',
      trainedMonthsAgo: 20,
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
        ['en', 4],
        ['ru', 2],
      ],
      place: PLACES.riga,
      needs: ['study_progress', 'wellbeing'],
      interests: ['football'],
      availability: WORKDAY,
    },
    {
      key: 'kristaps',
      name: 'Kristaps Zariņš',
      born: '1999-02-11',
      gender: 'male',
      languages: [['lv', 5]],
      place: PLACES.jurmala,
      needs: ['study_progress', 'daily_tasks'],
      interests: ['computers'],
      availability: WORKDAY,
      portal: 'lv',
    },
    {
      key: 'liga',
      name: 'Līga Krūmiņa',
      born: '1987-09-05',
      gender: 'female',
      languages: [
        ['lv', 5],
        ['en', 3],
      ],
      place: PLACES.valmiera,
      needs: ['wellbeing', 'hobbies'],
      interests: ['knitting', 'cooking'],
      availability: WORKDAY,
      portal: 'lv',
      printedCode: true,
    },
    {
      key: 'dmitrijs',
      name: 'Dmitrijs Petrovs',
      born: '1993-04-24',
      gender: 'male',
      languages: [
        ['ru', 5],
        ['lv', 3],
      ],
      place: PLACES.daugavpils,
      needs: ['problems', 'study_progress'],
      interests: ['chess'],
      availability: WORKDAY,
    },
    {
      key: 'elina',
      name: 'Elīna Vītola',
      born: '2000-11-30',
      gender: 'female',
      languages: [
        ['lv', 5],
        ['en', 4],
      ],
      place: PLACES.liepaja,
      needs: ['wellbeing', 'daily_tasks'],
      interests: ['drawing'],
      availability: WORKDAY,
      portal: 'lv',
    },
    {
      key: 'marina',
      name: 'Marina Sokolova',
      born: '1984-06-17',
      gender: 'female',
      languages: [
        ['ru', 5],
        ['lv', 4],
      ],
      place: PLACES.riga,
      needs: ['wellbeing', 'problems'],
      interests: ['cooking', 'walking'],
      availability: WORKDAY,
      portal: 'lv',
    },
    {
      key: 'arturs',
      name: 'Artūrs Kļaviņš',
      born: '1991-01-09',
      gender: 'male',
      languages: [['lv', 5]],
      place: PLACES.jelgava,
      needs: ['study_progress'],
      interests: ['woodwork'],
      availability: WORKDAY,
    },
    {
      key: 'santa',
      name: 'Santa Jansone',
      born: '1998-08-02',
      gender: 'female',
      languages: [
        ['lv', 5],
        ['ru', 3],
      ],
      place: PLACES.jurmala,
      needs: ['hobbies', 'wellbeing'],
      interests: ['music'],
      availability: WORKDAY,
    },
    {
      key: 'edgars',
      name: 'Edgars Ozoliņš',
      born: '1995-12-19',
      gender: 'male',
      languages: [
        ['lv', 5],
        ['en', 3],
      ],
      place: PLACES.riga,
      needs: ['daily_tasks'],
      interests: ['walking'],
      availability: WORKDAY,
    },
    {
      key: 'anastasija',
      name: 'Anastasija Kuzņecova',
      born: '2002-03-15',
      gender: 'female',
      languages: [
        ['ru', 5],
        ['lv', 4],
      ],
      place: PLACES.daugavpils,
      needs: ['study_progress', 'wellbeing'],
      interests: ['drawing'],
      availability: WORKDAY,
    },
    {
      key: 'roberts',
      name: 'Roberts Eglītis',
      born: '2001-07-07',
      gender: 'male',
      languages: [
        ['lv', 5],
        ['en', 3],
      ],
      place: PLACES.valmiera,
      needs: ['study_progress', 'problems'],
      interests: ['music'],
      availability: WORKDAY,
      intakeDaysAgo: 2,
    },
  ],
  week: dailyCheckIns({
    modes: ['messenger', 'messenger', 'phone', 'email'],
    minutes: [5, 10, 10, 15, 20],
    hours: [9, 10, 11],
    notes: [
      'Cooked soup for the family and sent a photo. Praised her.',
      'Worried about the maths test; agreed to do one worksheet a day.',
      'Went for a walk by the sea; mood better than yesterday.',
      'Did not sleep well; will call the psychologist tomorrow.',
    ],
  }),
  stories(c) {
    const G = (title: string, ...domains: string[]) => ({ title, domains });
    // SIVA-1: the whole cohort was allocated at the start of the school year.
    const term = c.monthsAgo(11);
    const allocated = (key: string, mentor: string, on = term) =>
      c.story(key).propose(addDays(on, -3), c.mentor(mentor)).start(on);

    // SIVA-2: this morning's message is not answered yet, so the mentor's phone shows him "not reached today".
    const amir = allocated('amir', 'yossi').silentSince(c.p.today);
    amir.plan(
      [
        G('Finish the accounting module on time', 'study_progress'),
        G('Cook a healthy dinner twice a week', 'daily_tasks'),
      ],
      c.raterOf(amir),
    );
    const kristaps = allocated('kristaps', 'janis');
    kristaps.plan([G('Hand in the programming project', 'study_progress')], c.raterOf(kristaps));
    const liga = allocated('liga', 'ilze');
    liga.plan(
      [G('A walk outside every day', 'wellbeing'), G('Knit for the college fair', 'hobbies')],
      c.raterOf(liga),
    );
    // SIVA-2: not reached for three days now.
    const dmitrijs = allocated('dmitrijs', 'olga').silentSince(c.ago(3));
    dmitrijs.plan([G('Ask for help as soon as a problem starts', 'problems')], c.raterOf(dmitrijs));
    const elina = allocated('elina', 'andris');
    elina.plan([G('Tidy and decorate her room for the holidays', 'daily_tasks')], c.raterOf(elina));
    // The teacher left the agency mid-year; the student moved to a new mentor with the whole history.
    const marina = allocated('marina', 'inese')
      .changeMentor(c.monthsAgo(4), 'mentor_left', c.mentor('olga'))
      .start(addDays(c.monthsAgo(4), 2));
    marina.plan([G('Keep a mood diary', 'wellbeing')], c.raterOf(marina));
    // Academic leave for a term.
    const arturs = allocated('arturs', 'janis').suspend(c.ago(40), 'other');
    arturs.plan([G('Return for the spring term', 'study_progress')], c.raterOf(arturs));
    const santa = allocated('santa', 'ilze').close(c.monthsAgo(2), 'goals_met');
    santa.plan([G('Finish the florist course', 'study_progress', 'hobbies')], c.raterOf(santa));
    const edgars = allocated('edgars', 'andris').close(c.monthsAgo(6), 'participant_choice');
    edgars.plan([G('Get up at eight on school days', 'daily_tasks')], c.raterOf(edgars));
    // A late student, allocated but not started yet; Roberts has just enrolled and waits for a mentor.
    const late = c.story('anastasija').propose(c.ago(1), c.mentor('ilze'));
    late.plan([G('Settle into the dormitory', 'wellbeing')], c.raterOf(late));
    return [amir, kristaps, liga, dmitrijs, elina, marina, arturs, santa, edgars, late];
  },
  between: sivaBetween,
};
