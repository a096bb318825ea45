/**
 * SIVA-3, SIVA-4: tasks mentor and student agreed — cook a healthy dinner, a
 * walk, a worksheet — each with a due date; some done, in the student's own
 * words and with a photo, answered by the mentor's feedback and praise. Rows
 * as the tasks service writes them; a photo waits in `rows.photos` until
 * `storePhotos` has drawn, checked and stored it the way an upload is.
 */
import { randomUUID } from 'node:crypto';
import { addDays, type LocalDate } from '@tandem/domain';
import type { Scene } from './demo-photos';
import { at, type DemoProgram, type Story } from './demo-story';

export interface TaskSpec {
  title: string;
  description?: string;
  /** Due this many days from today (negative: in the past). */
  due: number;
  /** Agreed this many days before it was due (default 6). */
  agreed?: number;
  done?: {
    /** Days after the due day it was marked done (default 0; negative: early). */
    late?: number;
    /** The student's own words. */
    note?: string;
    photo?: Scene;
    /** The mentor's answer, the next day. */
    feedback?: string;
    praise?: boolean;
  };
}

const served = (story: Story, day: LocalDate) =>
  story.stretches.some((s) => s.from <= day && (s.to === null || day < s.to));

/**
 * The tasks of one mentorship. Created by the mentor's login where the mentor
 * has one, else by the coordinator for them (as contacts are logged); a photo
 * is sent by the student through the portal when they have a login, else
 * forwarded by the mentor from a message.
 */
export function writeTasks(
  p: DemoProgram,
  story: Story,
  studentUserId: string | null,
  specs: readonly TaskSpec[],
) {
  const mentorId = story.mentorId;
  if (!mentorId) throw new Error('demo tasks need a mentor');
  const by = p.loggerOf(mentorId);
  const role = by === p.coordinatorId ? 'coordinator' : 'mentor';
  for (const t of specs) {
    const dueOn = addDays(p.today, t.due);
    const agreedOn = addDays(dueOn, -(t.agreed ?? 6));
    const doneOn = t.done ? addDays(dueOn, t.done.late ?? 0) : null;
    // SIVA-3: agreed while the mentorship serves; nothing happens after today.
    if (!served(story, agreedOn) || agreedOn > p.today || (doneOn && doneOn > p.today)) {
      throw new Error(`demo task "${t.title}" falls outside its mentorship`);
    }
    const id = randomUUID();
    const createdAt = at(p, agreedOn, 10, p.rng.int(0, 50));
    const doneAt = doneOn ? at(p, doneOn, p.rng.pick([17, 18, 19, 20]), p.rng.int(0, 59)) : null;
    p.rows.tasks.push({
      orgId: p.orgId,
      id,
      mentorshipId: story.id,
      participantId: story.participantId,
      title: t.title,
      description: t.description ?? null,
      dueOn,
      status: doneAt ? 'done' : 'open',
      doneAt,
      doneNote: t.done?.note ?? null,
      createdBy: by,
      createdAt,
      updatedAt: doneAt ?? createdAt,
      version: doneAt ? 2 : 1,
    });
    if (!t.done || !doneAt || !doneOn) continue;
    if (t.done.photo) {
      const sentAt = new Date(doneAt.getTime() - 4 * 60_000);
      p.rows.photos.push({
        row: {
          orgId: p.orgId,
          id: randomUUID(),
          taskId: id,
          participantId: story.participantId,
          uploadedBy: studentUserId ?? by,
          createdAt: sentAt,
        },
        scene: t.done.photo,
        seed: p.rng.int(1, 2 ** 31),
        sentAs: `IMG_${doneOn.replaceAll('-', '')}_${[p.rng.int(17, 20), p.rng.int(0, 59), p.rng.int(0, 59)]
          .map((n) => String(n).padStart(2, '0'))
          .join('')}.jpg`,
      });
    }
    if (t.done.feedback || t.done.praise) {
      p.rows.feedback.push({
        orgId: p.orgId,
        id: randomUUID(),
        taskId: id,
        authorUserId: by,
        authorRole: role,
        text: t.done.feedback ?? null,
        praise: t.done.praise ?? false,
        createdAt: at(p, addDays(doneOn, 1), 9, p.rng.int(0, 50)),
      });
    }
  }
}
