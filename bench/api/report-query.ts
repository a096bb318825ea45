/**
 * The weekly-hours report query as the server runs it (Drizzle, `weeklyHours`)
 * against the same SQL written by hand and sent through the raw driver, on the
 * same connection pool / PGlite instance, alternating, after a warm-up.
 */
import type { DbHandle } from '@tandem/db';
import { programs } from '@tandem/db';
import { programWeekOfDate } from '@tandem/domain/time/index';
import { policyOf } from '@tandem/server/modules/programs/service';
import { weeklyHours } from '@tandem/server/modules/reports/queries';
import type { Scope } from '@tandem/server/scope';
import { and, eq } from 'drizzle-orm';
import type pg from 'pg';

const RAW_SQL = `
SELECT c.mentor_id AS "mentorId", m.display_name AS "mentorName",
  count(*)::int AS "contacts",
  count(*) FILTER (WHERE c.reached)::int AS "reachedContacts",
  coalesce(sum(c.duration_minutes) FILTER (WHERE c.reached), 0)::int AS "totalMinutes",
  coalesce(sum(c.duration_minutes) FILTER (WHERE c.reached AND c.mode = ANY($5::text[])), 0)::int AS "cappedMinutes",
  count(*) FILTER (WHERE c.reached AND c.mode = ANY($5::text[]))::int AS "visits",
  coalesce(sum(c.duration_minutes) FILTER (WHERE c.reached AND c.mode = ANY($6::text[])), 0)::int AS "virtualMinutes",
  coalesce(sum(c.duration_minutes) FILTER (WHERE c.reached AND c.special_activity), 0)::int AS "specialActivityMinutes",
  count(*) FILTER (WHERE cardinality(c.over_cap_rule_ids) > 0)::int AS "overCapContacts"
FROM contacts c
JOIN mentors m ON m.org_id = c.org_id AND m.id = c.mentor_id
WHERE c.org_id = $1 AND c.starts_at >= $2 AND c.starts_at < $3 AND m.program_id = $4
GROUP BY c.mentor_id, m.display_name
ORDER BY m.display_name, c.mentor_id`;

export interface ReportComparison {
  drizzleP50Ms: number;
  rawP50Ms: number;
  ratio: number;
  runs: number;
  rows: number;
  weekStart: string;
}

type Row = { mentorId: string; totalMinutes: number; contacts: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function compareReportQuery(
  handle: DbHandle,
  scope: Scope,
  programId: string,
  opts: { runs: number; warmup: number; day: string },
): Promise<ReportComparison> {
  const [program] = await handle.db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, programId)));
  if (!program) throw new Error('The benchmark program is missing');
  const policy = policyOf(program);
  const week = programWeekOfDate(opts.day, policy.timeZone, policy.weekStartsOn);
  const params = {
    programId,
    from: week.start,
    to: week.end,
    cappedModes: policy.weeklyCap?.countedModes ?? [],
    virtualModes: policy.virtual?.modes ?? [],
  };
  const values = [
    scope.orgId,
    week.start.toISOString(),
    week.end.toISOString(),
    programId,
    [...params.cappedModes],
    [...params.virtualModes],
  ];

  let raw: () => Promise<Row[]>;
  if (handle.pglite) {
    const lite = handle.pglite;
    raw = async () => (await lite.query<Row>(RAW_SQL, values)).rows;
  } else {
    // The pool drizzle was built on: both sides share its connections.
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    raw = async () => (await pool.query<Row>(RAW_SQL, values)).rows;
  }
  const viaDrizzle = () => weeklyHours(handle.db, scope, params) as Promise<Row[]>;

  // The two must answer the same before their times mean anything.
  const [a, b] = [await viaDrizzle(), await raw()];
  const digest = (rows: Row[]) => rows.map((r) => `${r.mentorId}:${r.contacts}:${r.totalMinutes}`).join();
  if (a.length === 0) throw new Error(`The report of the week of ${week.startDate} is empty`);
  if (digest(a) !== digest(b)) throw new Error('Drizzle and raw SQL disagree on the weekly-hours report');

  for (let i = 0; i < opts.warmup; i++) {
    await viaDrizzle();
    await raw();
  }
  const times = { drizzle: [] as number[], raw: [] as number[] };
  const time = async (key: 'drizzle' | 'raw', f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    times[key].push(performance.now() - t0);
  };
  for (let i = 0; i < opts.runs; i++) {
    // Alternate which goes first so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      await time('drizzle', viaDrizzle);
      await time('raw', raw);
    } else {
      await time('raw', raw);
      await time('drizzle', viaDrizzle);
    }
  }
  const drizzleP50Ms = median(times.drizzle);
  const rawP50Ms = median(times.raw);
  return {
    drizzleP50Ms,
    rawP50Ms,
    ratio: drizzleP50Ms / rawP50Ms,
    runs: opts.runs,
    rows: a.length,
    weekStart: week.startDate,
  };
}
