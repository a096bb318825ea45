/**
 * The demo's rows, gathered in memory and written in batches inside the one
 * demo transaction, referenced tables first.
 */
import {
  approvals,
  contacts,
  goalRatings,
  goals,
  insertBatched,
  mentorAssignments,
  mentors,
  mentorships,
  mentorshipTransitions,
  participants,
  plans,
  type Tx,
} from '@tandem/db';

export class DemoRows {
  readonly mentors: (typeof mentors.$inferInsert)[] = [];
  readonly participants: (typeof participants.$inferInsert)[] = [];
  readonly mentorships: (typeof mentorships.$inferInsert)[] = [];
  readonly assignments: (typeof mentorAssignments.$inferInsert)[] = [];
  readonly transitions: (typeof mentorshipTransitions.$inferInsert)[] = [];
  readonly plans: (typeof plans.$inferInsert)[] = [];
  readonly goals: (typeof goals.$inferInsert)[] = [];
  readonly ratings: (typeof goalRatings.$inferInsert)[] = [];
  /** Without notes: contact notes are sealed per organisation (CRY-01), so the demo leaves them empty. */
  readonly contacts: (typeof contacts.$inferInsert)[] = [];
  readonly approvals: (typeof approvals.$inferInsert)[] = [];

  async insert(tx: Tx): Promise<Record<string, number>> {
    return {
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
    };
  }
}
