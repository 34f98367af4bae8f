import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaignChannels, campaignOutcomes, campaignOutcomeSources, campaignTools } from '../../lib/vocabulary';
import { accounts } from './accounts';
import { contacts } from './contacts';
import { users } from './users';

export const campaignChannelEnum = pgEnum('campaign_channel', campaignChannels);
export const campaignToolEnum = pgEnum('campaign_tool', campaignTools);
export const campaignOutcomeEnum = pgEnum('campaign_outcome', campaignOutcomes);
export const campaignOutcomeSourceEnum = pgEnum('campaign_outcome_source', campaignOutcomeSources);

/**
 * A tech-touch campaign (an onboarding step-email sequence, a monthly in-app
 * message, a product tour) sent by another tool or Touchplan's SMTP. Its
 * outcomes arrive by CSV import or the events API under `key`.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The campaign in the API's address: /api/v1/campaigns/{key}/events. */
    key: text().notNull(),
    name: text().notNull(),
    channel: campaignChannelEnum().notNull(),
    tool: campaignToolEnum().notNull(),
    /** The account list's filters as a query string (the shared audience filter). */
    audience: text().notNull().default(''),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    /** The event name (a mapped signal) that counts as the campaign's goal; null: no goal. */
    goalEvent: text(),
    goalWindowDays: smallint().notNull().default(14),
    version: integer().notNull().default(1),
    /** When its events last changed (recordCampaignEvents): the stored figures older than this are worked out again. */
    eventsChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('campaigns_key_key').on(t.key),
    check('campaigns_key_format', sql`${t.key} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('campaigns_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('campaigns_goal_window', sql`${t.goalWindowDays} between 1 and 365`),
  ],
);

/**
 * One outcome of a campaign for one contact (by email) or account, at one
 * time. `recipient` is the contact's email in lower case, else `account:<id>`:
 * with the campaign, outcome and time it is the key that makes importing the
 * same export twice change nothing.
 */
export const campaignEvents = pgTable(
  'campaign_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactId: integer().references(() => contacts.id, { onDelete: 'set null' }),
    recipient: text().notNull(),
    outcome: campaignOutcomeEnum().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    source: campaignOutcomeSourceEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_events_key').on(t.campaignId, t.recipient, t.outcome, t.occurredAt),
    // The funnel and conversion: per campaign, outcome and account.
    index('campaign_events_campaign_idx').on(t.campaignId, t.outcome, t.accountId, t.occurredAt),
    index('campaign_events_account_idx').on(t.accountId),
    index('campaign_events_contact_idx').on(t.contactId).where(sql`${t.contactId} is not null`),
  ],
);

/** Each CSV import of a campaign's export: what it added, what it had already, what it skipped. */
export const campaignImports = pgTable(
  'campaign_imports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    rows: integer().notNull(),
    added: integer().notNull(),
    duplicates: integer().notNull(),
    skipped: integer().notNull(),
    importedBy: integer().references(() => users.id),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_imports_campaign_idx').on(t.campaignId, t.importedAt)],
);

/**
 * A campaign's page figures as last worked out (funnel by tier, audience
 * size, goal conversion rows), under the stamp they were worked out for:
 * the campaign's version, when its events last changed, and the hour (goal
 * events and accounts move through the day). A page whose stamp differs
 * works them out again and stores them (lib/server/campaign-figures.ts).
 */
export const campaignStats = pgTable('campaign_stats', {
  campaignId: integer()
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  stamp: text().notNull(),
  figures: jsonb().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
