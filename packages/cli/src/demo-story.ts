/**
 * The demo's mentorships told as stories: each lifecycle step the way the API
 * records it (the mentorship row, its versioned transition log, the mentor
 * assignments, approvals), so a file opened in the demo reads like one that
 * was lived through. Dates count back from the load day in the program's zone.
 */
import { randomUUID } from 'node:crypto';
import type { approvals, goals, mentorAssignments, mentorships } from '@tandem/db';
import {
  addDays,
  addMonths,
  approvalRule,
  type ClosureReason,
  daysBetween,
  defaultPlannedEndOn,
  type LocalDate,
  type MentorshipState,
  type Policy,
  type RematchReason,
  startOfLocalDay,
  type TrialOutcome,
} from '@tandem/domain';
import type { DemoRandom } from './demo-random';
import type { DemoRows } from './demo-rows';

/** Column names of the sealed free text (the same AAD the server uses to open it). */
export const REQUEST_REASON = 'approvals.request_reason';
export const DECISION_REASON = 'approvals.decision_reason';

/** One program being filled: its rules, its day, the staff who act in it, and where rows go. */
export interface DemoProgram {
  readonly orgId: string;
  readonly programId: string;
  readonly policy: Policy;
  /** The load day in the program's zone; the demo ends today. */
  readonly today: LocalDate;
  readonly now: Date;
  readonly coordinatorId: string;
  readonly committeeId: string;
  readonly rows: DemoRows;
  readonly rng: DemoRandom;
  /** Who logs a mentor's contacts: the mentor's own login, or the coordinator for them. */
  loggerOf(mentorId: string): string;
  /** Seal free text under the organisation's key (CRY-01). */
  seal(column: string, rowId: string, text: string): string;
}

/** Midnight of a program day, remembered: a demo asks for the same few hundred days many thousand times. */
const midnights = new Map<string, number>();
export function midnightOf(day: LocalDate, zone: string): number {
  const key = `${zone} ${day}`;
  let t = midnights.get(key);
  if (t === undefined) {
    t = startOfLocalDay(day, zone).getTime();
    midnights.set(key, t);
  }
  return t;
}

/** An instant on a program day at a local wall-clock time (never after now). */
export function at(p: DemoProgram, day: LocalDate, hour: number, minute = 0): Date {
  const t = new Date(midnightOf(day, p.policy.timeZone) + (hour * 60 + minute) * 60_000);
  return t.getTime() > p.now.getTime() ? new Date(p.now.getTime() - 60_000) : t;
}

/** A day `n` days before the load day. */
export const ago = (p: DemoProgram, n: number): LocalDate => addDays(p.today, -n);

/** Days a mentor served the mentorship (trial or active), `to` exclusive; null while still serving. */
export interface Stretch {
  mentorId: string;
  from: LocalDate;
  to: LocalDate | null;
}

export interface GoalSpec {
  title: string;
  domains: string[];
}

type MentorshipRow = typeof mentorships.$inferInsert;
type AssignmentRow = typeof mentorAssignments.$inferInsert;

export class Story {
  readonly id = randomUUID();
  readonly row: MentorshipRow;
  readonly stretches: Stretch[] = [];
  /** Days without contact although serving: a hospital stay, a lapse. */
  readonly quiet: { from: LocalDate; to: LocalDate | null }[] = [];
  /** The support domains its goals are tagged with: contacts talk about these. */
  domains: string[] = [];
  /** 0 → 1: how well things are going, for ratings and wellbeing. */
  readonly momentum: number;
  private version = 0;
  private assignment: AssignmentRow | null = null;
  private lastOn: LocalDate | null = null;

  constructor(
    private readonly p: DemoProgram,
    readonly participantId: string,
  ) {
    this.momentum = 0.35 + p.rng.next() * 0.6;
    this.row = {
      orgId: p.orgId,
      id: this.id,
      programId: p.programId,
      participantId,
      state: 'awaiting_match',
      mentorId: null,
    };
    p.rows.mentorships.push(this.row);
  }

  get state(): MentorshipState {
    return this.row.state as MentorshipState;
  }

  get mentorId(): string | null {
    return this.row.mentorId ?? null;
  }

  /** The last day something happened: contacts and ratings stop there when the story ended. */
  get endedOn(): LocalDate | null {
    return this.row.closedOn ?? null;
  }

  private log(
    action: string,
    on: LocalDate,
    fromState: string | null,
    reason: string | null,
    actor?: string,
  ) {
    if (this.lastOn && on < this.lastOn) throw new Error(`demo story steps out of order: ${action} on ${on}`);
    this.lastOn = on;
    this.version += 1;
    const when = at(this.p, on, 9 + Math.min(this.version, 8), this.p.rng.int(0, 59));
    this.p.rows.transitions.push({
      orgId: this.p.orgId,
      id: randomUUID(),
      mentorshipId: this.id,
      participantId: this.participantId,
      action,
      fromState,
      toState: this.row.state ?? 'awaiting_match',
      happenedOn: on,
      at: when,
      version: this.version,
      actorUserId: actor ?? this.p.coordinatorId,
      mentorId: this.row.mentorId ?? null,
      reason,
      note: null,
    });
    this.row.version = this.version;
    this.row.updatedAt = when;
  }

  private approveMatch(on: LocalDate, mentorId: string) {
    this.row.mentorId = mentorId;
    this.row.matchApprovedBy = this.p.coordinatorId;
    this.row.matchApprovedRole = 'coordinator';
    this.row.matchApprovedOn = on;
  }

  private clearMatch() {
    this.row.mentorId = null;
    this.row.matchApprovedBy = null;
    this.row.matchApprovedRole = null;
    this.row.matchApprovedOn = null;
  }

  private endServing(on: LocalDate, reason: string) {
    const open = this.stretches.at(-1);
    if (open && open.to === null) open.to = on;
    if (this.assignment) {
      this.assignment.toOn = on;
      this.assignment.endReason = reason;
      this.assignment = null;
    }
  }

  private openAssignment(on: LocalDate, mentorId: string) {
    this.assignment = {
      orgId: this.p.orgId,
      id: randomUUID(),
      mentorshipId: this.id,
      mentorId,
      fromOn: on,
      createdAt: at(this.p, on, 9),
    };
    this.p.rows.assignments.push(this.assignment);
  }

  /** A coordinator proposes (and so approves, MOH-1) a mentor; the person waits to start. */
  propose(on: LocalDate, mentorId: string) {
    this.approveMatch(on, mentorId);
    this.row.awaitingSince = on;
    this.row.createdAt = at(this.p, on, 9);
    this.log('propose', on, null, null);
    return this;
  }

  /** Start (or restart with a new mentor): a new trial where the program has one (MOH-4). */
  start(on: LocalDate) {
    const mentorId = this.row.mentorId;
    if (!mentorId) throw new Error('demo story starts without a mentor');
    const from = this.state;
    const policy = this.p.policy;
    this.row.state = policy.trial ? 'trial' : 'active';
    this.row.startedOn = this.row.startedOn ?? on;
    this.row.trialStartedOn = policy.trial ? on : null;
    this.row.trialReviewedOn = null;
    this.row.trialOutcome = null;
    this.row.plannedEndOn = this.row.plannedEndOn ?? defaultPlannedEndOn(this.row.startedOn, policy);
    this.row.awaitingSince = null;
    this.openAssignment(on, mentorId);
    this.stretches.push({ mentorId, from: on, to: null });
    this.log('start', on, from, null);
    return this;
  }

  /** MOH-4: the trial review, about three months in. */
  reviewTrial(on: LocalDate, outcome: TrialOutcome) {
    this.row.trialReviewedOn = on;
    this.row.trialOutcome = outcome;
    if (outcome === 'change_mentor') {
      this.endServing(on, 'trial_review');
      this.row.state = 'awaiting_match';
      this.row.awaitingSince = on;
      this.clearMatch();
    } else this.row.state = 'active';
    this.log('review_trial', on, 'trial', outcome);
    return this;
  }

  /** MOH-16: the mentor leaves or the match does not work; a replacement may be proposed at once. */
  changeMentor(on: LocalDate, reason: RematchReason, next: string | null = null) {
    const from = this.state;
    this.endServing(on, reason);
    this.row.state = 'awaiting_match';
    this.row.awaitingSince = on;
    if (next) this.approveMatch(on, next);
    else this.clearMatch();
    this.log('change_mentor', on, from, reason);
    return this;
  }

  /** A new mentor for a mentorship that waits for one. */
  match(on: LocalDate, mentorId: string) {
    this.approveMatch(on, mentorId);
    this.log('match', on, this.state, null);
    return this;
  }

  /** MOH-15: a hospital stay is recorded; no contact while it lasts. */
  hospitalization(on: LocalDate, startedOn: LocalDate, expectedDischargeOn: LocalDate) {
    this.row.hospitalizedFrom = startedOn;
    this.row.expectedDischargeOn = expectedDischargeOn;
    this.row.dischargedOn = null;
    this.quiet.push({ from: startedOn, to: null });
    this.log('record_hospitalization', on, this.state, null);
    return this;
  }

  suspend(on: LocalDate, reason: 'hospitalization' | 'other') {
    const from = this.state;
    this.row.state = 'suspended';
    this.row.suspensionReason = reason;
    this.row.suspendedSince = on;
    this.row.suspendedFrom = from === 'trial' ? 'trial' : 'active';
    const open = this.stretches.at(-1);
    if (open && open.to === null) open.to = on;
    this.log('suspend', on, from, reason);
    return this;
  }

  resume(on: LocalDate) {
    const back = this.row.suspendedFrom === 'trial' ? 'trial' : 'active';
    this.row.state = back;
    this.row.suspensionReason = null;
    this.row.suspendedSince = null;
    this.row.suspendedFrom = null;
    this.row.hospitalizedFrom = null;
    this.row.expectedDischargeOn = null;
    this.row.dischargedOn = null;
    this.stretches.push({ mentorId: this.row.mentorId!, from: on, to: null });
    this.log('resume', on, 'suspended', null);
    return this;
  }

  /** No contact from this day on (a lapse the coordinator should notice, RAMP-5, SIVA-2). */
  silentSince(day: LocalDate) {
    this.quiet.push({ from: day, to: null });
    return this;
  }

  /** MOH-7: in person ⇄ virtual; the virtual clock starts that day. */
  switchMode(on: LocalDate, mode: 'in_person' | 'virtual') {
    this.row.mode = mode;
    this.row.virtualSince = mode === 'virtual' ? on : null;
    this.row.virtualApprovedUntil = null;
    this.log('switch_mode', on, this.state, mode);
    return this;
  }

  /** RAMP-5: the contact interval participant and mentor agreed. */
  agreeRhythm(on: LocalDate, everyDays: number) {
    this.row.agreedEveryDays = everyDays;
    this.log('agree_rhythm', on, this.state, null);
    return this;
  }

  private approval(
    kind: 'extension' | 'virtual_continuation',
    on: LocalDate,
    reason: string,
    payload: Record<string, string | null>,
  ): typeof approvals.$inferInsert {
    const rule = approvalRule(kind, this.p.policy);
    const approverRole = rule?.roles[0];
    if (!rule || !approverRole) throw new Error(`demo program has no ${kind} rule`);
    const id = randomUUID();
    const row = {
      orgId: this.p.orgId,
      id,
      kind,
      mentorshipId: this.id,
      participantId: this.participantId,
      ruleId: rule.ruleId,
      approverRole,
      status: 'pending',
      requestedBy: this.p.coordinatorId,
      requestedAt: at(this.p, on, 11),
      requestReason: this.p.seal(REQUEST_REASON, id, reason),
      payload,
    };
    this.p.rows.approvals.push(row);
    this.log(
      kind === 'extension' ? 'request_extension' : 'request_virtual_continuation',
      on,
      this.state,
      kind,
    );
    return row;
  }

  /** MOH-5: ask the committee for a later planned end; it stays pending. */
  requestExtension(on: LocalDate, until: LocalDate, reason: string) {
    this.approval('extension', on, reason, { until, plannedEndOn: this.row.plannedEndOn ?? null });
    return this;
  }

  /** MOH-7: ask to go on meeting online past the three months; it stays pending. */
  requestVirtualContinuation(on: LocalDate, until: LocalDate, reason: string) {
    const since = this.row.virtualSince;
    const months = this.p.policy.virtual?.approvalHorizonMonths ?? 3;
    this.approval('virtual_continuation', on, reason, {
      until,
      horizonOn: since ? addMonths(since, months) : null,
    });
    return this;
  }

  /** The committee's yes on a request, recorded the way the approvals inbox records it. */
  private decide(row: typeof approvals.$inferInsert, decidedOn: LocalDate, decision: string) {
    row.status = 'approved';
    row.decidedBy = this.p.committeeId;
    row.decidedAt = at(this.p, decidedOn, 14);
    row.decisionReason = this.p.seal(DECISION_REASON, row.id, decision);
    row.version = 2;
  }

  /** MOH-5: an extension asked for and approved by the committee; the planned end moves. */
  extend(on: LocalDate, decidedOn: LocalDate, until: LocalDate, reason: string, decision: string) {
    const row = this.approval('extension', on, reason, {
      until,
      plannedEndOn: this.row.plannedEndOn ?? null,
    });
    this.decide(row, decidedOn, decision);
    this.row.plannedEndOn = until;
    this.log('extension_approved', decidedOn, this.state, 'extension', this.p.committeeId);
    return this;
  }

  /** MOH-7: going on online past the horizon, asked for and approved by the District Coordinator. */
  continueVirtually(on: LocalDate, decidedOn: LocalDate, until: LocalDate, reason: string, decision: string) {
    const since = this.row.virtualSince;
    const months = this.p.policy.virtual?.approvalHorizonMonths ?? 3;
    const row = this.approval('virtual_continuation', on, reason, {
      until,
      horizonOn: since ? addMonths(since, months) : null,
    });
    this.decide(row, decidedOn, decision);
    this.row.virtualApprovedUntil = until;
    this.log(
      'virtual_continuation_approved',
      decidedOn,
      this.state,
      'virtual_continuation',
      this.p.committeeId,
    );
    return this;
  }

  /** MOH-14: closed, with the reason kept. */
  close(on: LocalDate, reason: Exclude<ClosureReason, 'other'>) {
    const from = this.state;
    this.endServing(on, reason);
    this.row.state = 'closed';
    this.row.closedOn = on;
    this.row.closeReason = reason;
    this.row.awaitingSince = null;
    this.log('close', on, from, reason);
    return this;
  }

  /**
   * The plan (MOH-1) with its goals, and progress rated every six to nine
   * weeks while the mentorship served; goals of a finished story are settled.
   */
  plan(goalSpecs: readonly GoalSpec[], ratedBy: (on: LocalDate) => string) {
    const p = this.p;
    const rng = p.rng;
    const planId = randomUUID();
    const createdOn = this.row.matchApprovedOn ?? this.row.awaitingSince ?? p.today;
    p.rows.plans.push({
      orgId: p.orgId,
      id: planId,
      mentorshipId: this.id,
      createdAt: at(p, createdOn, 12),
      updatedAt: at(p, createdOn, 12),
    });
    this.domains = [...new Set(goalSpecs.flatMap((g) => g.domains))];
    const first = this.stretches[0]?.from ?? null;
    const last = this.endedOn ?? this.stretches.at(-1)?.to ?? p.today;
    for (const spec of goalSpecs) {
      const goalId = randomUUID();
      const goal: typeof goals.$inferInsert = {
        orgId: p.orgId,
        id: goalId,
        planId,
        title: spec.title,
        domains: spec.domains,
        status: 'open',
        createdAt: at(p, createdOn, 12),
      };
      p.rows.goals.push(goal);
      if (!first) continue;
      let rating = rng.int(1, 2);
      let on = addDays(first, rng.int(14, 35));
      const step = rng.next() * 0.6 + this.momentum * 0.7;
      while (on <= last && on <= p.today) {
        p.rows.ratings.push({
          orgId: p.orgId,
          id: randomUUID(),
          goalId,
          ratedOn: on,
          rating,
          ratedBy: ratedBy(on),
          createdAt: at(p, on, 18),
        });
        const roll = rng.next();
        if (roll < step * 0.7) rating = Math.min(5, rating + 1);
        else if (roll > 0.93) rating = Math.max(1, rating - 1);
        on = addDays(on, rng.int(42, 63));
      }
      if (this.row.closeReason === 'goals_met') goal.status = rating >= 3 ? 'achieved' : 'open';
      else if (this.row.closeReason === 'participant_choice' && rng.chance(0.5)) goal.status = 'dropped';
      else if (rating === 5 && rng.chance(0.5)) goal.status = 'achieved';
    }
    return this;
  }

  /** Serving days from `from` on (inclusive) up to today, with the mentor who served each. */
  servingDays(from: LocalDate): { day: LocalDate; mentorId: string }[] {
    const out: { day: LocalDate; mentorId: string }[] = [];
    for (const s of this.stretches) {
      const end = s.to ? addDays(s.to, -1) : this.p.today;
      let day = s.from > from ? s.from : from;
      while (day <= end && day <= this.p.today) {
        if (!this.quiet.some((q) => day >= q.from && (q.to === null || day < q.to))) {
          out.push({ day, mentorId: s.mentorId });
        }
        day = addDays(day, 1);
      }
    }
    return out;
  }

  /** How far along the story is on a day, 0 → 1 over its first year. */
  progressOn(day: LocalDate): number {
    const first = this.stretches[0]?.from;
    if (!first) return 0;
    return Math.max(0, Math.min(1, daysBetween(first, day) / 365));
  }
}
