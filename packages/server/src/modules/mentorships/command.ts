import { randomUUID } from 'node:crypto';
import type { MentorshipFile } from '@tandem/contract';
import { type Db, mentorships, mentorshipTransitions, type Tx } from '@tandem/db';
import type { Decision, Refusal } from '@tandem/domain';
import type { HistoryAction } from '@tandem/domain/lifecycle/states';
import type { Policy } from '@tandem/domain/policy/index';
import { type LocalDate, localDate } from '@tandem/domain/time/index';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import type { FieldCipher } from '../../crypto/fields';
import { AppError, notFound, ruleRefusal } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { policyOf } from '../programs/service';
import { type LoadedFacts, loadFacts } from './facts';
import { buildFile, TRANSITION_NOTE, toSummary } from './file';
import { type FoundMentorship, findMentorship, participantRow } from './queries';
import { sealNullable, type Texts, textsFor } from './texts';

export interface CommandDeps {
  db: Db;
  clock: Clock;
  fields: FieldCipher;
}

/** What a command sees: the locked mentorship, its facts, the program's rules and the clock. */
export interface CommandContext {
  tx: Tx;
  scope: Scope;
  now: Date;
  /** Today in the program's time zone. */
  today: LocalDate;
  policy: Policy;
  found: FoundMentorship;
  loaded: LoadedFacts;
  texts: Texts;
}

/** One action on one mentorship, at the version the caller saw (REL-03). */
export interface Command {
  id: string;
  version: number;
  /** The history's and the audit row's name for it, e.g. `match`: one the history has a label for. */
  action: HistoryAction;
  decide: (ctx: CommandContext) => Promise<CommandEffect>;
}

/** What a command changes, as the domain decided it. */
export interface CommandEffect {
  set?: Partial<typeof mentorships.$inferInsert>;
  /** Coded reason kept in the history (closure reason, trial outcome…). */
  reason?: string | null;
  /** Free text kept in the history: sealed, staff only, never audited (AUD-05). */
  note?: string | null;
  /** Metadata for the audit row. */
  detail?: Record<string, unknown>;
}

/**
 * A refusal from the domain as a 422 problem naming the rule (the first one);
 * when several rules refuse at once, all of them travel in `params.refusals`
 * so the coordinator sees the whole list.
 */
export function refusedAll(refusals: readonly Refusal[]): AppError {
  const [first, ...rest] = refusals;
  if (!first) return new AppError('refused', 'refused');
  const all = refusals.map(ruleRefusal);
  return new AppError('refused', first.code, {
    ruleId: first.ruleId,
    params: { ...first.params, ...(rest.length ? { refusals: all } : {}) },
  });
}

/** The allowed value, or the domain's refusals as a problem. */
export function must<T>(decision: Decision<T>): T {
  if (!decision.ok) throw refusedAll(decision.refusals);
  return decision.value;
}

async function staleWith(tx: Tx, scope: Scope, found: FoundMentorship) {
  const p = await participantRow(tx, scope, found.ms.participantId);
  return staleVersion(toSummary(found.ms, p?.displayName ?? '', found.mentor?.displayName ?? null));
}

/** Append one step to the mentorship's history, with the version it produced. */
export async function appendStep(
  tx: Tx,
  scope: Scope,
  texts: Texts,
  step: {
    ms: typeof mentorships.$inferSelect;
    action: HistoryAction;
    fromState: string;
    on: LocalDate;
    at: Date;
    reason: string | null;
    note: string | null;
  },
) {
  const id = randomUUID();
  await tx.insert(mentorshipTransitions).values({
    orgId: scope.orgId,
    id,
    mentorshipId: step.ms.id,
    participantId: step.ms.participantId,
    action: step.action,
    fromState: step.fromState,
    toState: step.ms.state,
    happenedOn: step.on,
    at: step.at,
    version: step.ms.version,
    actorUserId: scope.userId,
    mentorId: step.ms.mentorId,
    reason: step.reason,
    note: sealNullable(texts, TRANSITION_NOTE, id, step.note),
  });
}

/**
 * One lifecycle command, the same way every time (DESIGN principle 4): in the
 * caller's transaction, lock the mentorship row (REL-04), check the version the
 * caller saw (REL-03), load the facts and let the domain decide, persist the
 * effect, and append the step to the history and the audit row. A confirmed
 * cohort allocation runs its rematches through here too, so a new mentor given
 * there leaves the same step as one given from the mentorship's file.
 */
export async function commandIn(
  tx: Tx,
  deps: Pick<CommandDeps, 'clock' | 'fields'>,
  scope: Scope,
  meta: RequestMeta,
  { id, version, action, decide }: Command,
) {
  const now = deps.clock.now();
  const found = await findMentorship(tx, scope, id, { lock: true });
  if (!found) throw notFound('mentorship');
  if (found.ms.version !== version) throw await staleWith(tx, scope, found);
  const policy = policyOf(found.program);
  const texts = await textsFor(deps.fields, tx, scope.orgId);
  const loaded = await loadFacts(tx, scope, found, policy);
  const today = localDate(now, policy.timeZone);
  const effect = await decide({ tx, scope, now, today, policy, found, loaded, texts });

  const next = version + 1;
  const [updated] = await tx
    .update(mentorships)
    .set({ ...effect.set, updatedAt: now, version: next })
    .where(and(eq(mentorships.orgId, scope.orgId), eq(mentorships.id, id), eq(mentorships.version, version)))
    .returning();
  if (!updated) throw await staleWith(tx, scope, found);
  await appendStep(tx, scope, texts, {
    ms: updated,
    action,
    fromState: found.ms.state,
    on: today,
    at: now,
    reason: effect.reason ?? null,
    note: effect.note ?? null,
  });
  await writeAudit(
    tx,
    {
      orgId: scope.orgId,
      actorUserId: scope.userId,
      actorRole: scope.role,
      action: `mentorship.${action}`,
      entityType: 'mentorship',
      entityId: id,
      subjectId: updated.participantId,
      outcome: 'success',
      ip: meta.ip,
      requestId: meta.requestId,
      detail: { from: found.ms.state, to: updated.state, ...effect.detail },
    },
    now,
  );
  return { updated, policy, now, texts };
}

/** A lifecycle command in its own transaction, answered with the file as it now stands. */
export async function runCommand(
  deps: CommandDeps,
  scope: Scope,
  meta: RequestMeta,
  command: Command,
): Promise<MentorshipFile> {
  return deps.db.transaction(async (tx) => {
    const { policy, now, texts } = await commandIn(tx, deps, scope, meta, command);
    const after = await findMentorship(tx, scope, command.id);
    if (!after) throw notFound('mentorship');
    return buildFile(tx, scope, after, await loadFacts(tx, scope, after, policy), policy, now, texts);
  });
}
