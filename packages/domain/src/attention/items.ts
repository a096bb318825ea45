import type { RefusalParams } from '../refusal';

/** What needs someone's attention, by rule. */
export const ATTENTION_KINDS = [
  'trial_review', // MOH-4
  'planned_end', // MOH-5
  'total_cap', // MOH-6
  'weekly_cap_exceeded', // MOH-3
  'weekly_virtual_cap_exceeded', // MOH-7
  'virtual_continuation', // MOH-7
  'contact_lapsed', // RAMP-5, weekly rhythms
  'daily_check_in_missed', // SIVA-2
  'hospitalization_suspension', // MOH-15
  'renewal_window', // MOH-15
  'awaiting_mentor', // MOH-16
  'approval_pending', // MOH-5, MOH-7, MOH-3
  'risk_referral', // CM-4
  'wellbeing_drop', // SIVA-2 early warning: the check-in average fell
  'wellbeing_low', // SIVA-2 early warning: consecutive days at the lowest score
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export type AttentionSeverity = 'overdue' | 'due' | 'info';

export interface AttentionSubject {
  readonly mentorshipId?: string;
  readonly participantId?: string;
  readonly mentorId?: string;
  readonly approvalId?: string;
  readonly riskId?: string;
}

export interface AttentionItem {
  readonly kind: AttentionKind;
  readonly ruleId: string;
  readonly severity: AttentionSeverity;
  /** The deadline: overdue from this instant on (for info items, when it becomes relevant). */
  readonly dueAt: Date;
  readonly subject: AttentionSubject;
  /** Values for the sentence (dates as YYYY-MM-DD in the program zone). */
  readonly params: RefusalParams;
}

const RANK: Record<AttentionSeverity, number> = { overdue: 0, due: 1, info: 2 };

const subjectKey = (s: AttentionSubject) =>
  [s.mentorshipId, s.participantId, s.mentorId, s.approvalId, s.riskId].map((x) => x ?? '').join('|');

/** Overdue first, then due, then info; within each the earliest deadline first; ties by kind and subject. */
export function compareAttention(a: AttentionItem, b: AttentionItem): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    a.dueAt.getTime() - b.dueAt.getTime() ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    (subjectKey(a.subject) < subjectKey(b.subject)
      ? -1
      : subjectKey(a.subject) > subjectKey(b.subject)
        ? 1
        : 0)
  );
}
