/**
 * P4 · SIVA between the daily contacts: the students' own check-ins from the
 * portal (SIVA-2) — one whose wellbeing has dropped, one at the lowest face
 * three days running — and the tasks they agreed with their specialists
 * (SIVA-3), done with a photo and praised (SIVA-4), or still open.
 */
import { writeCheckIns } from './demo-check-ins';
import type { Cast } from './demo-program';
import { writeTasks } from './demo-tasks';

const NOTES = [
  'Slept well.',
  'The maths lesson went fine.',
  'Walked by the sea after classes.',
  'Tired, but I did the worksheet.',
  'Good day, cooked with my sister.',
  'A bit nervous about the test on Friday.',
];

export function sivaBetween(c: Cast) {
  const { p } = c;
  const user = (key: string) => {
    const id = c.userOf(key);
    if (!id) throw new Error(`demo SIVA: ${key} has no portal login`);
    return id;
  };

  // The demo participant login checks in (not yet today: the check-in journey is theirs to make).
  writeCheckIns(p, {
    story: c.storyOf('amir'),
    userId: user('amir'),
    mood: { kind: 'steady', level: 4 },
    notToday: true,
    notes: NOTES,
  });
  writeTasks(p, c.storyOf('amir'), user('amir'), [
    {
      title: 'Cook a healthy dinner',
      description: 'Vegetables on half the plate; send a photo.',
      due: -6,
      done: {
        late: -1,
        note: 'Made lentil soup and a tomato salad for my flatmates.',
        photo: 'dinner',
        feedback: 'Looks delicious — well done!',
        praise: true,
      },
    },
    {
      title: 'Accounting worksheet, chapter 4',
      due: -2,
      done: {
        note: 'Finished. Question 7 was hard.',
        photo: 'worksheet',
        feedback: 'Good work. We will look at question 7 together tomorrow.',
      },
    },
    { title: 'A 30-minute walk every evening this week', due: 3, agreed: 4 },
  ]);

  // The student whose printed code `tandem start` shows: today's check-in is still to be done.
  writeCheckIns(p, {
    story: c.storyOf('liga'),
    userId: user('liga'),
    mood: { kind: 'steady', level: 4 },
    notToday: true,
    notes: NOTES,
  });
  writeTasks(p, c.storyOf('liga'), user('liga'), [
    {
      title: 'A walk outside every day this week',
      due: -15,
      done: { note: 'Every day! Sunday by the sea in Jūrmala.', photo: 'walk', praise: true },
    },
    {
      title: 'Knit mittens for the college fair',
      due: -8,
      agreed: 14,
      done: {
        late: 1,
        note: 'The first pair is ready.',
        photo: 'knitting',
        feedback: 'Beautiful colours, Līga. The fair will love them.',
        praise: true,
      },
    },
    {
      title: 'Cook a healthy dinner',
      due: -3,
      done: { note: 'Vegetable soup with my mother.', photo: 'dinner', feedback: 'Well done!', praise: true },
    },
    { title: 'Worksheet: fractions, page 12', due: 2 },
    { title: 'Phone the library about the knitting club', due: 0, agreed: 3 },
  ]);

  writeCheckIns(p, {
    story: c.storyOf('kristaps'),
    userId: user('kristaps'),
    mood: { kind: 'steady', level: 4 },
    notes: NOTES,
  });
  writeTasks(p, c.storyOf('kristaps'), user('kristaps'), [
    {
      title: 'Programming worksheet: loops',
      due: -4,
      done: {
        note: 'Done, all tests pass.',
        photo: 'worksheet',
        feedback: 'Excellent, Kristaps!',
        praise: true,
      },
    },
    { title: 'A walk before classes, three mornings', due: -2, agreed: 7 },
  ]);

  // SIVA-2 early warning, three days at the lowest face: the mentor and coordinator see it.
  writeCheckIns(p, {
    story: c.storyOf('elina'),
    userId: user('elina'),
    mood: { kind: 'low', from: 3 },
    notToday: true,
    notes: NOTES,
    hardNotes: ['Did not get out of bed.', 'Everything feels heavy.', 'Could not sleep again.'],
  });
  writeTasks(p, c.storyOf('elina'), user('elina'), [
    {
      title: 'Tidy and decorate your room for the holidays',
      due: -10,
      agreed: 10,
      done: { note: 'Lights at the window!', photo: 'room', feedback: 'It looks so cosy!', praise: true },
    },
    { title: 'Cook something warm for yourself', due: -1, agreed: 4 },
  ]);

  // SIVA-2 early warning, a sustained drop: the newest check-ins well below the weeks before.
  writeCheckIns(p, {
    story: c.storyOf('marina'),
    userId: user('marina'),
    mood: { kind: 'drop', from: 4, to: 2 },
    notes: NOTES,
    hardNotes: ['Tired, we argued at home.', 'Not a good day.', 'Headache all day.'],
  });
  writeTasks(p, c.storyOf('marina'), user('marina'), [
    {
      title: 'Cook a healthy dinner for the family',
      due: -12,
      done: {
        note: 'Fish with potatoes and salad.',
        photo: 'dinner',
        feedback: 'A real dinner — bravo!',
        praise: true,
      },
    },
    { title: 'Write in the mood diary each evening', due: 4, agreed: 10 },
    { title: 'A walk by the river', due: -2, agreed: 5 },
  ]);

  // Not reached for three days and no portal login: his task waits.
  writeTasks(p, c.storyOf('dmitrijs'), null, [
    { title: 'Maths worksheet, page 12', due: -2, agreed: 8 },
    {
      title: 'Ask the teacher about the retake',
      due: -11,
      done: { note: 'The retake is on the 15th.', feedback: 'Good that you asked.' },
    },
  ]);
}
