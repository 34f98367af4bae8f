import { sql, type SQL } from 'drizzle-orm';
import type { AccountUpdate, ExistingAccount, NewAccount, Owner } from '@/lib/accounts/import-plan';
import { databaseUrl } from '@/lib/env';
import { queryRows, type DbOrTx } from '../client';
import { detailColumns } from './accounts';
import { accounts, users } from '../schema';
import { insertTierHistory, type TierHistoryEntry } from './tier-history';

// The database side of the CSV import: the accounts and owners a file refers
// to, and set-based writes in batches, so 10,000 rows are a few dozen
// statements, not 10,000. The embedded database runs SQL on Node's main
// thread, where a 1,000-row batch held it for about a second (100,000
// accounts, 18 indexes): there batches are 200 rows. A server takes 1,000.

export const importBatchSize = () => (databaseUrl() ? 1000 : 200);
/** Keys per matching query: about 50 ms each on the embedded database. */
const keyBatchSize = 2000;

/** An update found the account changed since the file was checked: the import must be checked again. */
export class ImportConflict extends Error {}

function chunks<T>(items: readonly T[], size = importBatchSize()): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `expr in (the strings)`, with the whole list as one JSON parameter: the number of keys does not matter. */
const inList = (expr: SQL, values: readonly string[]) => sql`${expr} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

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

/** One import at a time: two files creating the same domain would otherwise race to the unique index. */
export async function lockImports(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('touchplan:account-import'))`);
}

async function insertAccounts(db: DbOrTx, rows: readonly NewAccount[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(rows)) {
    const inserted = await db
      .insert(accounts)
      .values(
        batch.map((r) => ({
          name: r.name,
          domain: r.domain,
          externalId: r.externalId,
          industry: r.industry,
          employees: r.employees,
          arr: r.arr,
          grossMarginPct: r.grossMarginPct,
          annualChurnPct: r.annualChurnPct,
          growthPotential: r.growthPotential,
          churnRisk: r.churnRisk,
          lifecycleStage: r.lifecycleStage,
          renewalDate: r.renewalDate,
          ownerId: r.ownerId,
          notes: r.notes,
          ltv: r.ltv,
          computedTier: r.computedTier,
          tier: r.tier,
          tierSource: r.tierSource,
          tierReason: r.tierReason,
        })),
      )
      .returning({ id: accounts.id, domain: accounts.domain });
    for (const row of inserted) ids.set(row.domain, row.id);
  }
  return ids;
}

// Every value cast, so PostgreSQL knows each column's type from the VALUES list alone.
function updateValues(r: AccountUpdate): SQL {
  return sql`(${r.id}::int, ${r.version}::int, ${r.name}::text, ${r.domain}::text, ${r.externalId}::text, ${r.industry}::text, ${r.employees}::int,
    ${r.arr}::numeric, ${r.grossMarginPct}::numeric, ${r.annualChurnPct}::numeric, ${r.growthPotential}::level, ${r.churnRisk}::level,
    ${r.lifecycleStage}::lifecycle_stage, ${r.renewalDate}::date, ${r.ownerId}::int, ${r.ltv}::numeric, ${r.computedTier}::smallint,
    ${r.tier}::smallint, ${r.tierSource}::tier_source, ${JSON.stringify(r.tierReason)}::jsonb)`;
}

async function updateAccounts(db: DbOrTx, rows: readonly AccountUpdate[]): Promise<void> {
  for (const batch of chunks(rows)) {
    const updated = await queryRows<{ id: number }>(db, sql`
      update ${accounts} a set name = v.name, domain = v.domain, external_id = v.external_id, industry = v.industry,
        employees = v.employees, arr = v.arr, gross_margin_pct = v.gross_margin_pct, annual_churn_pct = v.annual_churn_pct,
        growth_potential = v.growth_potential, churn_risk = v.churn_risk, lifecycle_stage = v.lifecycle_stage,
        renewal_date = v.renewal_date, owner_id = v.owner_id, ltv = v.ltv, computed_tier = v.computed_tier, tier = v.tier,
        tier_source = v.tier_source, tier_reason = v.tier_reason, version = a.version + 1, updated_at = now()
      from (values ${sql.join(batch.map(updateValues), sql`, `)}) as v(id, version, name, domain, external_id, industry, employees,
        arr, gross_margin_pct, annual_churn_pct, growth_potential, churn_risk, lifecycle_stage, renewal_date, owner_id,
        ltv, computed_tier, tier, tier_source, tier_reason)
      where a.id = v.id and a.version = v.version
      returning a.id`);
    // Someone saved one of these accounts after the file was checked: its plan is stale.
    if (updated.length !== batch.length) throw new ImportConflict();
  }
}

/**
 * Writes a planned import: new accounts, changed accounts, and a tier
 * history row (kind "import") for each new account and each account whose
 * tier or computed tier moves. Call inside the import's transaction.
 */
export async function writeImport(
  db: DbOrTx,
  plan: { creates: readonly NewAccount[]; updates: readonly AccountUpdate[] },
  ctx: { actorId: number; policyVersion: number },
): Promise<void> {
  const ids = await insertAccounts(db, plan.creates);
  await updateAccounts(db, plan.updates);
  const entry = (accountId: number, fromTier: number | null, r: NewAccount | AccountUpdate): TierHistoryEntry => ({
    accountId,
    actorId: ctx.actorId,
    kind: 'import',
    fromTier,
    toTier: r.tier,
    reason: r.tierReason,
    policyVersion: ctx.policyVersion,
  });
  const history = [
    ...plan.creates.map((r) => entry(ids.get(r.domain)!, null, r)),
    ...plan.updates.filter((r) => r.tierChanged).map((r) => entry(r.id, r.fromTier, r)),
  ];
  for (const batch of chunks(history)) await insertTierHistory(db, batch);
}
