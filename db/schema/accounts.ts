import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { levels, lifecycleStages, overrideRequestStatuses, tierChangeKinds, tierSources } from '../../lib/vocabulary';
import { users } from './users';

export const levelEnum = pgEnum('level', levels);
export const lifecycleStageEnum = pgEnum('lifecycle_stage', lifecycleStages);
export const tierSourceEnum = pgEnum('tier_source', tierSources);

// Storage: fillfactor 50 (migration 0003; drizzle cannot declare it), so
// re-tiering, which rewrites nearly every row, updates rows in place (HOT).
export const accounts = pgTable(
  'accounts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    domain: text().notNull(),
    externalId: text(),
    industry: text(),
    employees: integer(),
    // Money is exact: numeric, read as a string, never a float.
    arr: numeric({ precision: 16, scale: 2 }),
    grossMarginPct: numeric({ precision: 5, scale: 2 }),
    annualChurnPct: numeric({ precision: 5, scale: 2 }),
    growthPotential: levelEnum(),
    churnRisk: levelEnum(),
    lifecycleStage: lifecycleStageEnum().notNull().default('onboarding'),
    renewalDate: date({ mode: 'string' }),
    /** The workspace day the lifecycle stage last became onboarding (kept by a trigger); null: since creation. */
    onboardingStartedOn: date({ mode: 'string' }),
    ownerId: integer().references(() => users.id),
    notes: text(),
    // Lower-cased copies for the account search: LIKE on these matches what
    // ILIKE on name and domain matches, without lower-casing every row per search.
    nameLower: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(name)`),
    domainLower: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(domain)`),
    // Derived, kept in the same transaction as every input change.
    ltv: numeric({ precision: 20, scale: 0 }),
    computedTier: smallint().notNull(),
    tier: smallint().notNull(),
    tierSource: tierSourceEnum().notNull().default('computed'),
    tierReason: jsonb().notNull(),
    overrideTier: smallint(),
    overrideReason: text(),
    overrideUntil: date({ mode: 'string' }),
    overrideBy: integer().references(() => users.id),
    overrideAt: timestamp({ withTimezone: true }),
    // Derived from activities (db/queries/touches.ts), in the same transaction
    // as every activity write: the earliest planned one and the latest done one.
    nextTouchAt: timestamp({ withTimezone: true }),
    lastTouchAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('accounts_domain_lower_key').on(sql`lower(${t.domain})`),
    uniqueIndex('accounts_external_id_key').on(t.externalId),
    // Owner and tier: a book's accounts, and the books by tier (capacity) from the index alone.
    index('accounts_owner_idx').on(t.ownerId, t.tier),
    index('accounts_tier_idx').on(t.tier),
    index('accounts_name_lower_idx').on(sql`lower(${t.name})`),
    index('accounts_arr_idx').on(t.arr),
    index('accounts_ltv_idx').on(t.ltv),
    index('accounts_renewal_idx').on(t.renewalDate),
    // The list sorts descending with nulls last; an ascending index read
    // backwards gives nulls first, so those sorts need their own.
    index('accounts_name_lower_desc_idx').on(sql`lower(${t.name}) desc nulls last`),
    index('accounts_arr_desc_idx').on(t.arr.desc().nullsLast()),
    index('accounts_ltv_desc_idx').on(t.ltv.desc().nullsLast()),
    index('accounts_renewal_desc_idx').on(t.renewalDate.desc().nullsLast()),
    index('accounts_next_touch_idx').on(t.nextTouchAt),
    index('accounts_next_touch_desc_idx').on(t.nextTouchAt.desc().nullsLast()),
    index('accounts_last_touch_idx').on(t.lastTouchAt),
    index('accounts_last_touch_desc_idx').on(t.lastTouchAt.desc().nullsLast()),
    index('accounts_override_until_idx').on(t.overrideUntil),
    check('accounts_tiers', sql`${t.tier} between 1 and 3 and ${t.computedTier} between 1 and 3 and (${t.overrideTier} is null or ${t.overrideTier} between 1 and 3)`),
    check('accounts_pcts', sql`${t.grossMarginPct} between 0 and 100 and ${t.annualChurnPct} between 0 and 100`),
  ],
);

export const tierPolicies = pgTable('tier_policies', {
  version: integer().primaryKey(),
  tier1Threshold: numeric({ precision: 20, scale: 0 }).notNull(),
  tier2Threshold: numeric({ precision: 20, scale: 0 }).notNull(),
  lifetimeCapYears: numeric({ precision: 4, scale: 1 }).notNull(),
  raiseForGrowth: boolean().notNull(),
  raiseForChurnRisk: boolean().notNull(),
  note: text(),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const tierChangeKindEnum = pgEnum('tier_change_kind', tierChangeKinds);

export const tierHistory = pgTable(
  'tier_history',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    kind: tierChangeKindEnum().notNull(),
    fromTier: smallint(),
    toTier: smallint().notNull(),
    // Structured, so it reads in the viewer's language.
    reason: jsonb().notNull(),
    policyVersion: integer(),
  },
  (t) => [index('tier_history_account_idx').on(t.accountId, t.at)],
);

export const overrideRequestStatusEnum = pgEnum('override_request_status', overrideRequestStatuses);

export const tierOverrideRequests = pgTable(
  'tier_override_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedTier: smallint().notNull(),
    reason: text().notNull(),
    until: date({ mode: 'string' }),
    status: overrideRequestStatusEnum().notNull().default('pending'),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tier_override_requests_status_idx').on(t.status, t.createdAt), index('tier_override_requests_account_idx').on(t.accountId)],
);
