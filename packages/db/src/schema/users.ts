import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, sites } from './organisations';

/**
 * A person who can sign in. Not a tenant row: one person may hold different roles
 * in different organisations, through `memberships`. Staff sign in by email; a
 * participant invited to the portal may have no email at all and signs in with
 * the printed sign-in name or a phone number, and a password or a one-time code
 * (decision record 011).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased; unique across the platform. Null for a participant invited without one. */
    email: text('email'),
    /**
     * A participant's printed sign-in name (8 characters, letter first, stored
     * without the dash): random, so it tells nothing about the person, and unique.
     */
    signInName: text('sign_in_name'),
    /**
     * E.164 phone number a participant may sign in with. Not unique across the
     * platform: refusing a number another organisation uses would tell this one
     * that the person is someone's participant (AUTH-05). Unique per organisation
     * (checked when inviting); sign-in tries the few accounts that carry it.
     */
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string (AUTH-01); null until a participant chooses a password. */
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_sign_in_name_key').on(t.signInName),
    index('users_phone').on(t.phone),
    check('users_identifier', sql`${t.email} is not null or ${t.signInName} is not null`),
    check('users_sign_in_name', sql`${t.signInName} ~ '^[A-Z][0-9A-Z]{7}$'`),
    check('users_phone', sql`${t.phone} ~ '^[+][1-9][0-9]{6,14}$'`),
    check('users_locale', sql`${t.locale} in ('en', 'he', 'ar', 'da', 'lv')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    siteId: uuid('site_id'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // One role per person per organisation; a second role means a second organisation.
    uniqueIndex('memberships_org_user_key').on(t.orgId, t.userId),
    foreignKey({ columns: [t.orgId, t.siteId], foreignColumns: [sites.orgId, sites.id] }),
    check(
      'memberships_role',
      sql`${t.role} in ('admin', 'coordinator', 'mentor', 'committee', 'evaluator', 'participant')`,
    ),
  ],
);
