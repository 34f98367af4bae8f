import { bigint, boolean, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { auditLog } from './audit';

// Sign-in throttling lives in the database so every app instance sees the
// same counts. One row per password check (throttled attempts are not
// checked, so an address or pair under lock adds nothing here); rows older
// than a day are dropped.
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    // The client address (lib/auth/client-address.ts); 'unknown' when it cannot be trusted.
    address: text().notNull().default('unknown'),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    succeeded: boolean().notNull(),
  },
  (t) => [
    index('sign_in_attempts_email_at_idx').on(t.email, t.at),
    index('sign_in_attempts_address_at_idx').on(t.address, t.at),
    index('sign_in_attempts_at_idx').on(t.at),
  ],
);

// Repeated failures (and throttled attempts) for one email from one address
// within 15 minutes of the first share one audit row whose count goes up, so a
// flood of guesses cannot flood the audit log. This maps the window to its row.
export const signInAuditWindows = pgTable(
  'sign_in_audit_windows',
  {
    action: text().notNull(),
    email: text().notNull(),
    address: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    auditId: bigint({ mode: 'number' })
      .notNull()
      .references(() => auditLog.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.action, t.email, t.address, t.windowStart] }),
    index('sign_in_audit_windows_start_idx').on(t.windowStart),
  ],
);
