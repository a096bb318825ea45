import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
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
 * in different organisations, through `memberships`.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased; unique across the platform. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string (AUTH-01). */
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('en'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
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
