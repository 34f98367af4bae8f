import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contactLanguages, contactRoles } from '../../lib/vocabulary';
import { accounts } from './accounts';
import { users } from './users';

export const contactRoleEnum = pgEnum('contact_role', contactRoles);
export const contactLanguageEnum = pgEnum('contact_language', contactLanguages);

// The people at an account. An email belongs to one contact in the
// workspace (compared case-insensitively), so an attendee report or a
// campaign export matches one person.
export const contacts = pgTable(
  'contacts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    title: text(),
    roles: contactRoleEnum().array().notNull().default(sql`'{}'`),
    // null: the workspace's language.
    language: contactLanguageEnum(),
    // Opted out of program and content emails (invitations, shares).
    noProgramEmails: boolean().notNull().default(false),
    notes: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('contacts_email_lower_key').on(sql`lower(${t.email})`),
    index('contacts_account_idx').on(t.accountId, t.name),
    check('contacts_email_shape', sql`position('@' in ${t.email}) > 1`),
  ],
);
