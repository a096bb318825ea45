/**
 * The demo's rows, gathered in memory and written in batches inside the one
 * demo transaction, referenced tables first.
 */
import {
  approvals,
  checkIns,
  contacts,
  goalRatings,
  goals,
  groupAttendance,
  groupEnrolments,
  groupMeetings,
  groups,
  insertBatched,
  memberships,
  mentorAssignments,
  mentors,
  mentorships,
  mentorshipTransitions,
  participants,
  plans,
  referrals,
  riskActions,
  riskAlerts,
  riskObservations,
  type Tx,
  taskEvidence,
  taskFeedback,
  tasks,
  users,
} from '@tandem/db';
import type { Scene } from './demo-photos';

/** A task photo still to be drawn, checked and stored; its row is completed when it is. */
export interface PendingPhoto {
  row: Omit<
    typeof taskEvidence.$inferInsert,
    'storageKey' | 'thumbKey' | 'fileName' | 'contentType' | 'byteSize' | 'width' | 'height'
  >;
  scene: Scene;
  /** Seed of the drawing's own variations (colours, places), so the same demo draws the same photo. */
  seed: number;
  /** The name the phone sent it under. */
  sentAs: string;
}

export class DemoRows {
  /** Participants invited to the portal without an email address (decision record 011), and their memberships. */
  readonly users: (typeof users.$inferInsert)[] = [];
  readonly memberships: (typeof memberships.$inferInsert)[] = [];
  readonly mentors: (typeof mentors.$inferInsert)[] = [];
  readonly participants: (typeof participants.$inferInsert)[] = [];
  readonly mentorships: (typeof mentorships.$inferInsert)[] = [];
  readonly assignments: (typeof mentorAssignments.$inferInsert)[] = [];
  readonly transitions: (typeof mentorshipTransitions.$inferInsert)[] = [];
  readonly plans: (typeof plans.$inferInsert)[] = [];
  readonly goals: (typeof goals.$inferInsert)[] = [];
  readonly ratings: (typeof goalRatings.$inferInsert)[] = [];
  /** Notes, where there are any, sealed per organisation (CRY-01) as the server seals them. */
  readonly contacts: (typeof contacts.$inferInsert)[] = [];
  readonly approvals: (typeof approvals.$inferInsert)[] = [];
  readonly checkIns: (typeof checkIns.$inferInsert)[] = [];
  readonly tasks: (typeof tasks.$inferInsert)[] = [];
  /** Filled from `photos` once they are stored (see `demo-photos.ts`). */
  readonly evidence: (typeof taskEvidence.$inferInsert)[] = [];
  readonly photos: PendingPhoto[] = [];
  readonly feedback: (typeof taskFeedback.$inferInsert)[] = [];
  readonly groups: (typeof groups.$inferInsert)[] = [];
  readonly meetings: (typeof groupMeetings.$inferInsert)[] = [];
  readonly enrolments: (typeof groupEnrolments.$inferInsert)[] = [];
  readonly attendance: (typeof groupAttendance.$inferInsert)[] = [];
  readonly risks: (typeof riskObservations.$inferInsert)[] = [];
  readonly alerts: (typeof riskAlerts.$inferInsert)[] = [];
  readonly riskActions: (typeof riskActions.$inferInsert)[] = [];
  readonly referrals: (typeof referrals.$inferInsert)[] = [];

  async insert(tx: Tx): Promise<Record<string, number>> {
    if (this.evidence.length !== this.photos.length) throw new Error('demo photos are not stored yet');
    return {
      users: await insertBatched(tx, users, this.users),
      memberships: await insertBatched(tx, memberships, this.memberships),
      mentors: await insertBatched(tx, mentors, this.mentors),
      participants: await insertBatched(tx, participants, this.participants),
      mentorships: await insertBatched(tx, mentorships, this.mentorships),
      assignments: await insertBatched(tx, mentorAssignments, this.assignments),
      transitions: await insertBatched(tx, mentorshipTransitions, this.transitions, 1000),
      plans: await insertBatched(tx, plans, this.plans),
      goals: await insertBatched(tx, goals, this.goals),
      ratings: await insertBatched(tx, goalRatings, this.ratings, 1000),
      contacts: await insertBatched(tx, contacts, this.contacts, 1000),
      approvals: await insertBatched(tx, approvals, this.approvals),
      checkIns: await insertBatched(tx, checkIns, this.checkIns, 1000),
      tasks: await insertBatched(tx, tasks, this.tasks),
      evidence: await insertBatched(tx, taskEvidence, this.evidence),
      feedback: await insertBatched(tx, taskFeedback, this.feedback),
      groups: await insertBatched(tx, groups, this.groups),
      meetings: await insertBatched(tx, groupMeetings, this.meetings),
      enrolments: await insertBatched(tx, groupEnrolments, this.enrolments),
      attendance: await insertBatched(tx, groupAttendance, this.attendance, 1000),
      risks: await insertBatched(tx, riskObservations, this.risks),
      alerts: await insertBatched(tx, riskAlerts, this.alerts),
      riskActions: await insertBatched(tx, riskActions, this.riskActions),
      referrals: await insertBatched(tx, referrals, this.referrals),
    };
  }
}
