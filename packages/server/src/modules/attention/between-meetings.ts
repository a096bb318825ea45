import type { mentorships, programs, Tx } from '@tandem/db';
import type { ParticipantCheckIns, RiskObservation } from '@tandem/domain/attention/index';
import { LOOKBACK_DAYS } from '@tandem/domain/checkins/index';
import type { RiskSeverity } from '@tandem/domain/policy/index';
import { addDays, localDate } from '@tandem/domain/time/index';
import type { Scope } from '../../scope';
import { checkInsSince } from '../check-ins/queries';
import { openRisksForAttention } from '../risks/queries';

type ProgramRow = typeof programs.$inferSelect;
type MentorshipRow = typeof mentorships.$inferSelect;

/**
 * What happens between meetings, for the attention list: open signs of risk
 * with their durable alerts (CM-4, REL-08: read from the alert rows, so an
 * alert raised just before a crash shows after the restart) and the
 * participants' own check-ins of the last weeks for the early warning (SIVA-2).
 * Both in the caller's scope: risks only for coordinators and admins (TEN-06),
 * check-ins only of the open mentorships the caller sees (TEN-03).
 */
export async function betweenMeetings(
  tx: Tx,
  scope: Scope,
  open: readonly { ms: MentorshipRow; program: ProgramRow }[],
  now: Date,
) {
  const risks = (await openRisksForAttention(tx, scope)).map((x) => ({
    program: x.program,
    participantName: x.participantName,
    risk: {
      id: x.r.id,
      participantId: x.r.participantId,
      mentorshipId: x.r.mentorshipId,
      severity: x.r.severity as RiskSeverity,
      observedAt: x.r.observedAt,
      referredAt: null,
      alertedAt: x.alertedAt,
    } satisfies RiskObservation,
  }));
  const earliest = open.reduce<string | null>((min, o) => {
    const from = addDays(localDate(now, o.program.timeZone), -LOOKBACK_DAYS);
    return min === null || from < min ? from : min;
  }, null);
  const rows = earliest
    ? await checkInsSince(tx, scope, [...new Set(open.map((o) => o.ms.participantId))], earliest)
    : [];
  const checkIns = open
    .filter((o) => o.ms.state === 'trial' || o.ms.state === 'active')
    .map((o) => ({
      program: o.program,
      cases: {
        participantId: o.ms.participantId,
        mentorshipId: o.ms.id,
        mentorId: o.ms.mentorId,
        checkIns: rows
          .filter((r) => r.participantId === o.ms.participantId)
          .map((r) => ({ day: r.day, wellbeing: r.wellbeing })),
      } satisfies ParticipantCheckIns,
    }))
    .filter((c) => c.cases.checkIns.length > 0);
  return { risks, checkIns };
}
