import { sql, type SQL } from 'drizzle-orm';
import type { AccountUpdate, ExistingAccount, NewAccount, Owner } from '@/lib/accounts/import-plan';
import { queryRows, type DbOrTx } from '../client';
import { detailColumns } from './accounts';
import { appliedRange, stagedRange, type Batch, type StagedJson } from './import-batches';
import { chunks, inList, keyBatchSize } from './key-lists';
import { accounts, importBatches, importRows, tierHistory, users } from '../schema';

// The CSV import's own SQL for accounts: the accounts and owners a file
// refers to, a few thousand keys per query; and what staging, checking and
// applying a staged account mean (the batch around them is import-batches.ts).

// What matching and change detection need: the account as the detail page reads it.
const existingColumns = detailColumns;

/**
 * The accounts whose external id or domain (any case) appears in the file,
 * a few thousand keys per query. Nothing is locked: each update applies only
 * if the account still has the version read here (see updateAccounts).
 */
export async function loadMatchingAccounts(
  db: DbOrTx,
  keys: { externalIds: readonly string[]; domains: readonly string[] },
): Promise<ExistingAccount[]> {
  const found = new Map<number, ExistingAccount>();
  const load = async (where: SQL) => {
    for (const row of await db.select(existingColumns).from(accounts).where(where)) found.set(row.id, row);
  };
  for (const ids of chunks(keys.externalIds, keyBatchSize)) await load(inList(sql`${accounts.externalId}`, ids));
  for (const domains of chunks(keys.domains, keyBatchSize)) await load(inList(sql`lower(${accounts.domain})`, domains));
  return [...found.values()];
}

/** The users named as owners in the file, whatever their role or state: the plan says what is wrong with each. */
export async function loadOwners(db: DbOrTx, emails: readonly string[]): Promise<Owner[]> {
  if (!emails.length) return [];
  return db
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(inList(sql`lower(${users.email})`, emails));
}

// The account's columns an import writes, by their SQL names.
function stagedRow(r: NewAccount | AccountUpdate) {
  return {
    name: r.name,
    domain: r.domain,
    external_id: r.externalId,
    industry: r.industry,
    employees: r.employees,
    arr: r.arr,
    gross_margin_pct: r.grossMarginPct,
    annual_churn_pct: r.annualChurnPct,
    growth_potential: r.growthPotential,
    churn_risk: r.churnRisk,
    lifecycle_stage: r.lifecycleStage,
    renewal_date: r.renewalDate,
    owner_id: r.ownerId,
    notes: 'notes' in r ? r.notes : undefined,
    ltv: r.ltv,
    computed_tier: r.computedTier,
    tier: r.tier,
    tier_source: r.tierSource,
    tier_reason: r.tierReason,
  };
}

export type StagedRow = NewAccount | AccountUpdate;
const isUpdate = (r: StagedRow): r is AccountUpdate => 'id' in r;

/** A planned account as the batch stages it. */
export function stagedAccount(r: StagedRow): StagedJson {
  return isUpdate(r)
    ? { account_id: r.id, version: r.version, from_tier: r.fromTier, tier_changed: r.tierChanged, row: stagedRow(r) }
    : { account_id: null, domain: r.domain.toLowerCase(), external_id: r.externalId, row: stagedRow(r) };
}

/**
 * Whether a chunk being staged (the CTE `input`) no longer holds: an account
 * to update saved by someone since the file was checked (or gone), or a new
 * account's domain or external id now taken.
 */
export const accountStagingConflict = sql`
  exists (
    select 1 from input r left join ${accounts} a on a.id = r.account_id
    where r.account_id is not null and (a.id is null or a.version <> r.version)
  ) or exists (
    select 1 from input r join ${accounts} a on lower(a.domain) = r.domain where r.account_id is null
  ) or exists (
    select 1 from input r join ${accounts} a on a.external_id = r.external_id where r.account_id is null
  )`;

type Changed = { id: number; version: number; domain: string; external_id: string | null };

/** More accounts written since staging began than are worth looking up one by one: check every staged row. */
const changedLookupLimit = 1000;

/**
 * Whether an account written since the batch began clashes with a staged
 * row: a newer version of an account to update, or a new account's domain
 * or external id. Each chunk was checked as it was staged, so only accounts
 * written since matter, and PostgreSQL marks those: a row's xmin is the
 * transaction that wrote it, and age() orders transactions (a frozen row
 * counts as the oldest). Those few accounts are then looked up in the staged
 * rows' indexes: reading every staged row took 0.5 s on the embedded
 * database, where this transaction holds the only connection. (Accounts are
 * never deleted; applying counts a row it cannot update anyway.)
 */
export async function changedSinceStaged(db: DbOrTx, batchId: number, lookupLimit = changedLookupLimit): Promise<boolean> {
  const changed = await queryRows<Changed>(db, sql`
    select a.id, a.version, lower(a.domain) as domain, a.external_id
    from ${accounts} a, ${importBatches} b
    where b.id = ${batchId} and age(a.xmin) <= age(b.since_xact::xid)
    limit ${lookupLimit + 1}`);
  if (!changed.length) return false;
  const source = changed.length > lookupLimit
    ? sql`select id, version, lower(domain) as domain, external_id from ${accounts}`
    : sql`select * from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as c(id int, version int, domain text, external_id text)`;
  const [row] = await queryRows<{ conflict: boolean }>(db, sql`
    with changed as (${source})
    select exists (
      select 1 from changed c join ${importRows} r on r.batch_id = ${batchId} and r.account_id = c.id where r.version <> c.version
    ) or exists (
      select 1 from changed c join ${importRows} r on r.batch_id = ${batchId} and r.domain = c.domain
    ) or exists (
      select 1 from changed c join ${importRows} r on r.batch_id = ${batchId} and r.external_id = c.external_id
    ) as conflict`);
  return row?.conflict ?? false;
}

/**
 * Applies staged rows [from, to) in one statement: inserts the new accounts,
 * updates the others where the version is still the one read, writes their
 * tier history, drops the staged rows and moves the batch's progress, all
 * or none (one statement).
 * Returns how many staged rows did not apply (a save overtook them).
 */
export async function applyStagedAccounts(db: DbOrTx, batch: Pick<Batch, 'id' | 'actorId' | 'policyVersion'>, from: number, to: number): Promise<number> {
  const [row] = await queryRows<{ missed: number }>(db, sql`
    with staged as (
      select r.account_id, r.version as staged_version, r.from_tier, r.tier_changed, p.name, p.domain, p.external_id, p.industry,
        p.employees, p.arr, p.gross_margin_pct, p.annual_churn_pct, p.growth_potential, p.churn_risk, p.lifecycle_stage,
        p.renewal_date, p.owner_id, p.notes, p.ltv, p.computed_tier, p.tier, p.tier_source, p.tier_reason
      from ${importRows} r, jsonb_populate_record(null::accounts, r.row) p
      where ${stagedRange(batch.id, from, to)}
    ), created as (
      insert into ${accounts} (name, domain, external_id, industry, employees, arr, gross_margin_pct, annual_churn_pct,
        growth_potential, churn_risk, lifecycle_stage, renewal_date, owner_id, notes, ltv, computed_tier, tier, tier_source, tier_reason)
      select name, domain, external_id, industry, employees, arr, gross_margin_pct, annual_churn_pct,
        growth_potential, churn_risk, lifecycle_stage, renewal_date, owner_id, notes, ltv, computed_tier, tier, tier_source, tier_reason
      from staged where account_id is null
      on conflict do nothing
      returning id, tier, tier_reason
    ), updated as (
      update ${accounts} a set name = s.name, domain = s.domain, external_id = s.external_id, industry = s.industry,
        employees = s.employees, arr = s.arr, gross_margin_pct = s.gross_margin_pct, annual_churn_pct = s.annual_churn_pct,
        growth_potential = s.growth_potential, churn_risk = s.churn_risk, lifecycle_stage = s.lifecycle_stage,
        renewal_date = s.renewal_date, owner_id = s.owner_id, ltv = s.ltv, computed_tier = s.computed_tier, tier = s.tier,
        tier_source = s.tier_source, tier_reason = s.tier_reason, version = a.version + 1, updated_at = now()
      from staged s
      where s.account_id is not null and a.id = s.account_id and a.version = s.staged_version
      returning a.id, s.from_tier, s.tier_changed, a.tier, a.tier_reason
    ), history as (
      insert into ${tierHistory} (account_id, actor_id, kind, from_tier, to_tier, reason, policy_version)
      select id, ${batch.actorId}::int, 'import'::tier_change_kind, null::smallint, tier, tier_reason, ${batch.policyVersion}::int from created
      union all
      select id, ${batch.actorId}::int, 'import'::tier_change_kind, from_tier, tier, tier_reason, ${batch.policyVersion}::int from updated where tier_changed
    ), ${appliedRange(batch.id, from, to)}`);
  return row?.missed ?? 0;
}

