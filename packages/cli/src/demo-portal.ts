/**
 * The demo's participant without an email address (decision record 011): a
 * printed sign-in name and one-time codes. A code works once, so every start
 * prints a new sheet of one — through the portal's own invitation, as a
 * coordinator would — just as every start gives the demo logins a new
 * password. Never in production (CRY-04): callers check.
 */
import { randomUUID } from 'node:crypto';
import type { CodeSheet } from '@tandem/contract';
import { type Db, memberships, organisations, participants } from '@tandem/db';
import { type Clock, systemClock } from '@tandem/server/clock';
import { AppError } from '@tandem/server/errors';
import { inviteToPortal } from '@tandem/server/modules/portal/invitation';
import { and, eq } from 'drizzle-orm';
import type { ProgramSpec } from './demo-program';

export interface DemoCode {
  displayName: string;
  orgName: string;
  signInName: string;
  code: string;
}

/** The one participant of the demo programs marked `printedCode`. */
function codeHolder(programs: readonly ProgramSpec[]) {
  for (const spec of programs) {
    const person = spec.participants.find((x) => x.printedCode);
    if (person?.portal) return { slug: spec.org.slug, name: person.name, locale: person.portal };
  }
  return null;
}

/** A fresh one-time code for the demo's code participant (the previous unused one ends), or null without the demo. */
export async function freshDemoCode(
  db: Db,
  programs: readonly ProgramSpec[],
  clock: Clock = systemClock,
): Promise<DemoCode | null> {
  const holder = codeHolder(programs);
  if (!holder) return null;
  const [found] = await db
    .select({ orgId: organisations.id, participantId: participants.id, coordinator: memberships })
    .from(organisations)
    .innerJoin(
      participants,
      and(eq(participants.orgId, organisations.id), eq(participants.displayName, holder.name)),
    )
    .innerJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.role, 'coordinator')))
    .where(eq(organisations.slug, holder.slug))
    .orderBy(memberships.createdAt)
    .limit(1);
  if (!found) return null;
  const scope = {
    orgId: found.orgId,
    userId: found.coordinator.userId,
    role: 'coordinator' as const,
    membershipId: found.coordinator.id,
  };
  let sheet: CodeSheet;
  try {
    sheet = await inviteToPortal(
      db,
      clock,
      scope,
      found.participantId,
      { locale: holder.locale, codes: 1 },
      { ip: '127.0.0.1', requestId: randomUUID() },
    );
  } catch (e) {
    // An admin ended her access in the demo (or linked the record elsewhere): the start goes on without a code.
    if (e instanceof AppError) return null;
    throw e;
  }
  return {
    displayName: sheet.displayName,
    orgName: sheet.orgName,
    signInName: sheet.signInName,
    code: sheet.codes[0]!.code,
  };
}
