import type { Approval } from '../approvals/approval';
import { approvalRule, mayDecide } from '../approvals/approval';
import { type DailyCheckIn, earlyWarning } from '../checkins/early-warning';
import { weeksOverCap } from '../contacts/caps';
import type { Contact } from '../contacts/contact';
import { lastReachedAt } from '../contacts/contact';
import { rhythmStatus } from '../contacts/rhythm';
import {
  deadlineOf,
  hospitalizationClock,
  plannedEndDeadline,
  totalCapDeadline,
  totalCapStatus,
  trialReviewDeadline,
  virtualContinuationDeadline,
} from '../lifecycle/clocks';
import type { Mentorship, ServicePeriod } from '../lifecycle/facts';
import type { Policy, RiskSeverity } from '../policy/schema';
import { alertsAtOnce, riskRuleOf } from '../risks/risk';
import type { Role } from '../roles';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  type LocalDate,
  localDate,
  startOfLocalDay,
} from '../time/zone';
import { type AttentionItem, type AttentionKind, type AttentionSubject, compareAttention } from './items';

export interface RiskObservation {
  readonly id: string;
  readonly participantId: string;
  readonly mentorshipId: string | null;
  readonly severity: RiskSeverity;
  readonly observedAt: Date;
  /** When it was referred to a professional service; null while open (CM-4). */
  readonly referredAt: Date | null;
  /** When the durable alert was raised (REL-08); null when this sign did not alert at once. */
  readonly alertedAt?: Date | null;
}

/** A participant's own daily check-ins, for the early warning (SIVA-2). */
export interface ParticipantCheckIns {
  readonly participantId: string;
  readonly mentorshipId: string;
  readonly mentorId: string | null;
  readonly checkIns: readonly DailyCheckIn[];
}

export interface MentorshipCase {
  readonly mentorship: Mentorship;
  /** All service periods of the participant (MOH-6). */
  readonly serviceHistory: readonly ServicePeriod[];
  /** Contacts of the recent weeks the caller wants checked (caps, rhythm). */
  readonly contacts: readonly Contact[];
  /** Last reached contact, when `contacts` do not reach back far enough. */
  readonly lastReachedAt?: Date | null;
}

/** A participant in the program who has never had a mentorship at all (MOH-16). */
export interface UnmatchedParticipant {
  readonly participantId: string;
  /** The day they entered the program (intake), in the program's zone. */
  readonly waitingSince: LocalDate;
}

/** Plain data the list is computed from; the server loads it in the caller's scope. */
export interface AttentionState {
  readonly mentorships: readonly MentorshipCase[];
  readonly approvals: readonly Approval[];
  /** People with no mentorship row: never matched, so waiting for a first mentor. */
  readonly unmatched?: readonly UnmatchedParticipant[];
  readonly risks?: readonly RiskObservation[];
  readonly checkIns?: readonly ParticipantCheckIns[];
}

const SERVING = ['trial', 'active'] as const;
const serving = (m: Mentorship) => (SERVING as readonly string[]).includes(m.state);
const DEFAULT_WAITING_NOTICE_DAYS = 14;
/** The suspension day of a long hospitalization shows up two weeks ahead (MOH-15). */
const HOSPITALIZATION_NOTICE_DAYS = 14;

/** Who is shown each kind. Approvals go to their deciders; risk to the policy's alert role. */
export function audienceOf(kind: AttentionKind, policy: Policy): readonly Role[] {
  switch (kind) {
    case 'trial_review':
      return [policy.trial?.reviewerRole ?? 'coordinator'];
    case 'contact_lapsed':
    case 'daily_check_in_missed':
    case 'wellbeing_drop':
    case 'wellbeing_low':
    case 'weekly_cap_exceeded':
    case 'weekly_virtual_cap_exceeded':
      return ['coordinator', 'mentor'];
    case 'risk_referral':
      return [policy.riskReferral?.alertRole ?? 'coordinator'];
    case 'approval_pending':
      return []; // decided per approval by `mayDecide`
    default:
      return ['coordinator'];
  }
}

function mentorshipItems(c: MentorshipCase, policy: Policy, now: Date): AttentionItem[] {
  const m = c.mentorship;
  const zone = policy.timeZone;
  const today = localDate(now, zone);
  const subject: AttentionSubject = {
    mentorshipId: m.id,
    participantId: m.participantId,
    ...(m.mentorId ? { mentorId: m.mentorId } : {}),
  };
  const out: AttentionItem[] = [];
  const push = (item: Omit<AttentionItem, 'subject'>) => out.push({ ...item, subject });

  const trial = trialReviewDeadline(m, policy, now);
  if (trial && trial.severity !== 'info') {
    push({
      kind: 'trial_review',
      ruleId: trial.ruleId,
      severity: trial.severity,
      dueAt: trial.dueAt,
      params: { dueOn: trial.dueOn },
    });
  }

  const end = plannedEndDeadline(m, policy, now);
  if (end && end.severity !== 'info') {
    push({
      kind: 'planned_end',
      ruleId: end.ruleId,
      severity: end.severity,
      dueAt: end.dueAt,
      params: { plannedEndOn: end.dueOn, daysLeft: Math.max(0, daysBetween(today, end.dueOn)) },
    });
  }

  if (serving(m)) {
    const cap = totalCapDeadline(c.serviceHistory, policy, now, today);
    const status = totalCapStatus(c.serviceHistory, policy, today);
    if (cap && status && cap.severity !== 'info') {
      push({
        kind: 'total_cap',
        ruleId: cap.ruleId,
        severity: cap.severity,
        dueAt: cap.dueAt,
        params: {
          lastAllowedDay: status.lastAllowedDay,
          daysLeft: Math.max(0, daysBetween(today, status.lastAllowedDay)),
          maxMonths: status.maxMonths,
        },
      });
    }

    const virtual = virtualContinuationDeadline(m, policy, now);
    if (virtual && virtual.severity !== 'info') {
      push({
        kind: 'virtual_continuation',
        ruleId: virtual.ruleId,
        severity: virtual.severity,
        dueAt: virtual.dueAt,
        params: { lastDay: virtual.dueOn, approverRole: policy.virtual?.approverRole ?? null },
      });
    }

    const rhythm = rhythmStatus(
      {
        lastReachedAt: c.lastReachedAt ?? lastReachedAt(c.contacts),
        since: startOfLocalDay(m.trialStartedOn ?? m.startedOn ?? today, zone),
        agreedEveryDays: m.agreedEveryDays,
      },
      policy,
      now,
    );
    if (rhythm?.lapsed && rhythm.severity && rhythm.lapsedSince) {
      push({
        kind: rhythm.kind === 'daily' ? 'daily_check_in_missed' : 'contact_lapsed',
        ruleId: rhythm.ruleId,
        severity: rhythm.severity,
        // Overdue: dated from when contact stopped, as the sentence says; due: by the end of this day or week.
        dueAt: rhythm.severity === 'overdue' ? rhythm.lapsedSince : rhythm.dueAt,
        params: { since: localDate(rhythm.lapsedSince, zone), missed: rhythm.missed },
      });
    }

    const h = m.hospitalization;
    const clock = h && !h.dischargedOn ? hospitalizationClock(h, policy) : null;
    if (h && clock) {
      const d = deadlineOf(clock.ruleId, clock.suspendFrom, HOSPITALIZATION_NOTICE_DAYS, zone, now);
      if (d.severity !== 'info') {
        push({
          kind: 'hospitalization_suspension',
          ruleId: clock.ruleId,
          severity: d.severity,
          dueAt: d.dueAt,
          params: { hospitalizedSince: h.startedOn, suspendFrom: clock.suspendFrom },
        });
      }
    }
  }

  for (const week of weeksOverCap(c.contacts, policy)) {
    const params = {
      weekStart: week.week.startDate,
      hours: Math.round((week.totals.cappedMinutes / 60) * 100) / 100,
      visits: week.totals.visits,
      virtualHours: Math.round((week.totals.virtualMinutes / 60) * 100) / 100,
      overridden: week.overridden,
    };
    const severity = week.overridden ? 'info' : 'due';
    if ((week.over.hours || week.over.visits) && policy.weeklyCap) {
      push({
        kind: 'weekly_cap_exceeded',
        ruleId: policy.weeklyCap.ruleId,
        severity,
        dueAt: week.week.end,
        params,
      });
    }
    if (week.over.virtual && policy.virtual) {
      push({
        kind: 'weekly_virtual_cap_exceeded',
        ruleId: policy.virtual.ruleId,
        severity,
        dueAt: week.week.end,
        params,
      });
    }
  }

  if (m.state === 'suspended' && m.suspension?.reason === 'hospitalization' && m.hospitalization) {
    const clock = hospitalizationClock(m.hospitalization, policy);
    if (clock?.renewalOpensOn) {
      const open = today >= clock.renewalOpensOn;
      const last =
        m.hospitalization.dischargedOn ?? m.hospitalization.expectedDischargeOn ?? clock.renewalOpensOn;
      push({
        kind: 'renewal_window',
        ruleId: clock.ruleId,
        severity: open ? 'due' : 'info',
        dueAt: open ? endOfLocalDay(last, zone) : startOfLocalDay(clock.renewalOpensOn, zone),
        params: {
          renewalOpensOn: clock.renewalOpensOn,
          expectedDischargeOn: m.hospitalization.expectedDischargeOn,
        },
      });
    }
  }

  if (m.state === 'awaiting_match') {
    out.push(awaitingMentorItem(subject, m.awaitingSince ?? today, policy, now));
  }
  return out;
}

/**
 * MOH-16: someone waits for a (new or first) mentor. Due from the first day,
 * overdue once the program's notice period has passed.
 */
function awaitingMentorItem(
  subject: AttentionSubject,
  since: LocalDate,
  policy: Policy,
  now: Date,
): AttentionItem {
  const zone = policy.timeZone;
  const notice = policy.rematch?.waitingNoticeDays ?? DEFAULT_WAITING_NOTICE_DAYS;
  const dueAt = endOfLocalDay(addDays(since, notice), zone);
  return {
    kind: 'awaiting_mentor',
    ruleId: policy.rematch?.ruleId ?? policy.matchApproval?.ruleId ?? 'PLATFORM-4',
    severity: now >= dueAt ? 'overdue' : 'due',
    dueAt,
    subject,
    params: { since, days: Math.max(0, daysBetween(since, localDate(now, zone))) },
  };
}

function approvalItems(approvals: readonly Approval[], policy: Policy): AttentionItem[] {
  return approvals
    .filter((a) => a.status === 'pending')
    .flatMap((a) => {
      const rule = approvalRule(a.kind, policy);
      if (!rule) return [];
      const item: AttentionItem = {
        kind: 'approval_pending',
        ruleId: rule.ruleId,
        severity: 'due',
        dueAt: a.requestedAt,
        subject: { mentorshipId: a.mentorshipId, approvalId: a.id },
        params: { approvalKind: a.kind, requestedOn: localDate(a.requestedAt, policy.timeZone) },
      };
      return [item];
    });
}

function riskItems(risks: readonly RiskObservation[], policy: Policy): AttentionItem[] {
  return risks
    .filter((r) => r.referredAt === null)
    .map((r) => ({
      kind: 'risk_referral' as const,
      ruleId: riskRuleOf(policy),
      // "At once": a sign that raised the durable alert (REL-08) is overdue from the moment it is observed.
      severity:
        (r.alertedAt ?? null) !== null || alertsAtOnce(r.severity, policy)
          ? ('overdue' as const)
          : ('due' as const),
      dueAt: r.observedAt,
      subject: {
        participantId: r.participantId,
        riskId: r.id,
        ...(r.mentorshipId ? { mentorshipId: r.mentorshipId } : {}),
      },
      params: { severity: r.severity, observedOn: localDate(r.observedAt, policy.timeZone) },
    }));
}

/** SIVA-2 early warning on the participants' own check-ins, for their mentor and the coordinator. */
function wellbeingItems(cases: readonly ParticipantCheckIns[], policy: Policy, now: Date): AttentionItem[] {
  const today = localDate(now, policy.timeZone);
  return cases.flatMap((c) => {
    const w = earlyWarning(c.checkIns, today, policy);
    if (!w) return [];
    const item: AttentionItem = {
      kind: w.reason === 'low_streak' ? 'wellbeing_low' : 'wellbeing_drop',
      ruleId: w.ruleId,
      severity: w.reason === 'low_streak' ? 'overdue' : 'due',
      dueAt: startOfLocalDay(w.lastDay, policy.timeZone),
      subject: {
        mentorshipId: c.mentorshipId,
        participantId: c.participantId,
        ...(c.mentorId ? { mentorId: c.mentorId } : {}),
      },
      params: {
        since: w.since,
        lastDay: w.lastDay,
        recentAverage: w.recentAverage,
        baselineAverage: w.baselineAverage,
      },
    };
    return [item];
  });
}

/**
 * The due and overdue items a role should act on, derived from plain data:
 * trial reviews (MOH-4), planned ends (MOH-5), the total cap (MOH-6), weeks
 * over a cap (MOH-3, MOH-7), virtual continuation (MOH-7), lapsed contact
 * (RAMP-5, SIVA-2), hospitalization clocks (MOH-15), participants waiting for
 * a mentor, whether after a rematch or never matched (MOH-16), pending approvals the role decides, open risk referrals
 * (CM-4), early warnings on the participants' own check-ins (SIVA-2). Deterministic: overdue first, then by deadline.
 */
export function needsAttention(
  state: AttentionState,
  policy: Policy,
  now: Date,
  role: Role,
): AttentionItem[] {
  const pendingVirtual = new Set(
    state.approvals
      .filter((a) => a.kind === 'virtual_continuation' && a.status === 'pending')
      .map((a) => a.mentorshipId),
  );
  const pendingExtension = new Set(
    state.approvals
      .filter((a) => a.kind === 'extension' && a.status === 'pending')
      .map((a) => a.mentorshipId),
  );
  const items = [
    ...state.mentorships.flatMap((c) =>
      mentorshipItems(c, policy, now).filter(
        // A request already on its way answers the item: the decider sees it as a pending approval.
        (i) =>
          !(i.kind === 'virtual_continuation' && pendingVirtual.has(c.mentorship.id)) &&
          !(i.kind === 'planned_end' && i.severity === 'due' && pendingExtension.has(c.mentorship.id)),
      ),
    ),
    ...(state.unmatched ?? []).map((u) =>
      awaitingMentorItem({ participantId: u.participantId }, u.waitingSince, policy, now),
    ),
    ...riskItems(state.risks ?? [], policy),
    ...wellbeingItems(state.checkIns ?? [], policy, now),
  ].filter((i) => audienceOf(i.kind, policy).includes(role));
  const approvals = approvalItems(state.approvals, policy).filter((i) =>
    mayDecide(String(i.params.approvalKind) as Approval['kind'], role, policy),
  );
  return [...items, ...approvals].sort(compareAttention);
}
