import { sql } from 'drizzle-orm';
import type { AccountUpdate, NewAccount } from '@/lib/accounts/import-plan';
import { queryRows, type DbOrTx } from '../client';
import { accounts, importBatches, importRows, tierHistory } from '../schema';

// The SQL of an import written in short statements: a batch row holds the
// state (staging → applying → done, or failed) and the one-import-at-a-time
// lock; import_rows holds the planned rows until they are applied. Each
// function is one statement over a range of rows, so the caller decides how
// many rows a transaction holds.

export type Batch = {
  id: number;
  state: 'staging' | 'applying' | 'done' | 'failed';
  actorId: number | null;
  policyVersion: number;
  rows: number;
  appliedThrough: number;
  overtaken: number;
  audit: Record<string, unknown>;
};

const batchColumns = {
  id: importBatches.id,
  state: importBatches.state,
  actorId: importBatches.actorId,
  policyVersion: importBatches.policyVersion,
  rows: importBatches.rows,
  appliedThrough: importBatches.appliedThrough,
  overtaken: importBatches.overtaken,
  audit: importBatches.audit,
};

/** A running import (staging or applying) of the workspace, read without waiting for anyone. */
export async function activeBatch(db: DbOrTx): Promise<{ id: number } | undefined> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from ${importBatches} where state in ('staging', 'applying') limit 1`);
  return row;
}

/** Starts a batch; a unique violation (23505) means another import holds the workspace. */
export async function insertBatch(db: DbOrTx, values: { actorId: number; policyVersion: number; rows: number; audit: Record<string, unknown> }): Promise<number> {
  const [row] = await db.insert(importBatches).values(values).returning({ id: importBatches.id });
  return row!.id;
}

export async function findBatch(db: DbOrTx, id: number): Promise<Batch | undefined> {
  const [row] = await db.select(batchColumns).from(importBatches).where(sql`${importBatches.id} = ${id}`);
  return row as Batch | undefined;
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

/**
 * Stages rows from seq `first` on, in one statement (the rows travel as one
 * JSON parameter), and says whether any of them no longer holds: an account
 * to update saved by someone since the file was checked (or gone), or a new
 * account's domain or external id now taken.
 */
export async function stageRows(db: DbOrTx, batchId: number, first: number, rows: readonly StagedRow[]): Promise<{ conflict: boolean }> {
  if (!rows.length) return { conflict: false };
  const json = rows.map((r, i) =>
    isUpdate(r)
      ? { seq: first + i, account_id: r.id, version: r.version, from_tier: r.fromTier, tier_changed: r.tierChanged, row: stagedRow(r) }
      : { seq: first + i, tier_changed: false, domain: r.domain.toLowerCase(), external_id: r.externalId, row: stagedRow(r) },
  );
  const [result] = await queryRows<{ conflict: boolean }>(db, sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
        as r(seq int, account_id int, version int, from_tier smallint, tier_changed boolean, domain text, external_id text, row jsonb)
    ), moved as (
      update ${importBatches} set touched_at = now() where id = ${batchId}
    ), staged as (
      insert into ${importRows} (batch_id, seq, account_id, version, from_tier, tier_changed, domain, external_id, row)
      select ${batchId}, seq, account_id, version, from_tier, tier_changed, domain, external_id, row from input
    )
    select exists (
      select 1 from input r left join ${accounts} a on a.id = r.account_id
      where r.account_id is not null and (a.id is null or a.version <> r.version)
    ) or exists (
      select 1 from input r join ${accounts} a on lower(a.domain) = r.domain where r.account_id is null
    ) or exists (
      select 1 from input r join ${accounts} a on a.external_id = r.external_id where r.account_id is null
    ) as conflict`);
  return { conflict: result?.conflict ?? false };
}

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

export async function setBatchState(db: DbOrTx, batchId: number, state: Batch['state']): Promise<void> {
  await db.execute(sql`update ${importBatches} set state = ${state}, touched_at = now() where id = ${batchId}`);
}

/**
 * Applies staged rows [from, to) in one statement: inserts the new accounts,
 * updates the others where the version is still the one read, writes their
 * tier history, drops the staged rows and moves the batch's progress, all
 * or none (one statement).
 * Returns how many staged rows did not apply (a save overtook them).
 */
export async function applyStagedRows(db: DbOrTx, batch: Pick<Batch, 'id' | 'actorId' | 'policyVersion'>, from: number, to: number): Promise<number> {
  const [row] = await queryRows<{ missed: number }>(db, sql`
    with staged as (
      select r.account_id, r.version as staged_version, r.from_tier, r.tier_changed, p.name, p.domain, p.external_id, p.industry,
        p.employees, p.arr, p.gross_margin_pct, p.annual_churn_pct, p.growth_potential, p.churn_risk, p.lifecycle_stage,
        p.renewal_date, p.owner_id, p.notes, p.ltv, p.computed_tier, p.tier, p.tier_source, p.tier_reason
      from ${importRows} r, jsonb_populate_record(null::accounts, r.row) p
      where r.batch_id = ${batch.id} and r.seq >= ${from} and r.seq < ${to}
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
    ), consumed as (
      delete from ${importRows} where batch_id = ${batch.id} and seq >= ${from} and seq < ${to}
    ), counts as (
      select (select count(*) from staged) - (select count(*) from created) - (select count(*) from updated) as missed
    ), progress as (
      update ${importBatches} set applied_through = ${to}, overtaken = overtaken + (select missed from counts), touched_at = now()
      where id = ${batch.id}
    )
    select missed::int as missed from counts`);
  return row?.missed ?? 0;
}

/** Marks an applying batch done and returns it, once: a second caller gets nothing. */
export async function finishBatch(db: DbOrTx, batchId: number): Promise<Batch | undefined> {
  const [row] = await db
    .update(importBatches)
    .set({ state: 'done', touchedAt: sql`now()` })
    .where(sql`${importBatches.id} = ${batchId} and ${importBatches.state} = 'applying'`)
    .returning(batchColumns);
  return row as Batch | undefined;
}

/**
 * Running batches that have not moved for `staleSeconds`, claimed by moving
 * them now (skipping one whose row another transaction holds), so two
 * servers never recover the same batch.
 */
export async function claimStaleBatches(db: DbOrTx, staleSeconds: number): Promise<Batch[]> {
  return queryRows<Batch>(db, sql`
    update ${importBatches} b set touched_at = clock_timestamp()
    where b.id in (
      select id from ${importBatches}
      where state in ('staging', 'applying') and touched_at <= clock_timestamp() - make_interval(secs => ${staleSeconds})
      for update skip locked
    )
    returning b.id, b.state, b.actor_id as "actorId", b.policy_version as "policyVersion", b.rows,
      b.applied_through as "appliedThrough", b.overtaken, b.audit`);
}

/** Finished batches that still have staged rows (a cleanup was interrupted). */
export async function batchesToClear(db: DbOrTx): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    select b.id from ${importBatches} b
    where b.state in ('done', 'failed') and exists (select 1 from ${importRows} r where r.batch_id = b.id)`);
  return rows.map((r) => r.id);
}

/** Deletes up to `limit` staged rows of a finished batch; returns how many. */
export async function clearStagedRows(db: DbOrTx, batchId: number, limit: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    with gone as (
      delete from ${importRows} where batch_id = ${batchId}
        and seq in (select seq from ${importRows} where batch_id = ${batchId} order by seq limit ${limit})
      returning 1
    ) select count(*)::int as n from gone`);
  return row?.n ?? 0;
}
