import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { participants } from './people';
import { users } from './users';

/**
 * One-time sign-in codes a coordinator prints for a participant (decision record
 * 011). Only the SHA-256 of the code is kept: a code carries 80 random bits, so a
 * slow hash adds nothing, and a database leak hands out no logins. A code works
 * once (`used_at`), until it expires, and not after a newer sheet replaced it
 * (`revoked_at`).
 */
export const signInCodes = pgTable(
  'sign_in_codes',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    participantId: uuid('participant_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    // Sign-in knows only the code, not the organisation: the hash is looked up platform-wide.
    uniqueIndex('sign_in_codes_hash_key').on(t.codeHash),
    index('sign_in_codes_org_user').on(t.orgId, t.userId),
    check('sign_in_codes_expiry', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);
