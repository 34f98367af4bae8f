import { bigint, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Sign-in throttling lives in the database so every app instance sees the
// same counts.
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    succeeded: boolean().notNull(),
  },
  (t) => [index('sign_in_attempts_email_at_idx').on(t.email, t.at), index('sign_in_attempts_at_idx').on(t.at)],
);
