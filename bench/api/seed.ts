/**
 * The benchmark organisation, written in bulk with `INSERT … SELECT … FROM
 * generate_series(…)`: one organisation running the Israeli social-mentorship
 * preset, its mentors, participants, one open (active) mentorship per participant
 * and a year of contacts. Every value comes from the seeded generator in prng.ts,
 * so PostgreSQL and PGlite get identical rows. Run after the migrations.
 */
import { idOf, lit, sqlId, sqlOneOf, sqlPick, sqlU } from './prng';

export interface Sizes {
  mentors: number;
  participants: number;
  contacts: number;
  /** Mentors 1…n get a login of their own. */
  mentorLogins: number;
}

export const FULL: Sizes = { mentors: 1_000, participants: 10_000, contacts: 1_000_000, mentorLogins: 5 };
export const QUICK: Sizes = { mentors: 100, participants: 1_000, contacts: 50_000, mentorLogins: 3 };

export const PASSWORD = 'tandem-bench-password-2026';
export const TIME_ZONE = 'Asia/Jerusalem';

/** The fixed ids of the benchmark organisation (everything else is `idOf(kind, n)`). */
export const ORG_ID = idOf('org', 1);
export const PROGRAM_ID = idOf('program', 1);
export const COORDINATOR_ID = idOf('user', 1);
export const COORDINATOR_EMAIL = 'coordinator@bench.tandem';
export const mentorEmail = (j: number) => `mentor${j}@bench.tandem`;
/** Mentorship k is participant k's; both ids follow from k. */
export const participantId = (k: number) => idOf('participant', k);
export const mentorshipId = (k: number) => idOf('mentorship', k);

/** Runs one SQL script (one or more statements, no parameters). */
export type Exec = (sql: string) => Promise<void>;

// Draw streams: each column that needs randomness has its own.
const S = {
  mentorOf: 1,
  first: 2,
  last: 3,
  birth: 4,
  gender: 5,
  sector: 6,
  lang: 7,
  city: 8,
  interest1: 9,
  interest2: 10,
  slotDay: 11,
  slotHour: 12,
  profession: 13,
  domain1: 14,
  domain2: 15,
  started: 16,
  needs1: 17,
  needs2: 18,
  contactMs: 20,
  contactDay: 21,
  contactMinute: 22,
  contactDuration: 23,
  contactMode: 24,
  contactReached: 25,
  contactDomainP: 26,
  contactDomain: 27,
  contactWellbeingP: 28,
  contactWellbeing: 29,
  contactSpecial: 30,
  contactCreated: 31,
} as const;

const FIRST = [
  'Noa',
  'Yossi',
  'Tamar',
  'Avi',
  'Maya',
  'Eitan',
  'Shira',
  'Omer',
  'Yael',
  'Daniel',
  'Rivka',
  'Moshe',
  'Lior',
  'Hila',
  'Amir',
  'Rania',
  'Samir',
  'Lina',
  'Khaled',
  'Nour',
  'Olga',
  'Dmitri',
  'Irina',
  'Sergei',
  'Tsega',
  'Yonas',
  'Miriam',
  'David',
  'Sarah',
  'Michael',
  'Ruth',
  'Ahmad',
];
const LAST = [
  'Cohen',
  'Levi',
  'Mizrahi',
  'Peretz',
  'Biton',
  'Friedman',
  'Katz',
  'Azoulay',
  'Ben-David',
  'Haddad',
  'Khoury',
  'Nasser',
  'Mansour',
  'Ivanov',
  'Smirnov',
  'Tesfaye',
  'Goldberg',
  'Shapiro',
  'Amsalem',
  'Dahan',
];
const GENDERS = ['female', 'male', 'female', 'male', 'other', 'unspecified'];
const SECTORS = ['general', 'general', 'general', 'haredi', 'arab', 'arab', 'fsu', 'ethiopian'];
const SECOND_LANGUAGE = ['en', 'ar', 'ru', 'am', 'fr', 'en', 'ar', 'ru'];
// city, lat, lon — parallel arrays picked with one index.
const CITIES: [string, number, number][] = [
  ['Haifa', 32.794, 34.9896],
  ['Tel Aviv', 32.0853, 34.7818],
  ['Jerusalem', 31.7683, 35.2137],
  ['Beersheba', 31.252, 34.7915],
  ['Nazareth', 32.6996, 35.3035],
  ['Ashdod', 31.8014, 34.6435],
  ['Netanya', 32.3215, 34.8532],
  ['Acre', 32.9281, 35.0756],
];
const INTERESTS = ['music', 'cooking', 'football', 'hiking', 'art', 'chess', 'reading', 'gardening', 'films'];
const PROFESSIONS = ['social_worker', 'psychologist', 'teacher', 'student', 'career_specialist', 'nurse'];
const DOMAINS = [
  'communication_skills',
  'emotion_management',
  'family_conflicts',
  'social_situations',
  'personal_affairs',
  'recovery',
  'community_leisure',
  'education_employment',
  'rights_claims',
  'leisure_volunteering',
  'social_networks',
  'relationships',
];

const profile = (i: string) => `
  ${sqlOneOf(i, S.first, FIRST)} || ' ' || ${sqlOneOf(i, S.last, LAST)},
  (date '1955-01-01' + ${sqlPick(i, S.birth, 16_000)}),
  ${sqlOneOf(i, S.gender, GENDERS)},
  ${sqlOneOf(i, S.sector, SECTORS)},
  jsonb_build_array(jsonb_build_object('code', 'he', 'level', 5),
    jsonb_build_object('code', ${sqlOneOf(i, S.lang, SECOND_LANGUAGE)}, 'level', 3)),
  jsonb_build_object('city', (ARRAY[${CITIES.map((c) => lit(c[0])).join(',')}])[1 + ${sqlPick(i, S.city, CITIES.length)}],
    'lat', (ARRAY[${CITIES.map((c) => c[1]).join(',')}])[1 + ${sqlPick(i, S.city, CITIES.length)}],
    'lon', (ARRAY[${CITIES.map((c) => c[2]).join(',')}])[1 + ${sqlPick(i, S.city, CITIES.length)}]),
  ARRAY[${sqlOneOf(i, S.interest1, INTERESTS)}, ${sqlOneOf(i, S.interest2, INTERESTS)}],
  jsonb_build_array(
    jsonb_build_object('day', ${sqlPick(i, S.slotDay, 6)}, 'hour', 16 + ${sqlPick(i, S.slotHour, 4)}),
    jsonb_build_object('day', ${sqlPick(i, S.slotDay + 100, 6)}, 'hour', 9 + ${sqlPick(i, S.slotHour + 100, 8)}))`;

const PROFILE_COLUMNS = 'display_name, birth_date, gender, sector, languages, place, interests, availability';

/** The mentor number (1-based) of mentorship / participant number `k`. */
const mentorOf = (k: string, sizes: Sizes) => `(1 + ${sqlPick(k, S.mentorOf, sizes.mentors)})`;

/** The SQL scripts of the load, in order, each with a label for the timings. */
export function seedScripts(sizes: Sizes, passwordHash: string): { label: string; sql: string }[] {
  const org = lit(ORG_ID);
  const program = lit(PROGRAM_ID);
  const coordinator = lit(COORDINATOR_ID);
  const site = lit(idOf('site', 1));
  const today = `(now() at time zone '${TIME_ZONE}')::date`;
  const logins = Array.from({ length: sizes.mentorLogins }, (_, n) => n + 1);

  const organisation = `
    INSERT INTO organisations (id, name, slug) VALUES (${org}, 'Tandem Bench — Social Mentorship', 'bench');
    INSERT INTO sites (org_id, id, name) VALUES (${org}, ${site}, 'Haifa');
    INSERT INTO programs (org_id, id, name, preset_id, time_zone)
      VALUES (${org}, ${program}, 'Social mentorship in community rehabilitation', 'il-social-mentorship', '${TIME_ZONE}');
    INSERT INTO users (id, email, display_name, password_hash, locale) VALUES
      (${coordinator}, ${lit(COORDINATOR_EMAIL)}, 'Noa Levi', ${lit(passwordHash)}, 'he')
      ${logins.map((j) => `, (${lit(idOf('user', 1 + j))}, ${lit(mentorEmail(j))}, 'Mentor ${j}', ${lit(passwordHash)}, 'he')`).join('')};
    INSERT INTO memberships (org_id, id, user_id, role, site_id) VALUES
      (${org}, ${lit(idOf('membership', 1))}, ${coordinator}, 'coordinator', ${site})
      ${logins.map((j) => `, (${org}, ${lit(idOf('membership', 1 + j))}, ${lit(idOf('user', 1 + j))}, 'mentor', ${site})`).join('')};`;

  const mentors = `
    INSERT INTO mentors (org_id, id, program_id, user_id, ${PROFILE_COLUMNS}, profession, travel_radius_km,
      capacity, domain_strengths, training_completed_at, training_hours, briefed_at, active)
    SELECT ${org}, ${sqlId('mentor', 'j')}, ${program},
      CASE WHEN j <= ${sizes.mentorLogins} THEN ${sqlId('user', '1 + j')} END,
      ${profile('j')},
      ${sqlOneOf('j', S.profession, PROFESSIONS)}, 15, 12,
      ARRAY[${sqlOneOf('j', S.domain1, DOMAINS)}, ${sqlOneOf('j', S.domain2, DOMAINS)}],
      ${today} - 500 - ${sqlPick('j', S.started, 400)}, 30, now() - interval '400 days', true
    FROM generate_series(1, ${sizes.mentors}) j;`;

  const participants = `
    INSERT INTO participants (org_id, id, program_id, ${PROFILE_COLUMNS}, needs, consent_given_at)
    SELECT ${org}, ${sqlId('participant', 'k')}, ${program}, ${profile('k + 1000000')},
      ARRAY[${sqlOneOf('k', S.needs1, DOMAINS)}, ${sqlOneOf('k', S.needs2, DOMAINS)}],
      now() - interval '420 days'
    FROM generate_series(1, ${sizes.participants}) k;`;

  // Started 370–669 days ago: past the 3-month trial, planned to run two years.
  const started = `(${today} - 370 - ${sqlPick('k', S.started, 300)})`;
  const mentorships = `
    INSERT INTO mentorships (org_id, id, program_id, participant_id, mentor_id, state, match_approved_by,
      match_approved_role, match_approved_on, started_on, trial_started_on, trial_reviewed_on, trial_outcome,
      planned_end_on, mode, agreed_every_days, source, created_at, updated_at)
    SELECT ${org}, ${sqlId('mentorship', 'k')}, ${program}, ${sqlId('participant', 'k')},
      ${sqlId('mentor', mentorOf('k', sizes))}, 'active', ${coordinator}, 'coordinator', s, s, s, s + 90,
      'continue', s + 730, 'in_person', 7, 'manual', s::timestamptz, (s + 90)::timestamptz
    FROM (SELECT k, ${started} AS s FROM generate_series(1, ${sizes.participants}) k) g;
    INSERT INTO mentor_assignments (org_id, id, mentorship_id, mentor_id, from_on)
    SELECT ${org}, ${sqlId('assignment', 'k')}, ${sqlId('mentorship', 'k')},
      ${sqlId('mentor', mentorOf('k', sizes))}, ${started}
    FROM generate_series(1, ${sizes.participants}) k;`;

  // A year of contacts: a random open mentorship, a day in the past 365, 08:00–20:45
  // Jerusalem time, 15–120 minutes, mostly in person / phone / messenger. The ids of
  // each mentorship's pair and each day's 08:00 are computed once and hash-joined.
  const mode = `CASE WHEN u < 0.42 THEN 'in_person' WHEN u < 0.67 THEN 'phone'
    WHEN u < 0.90 THEN 'messenger' WHEN u < 0.98 THEN 'video' ELSE 'email' END`;
  const midnight = `date_trunc('day', now() at time zone '${TIME_ZONE}')`;
  const contacts = `
    INSERT INTO contacts (org_id, id, mentorship_id, participant_id, mentor_id, logged_by, starts_at,
      duration_minutes, mode, reached, domains, wellbeing, special_activity, created_at)
    SELECT ${org}, ${sqlId('contact', 'i')}, ms.mentorship_id, ms.participant_id, ms.mentor_id, ${coordinator},
      day.at8 + minute * interval '1 minute', dur, ${mode}, ${sqlU('i', S.contactReached)} < 0.92,
      CASE WHEN ${sqlU('i', S.contactDomainP)} < 0.7 THEN ARRAY[${sqlOneOf('i', S.contactDomain, DOMAINS)}]
        ELSE '{}'::text[] END,
      CASE WHEN ${sqlU('i', S.contactWellbeingP)} < 0.6 THEN 1 + ${sqlPick('i', S.contactWellbeing, 5)} END,
      ${sqlU('i', S.contactSpecial)} < 0.03,
      day.at8 + (minute + dur + 60 * ${sqlPick('i', S.contactCreated, 48)}) * interval '1 minute'
    FROM (
      SELECT i, 1 + ${sqlPick('i', S.contactMs, sizes.participants)} AS k,
        1 + ${sqlPick('i', S.contactDay, 365)} AS d,
        15 * ${sqlPick('i', S.contactMinute, 52)} AS minute,
        15 + 5 * ${sqlPick('i', S.contactDuration, 22)} AS dur,
        ${sqlU('i', S.contactMode)} AS u
      FROM generate_series(1, ${sizes.contacts}) i
    ) g
    JOIN (
      SELECT k, ${sqlId('mentorship', 'k')} AS mentorship_id, ${sqlId('participant', 'k')} AS participant_id,
        ${sqlId('mentor', mentorOf('k', sizes))} AS mentor_id
      FROM generate_series(1, ${sizes.participants}) k
    ) ms USING (k)
    JOIN (
      SELECT d, (${midnight} - d * interval '1 day' + interval '8 hours') at time zone '${TIME_ZONE}' AS at8
      FROM generate_series(1, 365) d
    ) day USING (d);`;

  return [
    { label: 'organisation, program, logins', sql: organisation },
    { label: `${sizes.mentors} mentors`, sql: mentors },
    { label: `${sizes.participants} participants`, sql: participants },
    { label: `${sizes.participants} mentorships`, sql: mentorships },
    { label: `${sizes.contacts} contacts`, sql: contacts },
  ];
}
