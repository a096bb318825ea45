import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant. Every other tenant table carries `org_id` and leads its keys with it (TEN, Citus-ready). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** 'standard' locks out for 15 min after 5 failures; 'strict' (Danish clause) until an admin unlocks (AUTH-03). */
    authPolicy: text('auth_policy').notNull().default('standard'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisations_auth_policy', sql`${t.authPolicy} in ('standard', 'strict')`)],
);

export const sites = pgTable(
  'sites',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
