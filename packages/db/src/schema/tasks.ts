import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mentorships } from './mentorships';
import { organisations } from './organisations';

/**
 * A task mentor and participant agreed on (SIVA-3): cook a healthy dinner, take
 * a walk, a worksheet — with a due date. The participant marks it done and may
 * say how it went (SIVA-4).
 */
export const tasks = pgTable(
  'tasks',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** The participant's own words when marking it done. */
    doneNote: text('done_note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    index('tasks_org_mentorship_due').on(t.orgId, t.mentorshipId, t.dueOn),
    index('tasks_org_participant').on(t.orgId, t.participantId),
    check('tasks_status', sql`${t.status} in ('open', 'done')`),
    check('tasks_done_at', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);

/**
 * A photo of a completed task (SIVA-4). The bytes live in file storage under a
 * random key (FILE-04), re-encoded without metadata (FILE-03); the row keeps the
 * user's file name only as display text.
 */
export const taskEvidence = pgTable(
  'task_evidence',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    storageKey: text('storage_key').notNull(),
    /** A small copy for lists on a cheap phone's data plan, stored the same way. */
    thumbKey: text('thumb_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }),
    uniqueIndex('task_evidence_storage_key').on(t.storageKey),
    index('task_evidence_org_task').on(t.orgId, t.taskId),
    // FILE-02: the per-user quota sums one uploader's files.
    index('task_evidence_uploader').on(t.uploadedBy),
    check('task_evidence_type', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('task_evidence_size', sql`${t.byteSize} > 0`),
  ],
);

/** The mentor's answer to a task: a few words, and praise when it is earned (SIVA-4). */
export const taskFeedback = pgTable(
  'task_feedback',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    authorRole: text('author_role').notNull(),
    text: text('text'),
    praise: boolean('praise').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }),
    index('task_feedback_org_task').on(t.orgId, t.taskId),
    check('task_feedback_content', sql`${t.text} is not null or ${t.praise}`),
  ],
);
