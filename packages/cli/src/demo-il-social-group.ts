/**
 * P1 · MOH-8, MOH-9: the Haifa social-skills group — weekly, one hour, sixteen
 * meetings planned, twelve members at the start and one who joined once her
 * mentorship began. The demo mentor login facilitates it, so the mentor's
 * phone has attendance to take; a member whose mentorship has gone quiet
 * stops coming, and one left after three meetings (the group did not suit
 * him): his attendance until then stays in the table. Half the people in service are in no group yet (MOH-9), so a
 * coordinator can plan the next one.
 */
import { addDays } from '@tandem/domain';
import { writeGroup } from './demo-groups';
import type { Cast } from './demo-program';

const MEMBERS = [
  'amir',
  'lina',
  'omar',
  'shlomi',
  'yasmin',
  'anna',
  'ofir',
  'rami',
  'keren',
  'natan',
  'maryam',
  'vladimir',
];

export function socialSkillsGroup(c: Cast) {
  const { p } = c;
  const rng = p.rng.fork(8);
  const startsOn = c.ago(45);
  const dana = c.storyOf('dana');
  writeGroup(p, {
    name: 'Social skills group — Haifa, Thursday evenings',
    facilitatorUserId: c.logins.mentorUserId,
    weekday: 4,
    startTime: '17:00',
    plannedMeetings: 16,
    startsOn,
    members: [
      ...MEMBERS.map((key) => {
        const story = c.storyOf(key);
        // Enrolled in the weeks before the start, once their mentorship had begun.
        const began = addDays(story.stretches.at(-1)!.from, 1);
        const asked = addDays(startsOn, -rng.int(4, 20));
        const enrolledOn = asked > began ? asked : began;
        const comes = rng.pick([0.7, 0.85, 0.9, 0.95]);
        return key === 'vladimir'
          ? { story, enrolledOn, comes, left: { on: addDays(startsOn, 22), reason: 'not_suitable' as const } }
          : { story, enrolledOn, comes };
      }),
      // Dana joined once her trial had begun (MOH-9 counts from the start of her service period).
      { story: dana, enrolledOn: addDays(dana.stretches[0]!.from, 2), comes: 0.9 },
    ],
  });
}
