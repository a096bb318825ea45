import type { MyWeek, MyWeekMentee } from '@tandem/contract';
import type { contacts, Db, programs } from '@tandem/db';
import { type Contact, rhythmStatus, weekTotals } from '@tandem/domain/contacts/index';
import type { Policy } from '@tandem/domain/policy/index';
import { addDays, localDate, programWeekOfDate, startOfLocalDay } from '@tandem/domain/time/index';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { policyOf } from '../programs/service';
import { caseloadInScope, contactsBetween, lastReachedBy } from './queries';

type ContactRow = typeof contacts.$inferSelect;
type ProgramRow = typeof programs.$inferSelect;
type CaseRow = Awaited<ReturnType<typeof caseloadInScope>>[number];

const toDomain = (r: ContactRow): Contact => ({
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  mode: r.mode as Contact['mode'],
  reached: r.reached,
  domains: r.domains,
  specialActivity: r.specialActivity,
  capOverrideReason: r.overCapReason,
});
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Hours and visits of the week against the program's caps, as the domain counts them (MOH-3, MOH-7). */
function capsOf(rows: readonly ContactRow[], policy: Policy): MyWeekMentee['caps'] {
  const t = weekTotals(rows.map(toDomain), policy);
  const cap = policy.weeklyCap;
  const v = policy.virtual;
  const of = (ruleId: string, used: number, max: number) => ({ ruleId, used, max, over: used > max });
  return {
    hours: cap ? of(cap.ruleId, hours(t.cappedMinutes), cap.maxHours) : null,
    visits: cap?.maxVisits !== undefined ? of(cap.ruleId, t.visits, cap.maxVisits) : null,
    virtualHours: v ? of(v.ruleId, hours(t.virtualMinutes), v.maxHoursPerWeek) : null,
  };
}

/**
 * The signed-in mentor's program week (the program's start day and zone):
 * contacts per mentee, totals against the caps and the rhythm as of the end of
 * the week — or now, for the current week. The caseload is the mentor's own
 * (TEN-03); reading it is audited like any list of case files (AUD-01).
 */
export async function myWeek(
  db: Db,
  clock: Clock,
  scope: Scope,
  query: { week?: string | undefined },
  meta: RequestMeta,
): Promise<MyWeek> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const caseload = await caseloadInScope(tx, scope);
    const byProgram = new Map<string, { program: ProgramRow; cases: CaseRow[] }>();
    for (const row of caseload) {
      const g = byProgram.get(row.program.id) ?? { program: row.program, cases: [] };
      g.cases.push(row);
      byProgram.set(row.program.id, g);
    }
    const out: MyWeek['programs'] = [];
    for (const { program, cases } of byProgram.values()) {
      const policy = policyOf(program);
      const zone = policy.timeZone;
      const today = localDate(now, zone);
      const week = programWeekOfDate(query.week ?? today, zone, policy.weekStartsOn);
      const ids = cases.map((c) => c.ms.id);
      const rows = await contactsBetween(tx, scope, ids, week.start, week.end);
      // Rhythm as it stood when the week ended; the current week is judged now.
      const asOf = new Date(Math.min(now.getTime(), week.end.getTime() - 1));
      const reached = await lastReachedBy(tx, scope, ids, asOf);
      out.push({
        programId: program.id,
        programName: program.name,
        timeZone: zone,
        weekStart: week.startDate,
        weekEnd: addDays(week.startDate, 6),
        previousWeek: addDays(week.startDate, -7),
        nextWeek: addDays(week.startDate, 7),
        current: week.start <= now && now < week.end,
        mentees: cases.map(({ ms, participantName }) => {
          const own = rows.filter((r) => r.mentorshipId === ms.id);
          const started = ms.trialStartedOn ?? ms.startedOn;
          const serving = ms.state !== 'suspended' && started !== null && started <= localDate(asOf, zone);
          const rhythm = serving
            ? rhythmStatus(
                {
                  lastReachedAt: reached.get(ms.id) ?? null,
                  since: startOfLocalDay(started, zone),
                  agreedEveryDays: ms.agreedEveryDays,
                },
                policy,
                asOf,
              )
            : null;
          return {
            mentorshipId: ms.id,
            participantId: ms.participantId,
            participantName,
            state: ms.state as MyWeekMentee['state'],
            mode: ms.mode as MyWeekMentee['mode'],
            contacts: own.map((r) => ({
              id: r.id,
              startsAt: r.startsAt.toISOString(),
              day: localDate(r.startsAt, zone),
              durationMinutes: r.durationMinutes,
              mode: r.mode,
              reached: r.reached,
              specialActivity: r.specialActivity,
              overCap: r.overCapRuleIds.length > 0,
            })),
            totalMinutes: own.filter((r) => r.reached).reduce((s, r) => s + r.durationMinutes, 0),
            caps: capsOf(own, policy),
            rhythm: rhythm && {
              ruleId: rhythm.ruleId,
              kind: rhythm.kind,
              everyDays: rhythm.everyDays,
              lapsed: rhythm.lapsed,
              severity: rhythm.severity,
              dueAt: rhythm.dueAt.toISOString(),
              missed: rhythm.missed,
            },
          };
        }),
      });
    }
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'my_week.read',
        entityType: 'caseload',
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { mentorships: caseload.length, week: query.week ?? null },
      },
      now,
    );
    return { programs: out };
  });
}
