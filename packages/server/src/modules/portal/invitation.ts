import { randomUUID } from 'node:crypto';
import type { CodeSheet, PortalAccess, zPortalInvitationRequest } from '@tandem/contract';
import { type Db, memberships, organisations, participants, signInCodes, type Tx, users } from '@tandem/db';
import type { Locale } from '@tandem/domain';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import {
  formatCode,
  formatSignInName,
  hashCode,
  newSignInCode,
  newSignInName,
  normalisePhone,
} from '../auth/identifiers';
import type { RequestMeta } from '../auth/service';
import { participantRow } from '../mentorships/queries';

/** A printed sheet is valid for two weeks: long enough to hand over, short enough to go stale. */
export const CODE_LIFETIME_MS = 14 * 86400_000;

function phoneOf(typed: string | null | undefined): string | null | undefined {
  if (typed === undefined || typed === null) return typed;
  const phone = normalisePhone(typed);
  if (!phone) {
    throw new AppError('bad_request', 'phone_invalid', {
      errors: [{ field: 'phone', code: 'phone_invalid', message: 'Write the number with its country code' }],
    });
  }
  return phone;
}

/** Another member of this organisation signs in with that number: refused here, never across organisations. */
async function assertPhoneFree(tx: Tx, scope: Scope, phone: string, userId: string | null) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, scope.orgId)))
    .where(and(eq(users.phone, phone), userId ? ne(users.id, userId) : sql`true`))
    .limit(1);
  if (taken) {
    throw new AppError('conflict', 'phone_in_use', {
      detail: 'Someone else in this organisation signs in with this number.',
      errors: [{ field: 'phone', code: 'phone_in_use', message: 'Already used in this organisation' }],
    });
  }
}

/** A new user row with a random sign-in name; a clash (40 bits, so rare) draws again. */
async function createParticipantUser(tx: Tx, displayName: string, locale: Locale, now: Date) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = randomUUID();
    const signInName = newSignInName();
    const inserted = await tx
      .insert(users)
      .values({
        id,
        email: null,
        signInName,
        displayName,
        passwordHash: null,
        locale,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, signInName: users.signInName });
    if (inserted[0]) return { id, signInName };
  }
  throw new Error('could not draw a free sign-in name');
}

/**
 * Invite a participant to the portal, or print them a new sheet (decision
 * record 011). The first time creates their login — no email, a printed
 * sign-in name, a participant membership — and links it to the record. Every
 * time ends the unused codes of the previous sheet and draws new ones, shown
 * only in this answer. One transaction with its audit row (REL-01); the audit
 * names no phone number or code (AUD-05).
 */
export async function inviteToPortal(
  db: Db,
  clock: Clock,
  scope: Scope,
  participantId: string,
  input: z.output<typeof zPortalInvitationRequest>,
  meta: RequestMeta,
): Promise<CodeSheet> {
  const now = clock.now();
  const phone = phoneOf(input.phone);
  return db.transaction(async (tx) => {
    const p = await participantRow(tx, scope, participantId, { lock: true });
    if (!p) throw notFound('participant');
    let userId = p.userId;
    let signInName: string | null = null;
    const newAccount = !userId;
    if (userId) {
      const [member] = await tx
        .select({ u: users, m: memberships })
        .from(users)
        .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, scope.orgId)))
        .where(eq(users.id, userId))
        .limit(1);
      if (member?.m && (member.m.disabled || member.u.disabled)) {
        throw new AppError('conflict', 'portal_access_ended', {
          detail: "An administrator ended this person's access; only they can restore it.",
        });
      }
      if (member?.m && member.m.role !== 'participant') {
        throw new AppError('conflict', 'not_a_participant_login', {
          detail: 'This record is linked to a staff login.',
        });
      }
      if (!member?.m) {
        await tx
          .insert(memberships)
          .values({ orgId: scope.orgId, id: randomUUID(), userId, role: 'participant', createdAt: now });
      }
      signInName = member?.u.signInName ?? null;
      if (!signInName) {
        // A login made before sign-in names existed (say, by email) gets one now.
        for (let attempt = 0; attempt < 5 && !signInName; attempt++) {
          const candidate = newSignInName();
          const updated = await tx
            .update(users)
            .set({ signInName: candidate, updatedAt: now })
            .where(
              and(
                eq(users.id, userId),
                sql`not exists (select 1 from users u2 where u2.sign_in_name = ${candidate})`,
              ),
            )
            .returning({ id: users.id });
          if (updated[0]) signInName = candidate;
        }
      }
    } else {
      const created = await createParticipantUser(tx, p.displayName, input.locale, now);
      userId = created.id;
      signInName = created.signInName;
      await tx
        .insert(memberships)
        .values({ orgId: scope.orgId, id: randomUUID(), userId, role: 'participant', createdAt: now });
      await tx
        .update(participants)
        .set({ userId, updatedAt: now, version: sql`${participants.version} + 1` })
        .where(and(eq(participants.orgId, scope.orgId), eq(participants.id, participantId)));
    }
    if (phone) await assertPhoneFree(tx, scope, phone, userId);
    // The sheet's language becomes the portal's: the coordinator chose it for this person.
    await tx
      .update(users)
      .set({ locale: input.locale, ...(phone === undefined ? {} : { phone }), updatedAt: now })
      .where(eq(users.id, userId!));
    await tx
      .update(signInCodes)
      .set({ revokedAt: now })
      .where(
        and(
          eq(signInCodes.orgId, scope.orgId),
          eq(signInCodes.userId, userId!),
          isNull(signInCodes.usedAt),
          isNull(signInCodes.revokedAt),
        ),
      );
    const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS);
    const codes = Array.from({ length: input.codes }, () => newSignInCode());
    await tx.insert(signInCodes).values(
      codes.map((code) => ({
        orgId: scope.orgId,
        id: randomUUID(),
        userId: userId!,
        participantId,
        codeHash: hashCode(code),
        createdBy: scope.userId,
        createdAt: now,
        expiresAt,
      })),
    );
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'portal.invite',
        entityType: 'participant',
        entityId: participantId,
        subjectId: participantId,
        detail: {
          userId,
          newAccount,
          codes: codes.length,
          phone: phone === undefined ? 'unchanged' : phone ? 'set' : 'removed',
        },
      }),
      now,
    );
    const [u] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, userId!));
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, scope.orgId));
    return {
      participantId,
      displayName: p.displayName,
      orgName: org!.name,
      signInName: formatSignInName(signInName!),
      phone: u?.phone ?? null,
      locale: input.locale,
      codes: codes.map((c) => ({ code: formatCode(c), expiresAt: expiresAt.toISOString() })),
    };
  });
}

/** Whether and how a participant signs in — never the codes themselves. The read is audited (AUD-01). */
export async function portalAccess(
  db: Db,
  clock: Clock,
  scope: Scope,
  participantId: string,
  meta: RequestMeta,
): Promise<PortalAccess> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const p = await participantRow(tx, scope, participantId);
    if (!p) throw notFound('participant');
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'portal.access_read',
        entityType: 'participant',
        entityId: participantId,
        subjectId: participantId,
      }),
      now,
    );
    if (!p.userId) {
      return {
        participantId,
        invited: false,
        signInName: null,
        phone: null,
        locale: null,
        hasPassword: false,
        activeCodes: 0,
        codesExpireAt: null,
        disabled: false,
      };
    }
    const [row] = await tx
      .select({ u: users, m: memberships })
      .from(users)
      .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, scope.orgId)))
      .where(eq(users.id, p.userId))
      .limit(1);
    const active = await tx
      .select({ expiresAt: signInCodes.expiresAt })
      .from(signInCodes)
      .where(
        and(
          eq(signInCodes.orgId, scope.orgId),
          eq(signInCodes.userId, p.userId),
          isNull(signInCodes.usedAt),
          isNull(signInCodes.revokedAt),
          gt(signInCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(signInCodes.expiresAt));
    return {
      participantId,
      invited: true,
      signInName: row?.u.signInName ? formatSignInName(row.u.signInName) : null,
      phone: row?.u.phone ?? null,
      locale: (row?.u.locale ?? null) as Locale | null,
      hasPassword: row?.u.passwordHash != null,
      activeCodes: active.length,
      codesExpireAt: active[0]?.expiresAt.toISOString() ?? null,
      disabled: Boolean(row?.u.disabled || row?.m?.disabled || !row?.m),
    };
  });
}
