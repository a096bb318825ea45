import { sql } from 'drizzle-orm';
import {
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
import { organisations } from './organisations';
import { participants } from './people';
import { programs } from './programs';
import { users } from './users';

/**
 * A group program (MOH-8): weekly social-skills meetings led by a facilitator,
 * planned as a series of meetings. Size and meeting-count bounds come from the
 * program's policy; the enrolment command holds them under concurrency by
 * locking this row (REL-04).
 */
export const groups = pgTable(
  'groups',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    name: text('name').notNull(),
    /** The user who leads the meetings and takes attendance. */
    facilitatorUserId: uuid('facilitator_user_id')
      .notNull()
      .references(() => users.id),
    /** The weekly slot in the program's time zone: day 0 = Sunday … 6 = Saturday, and HH:MM. */
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    plannedMeetings: integer('planned_meetings').notNull(),
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.programId], foreignColumns: [programs.orgId, programs.id] }),
    index('groups_org_program').on(t.orgId, t.programId, t.startsOn),
    index('groups_org_facilitator').on(t.orgId, t.facilitatorUserId),
    check('groups_status', sql`${t.status} in ('planned', 'running', 'closed')`),
    check('groups_weekday', sql`${t.weekday} between 0 and 6`),
    check('groups_start_time', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('groups_planned_meetings', sql`${t.plannedMeetings} > 0`),
  ],
);

/** A participant in a group; MOH-9 (one group per service period) is read from these rows. */
export const groupEnrolments = pgTable(
  'group_enrolments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    enrolledBy: uuid('enrolled_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day a member left before the group ended; null while they are a
     * member. The row stays: their attendance so far is kept, and MOH-9 still
     * counts the group as the one of their service period.
     */
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.groupId], foreignColumns: [groups.orgId, groups.id] }),
    check(
      'group_enrolments_left',
      sql`(${t.leftOn} is null and ${t.leftReason} is null) or (${t.leftOn} is not null and ${t.leftReason} in ('participant_choice', 'service_ended', 'not_suitable', 'other'))`,
    ),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    uniqueIndex('group_enrolments_once').on(t.orgId, t.groupId, t.participantId),
    index('group_enrolments_org_participant').on(t.orgId, t.participantId, t.enrolledOn),
  ],
);

/** One meeting of a group: planned when the group is planned, held once attendance is taken. */
export const groupMeetings = pgTable(
  'group_meetings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    /** 1, 2, 3 … in date order of planning. */
    number: integer('number').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.groupId], foreignColumns: [groups.orgId, groups.id] }),
    uniqueIndex('group_meetings_number').on(t.orgId, t.groupId, t.number),
    check('group_meetings_status', sql`${t.status} in ('planned', 'held', 'cancelled')`),
  ],
);

/** Who came to a meeting: one row per enrolled participant and meeting. */
export const groupAttendance = pgTable(
  'group_attendance',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    meetingId: uuid('meeting_id').notNull(),
    groupId: uuid('group_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    status: text('status').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.meetingId, t.participantId] }),
    foreignKey({ columns: [t.orgId, t.meetingId], foreignColumns: [groupMeetings.orgId, groupMeetings.id] }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    index('group_attendance_org_group').on(t.orgId, t.groupId),
    check('group_attendance_status', sql`${t.status} in ('present', 'absent', 'excused')`),
  ],
);
