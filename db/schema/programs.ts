import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { invitationStatuses, programTouchModels } from '../../lib/vocabulary';
import { accounts } from './accounts';
import { contactLanguageEnum, contacts } from './contacts';
import { contentEmailStatusEnum } from './content';
import { users } from './users';

// One-to-many and community touches: webinars, study sessions, workshops,
// office hours, user groups. A program has sessions; each invited contact
// has an invitation to one session, with its own public link.

// A type of its own rather than touch_model: a migration cannot use an enum
// value added earlier in the same transaction, and 'community' was.
export const programTouchModelEnum = pgEnum('program_touch_model', programTouchModels);

// Built-in kinds have a `key` (names in each language); admins add their own with a `name`.
export const programKinds = pgTable(
  'program_kinds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    key: text(),
    name: text(),
    // low (one-to-many) or community: which touch model its touches count as.
    touchModel: programTouchModelEnum().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('program_kinds_key_key').on(t.key),
    check('program_kinds_named', sql`${t.key} is not null or ${t.name} is not null`),
  ],
);

export const programs = pgTable(
  'programs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kindId: integer()
      .notNull()
      .references(() => programKinds.id),
    title: text().notNull(),
    description: text(),
    language: contactLanguageEnum(),
    // The tiers it is meant for (1–3); empty = any.
    tiers: smallint().array().notNull().default(sql`'{}'`),
    archived: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index('programs_kind_idx').on(t.kindId)],
);

// The people who run a program; a session's hours count once against each host's capacity.
export const programHosts = pgTable(
  'program_hosts',
  {
    programId: integer()
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.programId, t.userId] }), index('program_hosts_user_idx').on(t.userId)],
);

export const programSessions = pgTable(
  'program_sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programId: integer()
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    // The zone the session was planned in: its time shows there, and an attendee report's times without an offset are read there.
    timeZone: text().notNull(),
    durationMinutes: smallint().notNull(),
    onlineUrl: text(),
    venue: text(),
    // Seats; null = no limit. Registrations past it wait in line.
    capacity: integer(),
    preparationHours: numeric({ precision: 5, scale: 2 }).notNull().default('0'),
    cancelled: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('program_sessions_program_idx').on(t.programId, t.startsAt),
    index('program_sessions_starts_idx').on(t.startsAt),
    check('program_sessions_duration', sql`${t.durationMinutes} between 5 and 1440`),
    check('program_sessions_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

export const invitationStatusEnum = pgEnum('invitation_status', invitationStatuses);

// One contact invited to one session. The token is the invitee's public
// link (register, decline, .ics, unsubscribe); kept as is because the link
// is sent again (reminders, the mail-merge file). account_id is the
// contact's account when invited, so touches and funnels by tier are one join.
export const programInvitations = pgTable(
  'program_invitations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer()
      .notNull()
      .references(() => programSessions.id, { onDelete: 'cascade' }),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    token: text().notNull(),
    status: invitationStatusEnum().notNull().default('invited'),
    invitedBy: integer().references(() => users.id),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When they registered (or joined the waitlist): the waitlist is promoted in this order.
    registeredAt: timestamp({ withTimezone: true }),
    respondedAt: timestamp({ withTimezone: true }),
    attendedMinutes: integer(),
    emailStatus: contentEmailStatusEnum().notNull().default('not_sent'),
    emailError: text(),
    emailedAt: timestamp({ withTimezone: true }),
    // The reminder before the session, sent once per invitation: queued by
    // the host's "Send reminder" or by the day-before sweep; reminded_at is
    // set when a job takes it to send, before sending, so a retried job never
    // sends it again (one cut off mid-send is marked failed, not resent).
    reminderStatus: contentEmailStatusEnum().notNull().default('not_sent'),
    reminderError: text(),
    remindedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('program_invitations_token_key').on(t.token),
    uniqueIndex('program_invitations_session_contact_key').on(t.sessionId, t.contactId),
    index('program_invitations_session_status_idx').on(t.sessionId, t.status),
    index('program_invitations_account_idx').on(t.accountId),
    index('program_invitations_contact_idx').on(t.contactId),
  ],
);

// An attendee report imported for a session: the same file again (same
// digest) changes nothing; the summary is what the import page showed.
export const attendanceImports = pgTable(
  'attendance_imports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer()
      .notNull()
      .references(() => programSessions.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    sha256: text().notNull(),
    summary: jsonb().notNull(),
    importedBy: integer().references(() => users.id),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attendance_imports_session_idx').on(t.sessionId, t.importedAt)],
);

// People in a report matched to no contact and no account's domain: listed
// on the session until someone resolves them by hand (links them to a
// contact, or dismisses them).
export const unmatchedAttendees = pgTable(
  'unmatched_attendees',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer()
      .notNull()
      .references(() => programSessions.id, { onDelete: 'cascade' }),
    importId: integer().references(() => attendanceImports.id, { onDelete: 'set null' }),
    name: text().notNull(),
    email: text(),
    minutes: integer().notNull().default(0),
    // No contact has the email, but this account has its domain: offered as a new contact there.
    accountId: integer().references(() => accounts.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('unmatched_attendees_session_person_key').on(t.sessionId, sql`lower(coalesce(${t.email}, ${t.name}))`)],
);
