import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { roles } from '../../lib/vocabulary';

export const roleEnum = pgEnum('role', roles);

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    // null: follow the browser's language / the workspace time zone.
    locale: text(),
    timeZone: text(),
    capacityHours: integer().notNull().default(110),
    // A daily email of new and due tasks at 08:00 in the user's time zone (when SMTP is set), and the last day it went.
    digestEmail: boolean().notNull().default(false),
    digestSentOn: date({ mode: 'string' }),
    // Copied into the session token at sign-in; bumping it revokes every
    // session of this user on their next request.
    sessionVersion: integer().notNull().default(1),
    // Optimistic-concurrency check for edits.
    version: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_capacity_hours_range', sql`${t.capacityHours} between 0 and 744`),
  ],
);

// Sessions signed out before they expired: a copied cookie, and every token
// renewed from it, stops working at sign-out, not only when it expires. Rows
// are dropped once past expiry. Keyed by the session id (the token's `sid`
// claim, or the `jti` of a token from before sids; the column keeps its
// first name, `jti`).
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text('jti').primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
