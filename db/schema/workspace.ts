import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, numeric, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { Closure } from '../../lib/scheduling/working-days';

// One row: a deployment serves one workspace.
export const workspaceSettings = pgTable(
  'workspace_settings',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    currency: text().notNull(),
    timeZone: text().notNull(),
    fiscalYearStartMonth: smallint().notNull().default(4),
    // Whose public holidays and weekend apply (ISO country code); null: the country of `timeZone`.
    holidayCountry: text(),
    // The workspace's own closed days (lib/scheduling/working-days.ts `Closure`); null: the country's defaults (Japan: the year-end closure).
    closedDays: jsonb().$type<Closure[]>(),
    // Days added to every playbook obligation's due date before it is late (README, Coverage rules).
    coverageGraceDays: smallint().notNull().default(0),
    // Unit economics (DOMAIN.md "Capacity and unit economics"), in the workspace currency:
    // the loaded cost of one CSM hour, and per tier the tooling cost per account per month.
    csmHourCost: numeric({ precision: 16, scale: 2 }).notNull().default('0'),
    tier1ToolingCost: numeric({ precision: 16, scale: 2 }).notNull().default('0'),
    tier2ToolingCost: numeric({ precision: 16, scale: 2 }).notNull().default('0'),
    tier3ToolingCost: numeric({ precision: 16, scale: 2 }).notNull().default('0'),
    // Cost to serve above this share of ARR (percent) is "high-touch on low value".
    costShareThresholdPct: numeric({ precision: 5, scale: 2 }).notNull().default('20'),
    // Usage events older than this many months are refused and their partitions dropped.
    eventRetentionMonths: smallint().notNull().default(13),
    // A CSM's pulse on an account counts for this many days after it is set.
    pulseDays: smallint().notNull().default(30),
    // Where alert rules' in-app nudges go (issue 14): a signed POST to the tool
    // that shows in-app messages or tours; null: no webhook. The secret signs
    // each body (HMAC-SHA256), so the receiver can tell the request is ours.
    techTouchWebhookUrl: text(),
    techTouchWebhookSecret: text(),
    // Set only by the demo seed, so re-seeding can tell a demo from real data.
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    check('workspace_settings_single_row', sql`${t.id} = 1`),
    check('workspace_settings_fy_month', sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check('workspace_settings_pulse_days', sql`${t.pulseDays} between 1 and 365`),
    check('workspace_settings_retention', sql`${t.eventRetentionMonths} between 1 and 60`),
    check('workspace_settings_grace_days', sql`${t.coverageGraceDays} between 0 and 90`),
    check('workspace_settings_costs', sql`${t.csmHourCost} >= 0 and ${t.tier1ToolingCost} >= 0 and ${t.tier2ToolingCost} >= 0 and ${t.tier3ToolingCost} >= 0`),
    check('workspace_settings_cost_share', sql`${t.costShareThresholdPct} > 0 and ${t.costShareThresholdPct} <= 100`),
  ],
);
