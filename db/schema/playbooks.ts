import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cadenceUnits, touchKinds, touchModels } from '../../lib/vocabulary';
import { campaigns } from './campaigns';
import { users } from './users';

export const touchModelEnum = pgEnum('touch_model', touchModels);
export const cadenceUnitEnum = pgEnum('cadence_unit', cadenceUnits);
// The kind of a touch in the ledger (touches.ts); declared here because playbook rules may require one.
export const touchKindEnum = pgEnum('touch_kind', touchKinds);

export const activityTypes = pgTable(
  'activity_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Set for the types the product ships with, so their default names can be
    // shown in each language; null for types an admin adds.
    key: text(),
    // An admin's own name; null shows the default name for `key`.
    name: text(),
    touchModel: touchModelEnum().notNull(),
    requiresExecutiveSponsor: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_types_key_key').on(t.key), check('activity_types_named', sql`${t.key} is not null or ${t.name} is not null`)],
);

export const playbookVersions = pgTable(
  'playbook_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    tier: smallint().notNull(),
    version: integer().notNull(),
    note: text(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('playbook_versions_tier_version_key').on(t.tier, t.version), check('playbook_versions_tier', sql`${t.tier} between 1 and 3`)],
);

export const playbookRules = pgTable(
  'playbook_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    playbookVersionId: integer()
      .notNull()
      .references(() => playbookVersions.id, { onDelete: 'cascade' }),
    position: smallint().notNull(),
    // What the rule asks for: an activity of this type, or any touch of this
    // kind in the ledger (exactly one, see the check below).
    activityTypeId: integer().references(() => activityTypes.id),
    touchKind: touchKindEnum(),
    // With touch kind campaign_delivered: only deliveries of this campaign
    // count ("the onboarding sequence delivered"); null: any campaign's.
    campaignId: integer().references(() => campaigns.id),
    every: smallint().notNull(),
    unit: cadenceUnitEnum().notNull(),
    // Hours per occurrence, preparation included; 0 for a one-to-many rule,
    // which owes an account no hours of its own.
    hours: numeric({ precision: 5, scale: 2 }).notNull(),
    bookAheadDays: smallint().notNull(),
  },
  (t) => [
    index('playbook_rules_version_idx').on(t.playbookVersionId),
    check('playbook_rules_every', sql`${t.every} between 1 and 365`),
    check('playbook_rules_hours', sql`${t.hours} >= 0 and ${t.hours} <= 100`),
    check('playbook_rules_target', sql`(${t.activityTypeId} is null) <> (${t.touchKind} is null)`),
    check('playbook_rules_campaign', sql`${t.campaignId} is null or ${t.touchKind} = 'campaign_delivered'`),
    check('playbook_rules_book_ahead', sql`${t.bookAheadDays} between 0 and 365`),
  ],
);
