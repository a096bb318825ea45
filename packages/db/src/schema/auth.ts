import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { users } from './users';

/**
 * Logins, named so because the mentoring log is `contacts`: nothing in Tandem is
 * called just "session". The cookie carries a 256-bit random token; only its
 * SHA-256 is stored, so a database leak does not hand out live logins.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    /**
     * How this login was proven: a password, or a printed one-time code. A fresh
     * code login may choose a password without knowing an old one (decision record 011).
     */
    method: text('method').notNull().default('password'),
  },
  (t) => [check('auth_sessions_method', sql`${t.method} in ('password', 'code')`)],
);

/**
 * Failed-login counters per account and per client address (AUTH-03). Keyed by the
 * typed email even when no such user exists, so lockout behaves the same for
 * unknown addresses and cannot be used to find out who has an account (AUTH-05).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Platform secrets generated at first start when none is configured (cursor signing). */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/**
 * CRY-01: one data key per organisation, stored only wrapped (AES-256-GCM) by the
 * master key from the environment. Destroying an organisation's row makes its
 * encrypted fields unreadable (crypto-shredding at offboarding, CRY-03).
 */
export const orgKeys = pgTable('org_keys', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  wrappedKey: text('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
