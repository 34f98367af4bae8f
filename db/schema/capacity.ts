import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

// A person's time away (leave, training, a conference): the working days from
// `fromDate` to `toDate` inclusive, `hoursPerDay` of each, come off the hours
// they have for their book that month (lib/capacity/time-off.ts).
export const timeOff = pgTable(
  'time_off',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }).notNull(),
    hoursPerDay: numeric({ precision: 4, scale: 2 }).notNull().default('8'),
    note: text(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('time_off_user_idx').on(t.userId, t.fromDate),
    check('time_off_dates', sql`${t.toDate} >= ${t.fromDate} and ${t.toDate} <= ${t.fromDate} + 366`),
    check('time_off_hours', sql`${t.hoursPerDay} > 0 and ${t.hoursPerDay} <= 24`),
  ],
);
