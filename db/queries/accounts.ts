import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accountPageSize, type AccountFilters, type HealthFilter, type SortKey } from '@/lib/accounts/filters';
import { queryRows, type DbOrTx } from '../client';
import { accountHealth, accounts, users } from '../schema';
import { bookOwnerRole } from '@/lib/vocabulary';

const owner = alias(users, 'owner');

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function accountWhere(f: AccountFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  // x ILIKE p is lower(x) LIKE lower(p); the lower-cased columns are stored, so only the pattern is lowered per search.
  if (f.q) {
    const pattern = sql`lower(${likePattern(f.q)})`;
    parts.push(or(like(accounts.nameLower, pattern), like(accounts.domainLower, pattern)));
  }
  if (f.tiers?.length) parts.push(inArray(accounts.tier, f.tiers));
  if (f.ownerId === 'none') parts.push(isNull(accounts.ownerId));
  else if (f.ownerId) parts.push(eq(accounts.ownerId, f.ownerId));
  if (f.stage) parts.push(sql`${accounts.lifecycleStage} = ${f.stage}`);
  if (f.renewalWithinDays !== undefined)
    parts.push(sql`${accounts.renewalDate} between current_date and current_date + ${f.renewalWithinDays}::int`);
  if (f.tierSource) parts.push(eq(accounts.tierSource, f.tierSource));
  if (f.industry) parts.push(sql`lower(${accounts.industry}) = lower(${f.industry})`);
  if (f.ids) parts.push(f.ids.length ? inArray(accounts.id, f.ids) : sql`false`);
  if (f.health?.length) parts.push(healthWhere(f.health));
  return parts.length ? and(...parts) : undefined;
}

/** Accounts in any of these bands; `none`: no score yet (no row, or a row without a band). */
function healthWhere(bands: HealthFilter[]): SQL | undefined {
  const scored = bands.filter((b) => b !== 'none');
  return or(
    bands.includes('none') ? sql`not exists (select 1 from account_health h where h.account_id = ${accounts.id} and h.band is not null)` : undefined,
    scored.length ? sql`exists (select 1 from account_health h where h.account_id = ${accounts.id} and h.band in (${sql.join(scored.map((b) => sql`${b}`), sql`, `)}))` : undefined,
  );
}

const sortColumns: Record<SortKey, SQL | typeof accounts.name> = {
  name: sql`lower(${accounts.name})`,
  domain: sql`lower(${accounts.domain})`,
  owner: sql`${owner.name}`,
  arr: sql`${accounts.arr}`,
  ltv: sql`${accounts.ltv}`,
  tier: sql`${accounts.tier}`,
  health: sql`${accountHealth.score}`,
  stage: sql`${accounts.lifecycleStage}`,
  renewal: sql`${accounts.renewalDate}`,
  nextTouch: sql`${accounts.nextTouchAt}`,
  lastTouch: sql`${accounts.lastTouchAt}`,
  updated: sql`${accounts.updatedAt}`,
};

export const listColumns = {
  id: accounts.id,
  name: accounts.name,
  domain: accounts.domain,
  arr: accounts.arr,
  ltv: accounts.ltv,
  tier: accounts.tier,
  tierSource: accounts.tierSource,
  lifecycleStage: accounts.lifecycleStage,
  renewalDate: accounts.renewalDate,
  nextTouchAt: accounts.nextTouchAt,
  lastTouchAt: accounts.lastTouchAt,
  ownerId: accounts.ownerId,
  ownerName: owner.name,
  healthScore: accountHealth.score,
  healthBand: accountHealth.band,
};

export async function listAccounts(db: DbOrTx, f: AccountFilters) {
  const page = Math.max(1, f.page ?? 1);
  const column = sortColumns[f.sort ?? 'name'];
  const order = f.dir === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  return db
    .select(listColumns)
    .from(accounts)
    .leftJoin(owner, eq(owner.id, accounts.ownerId))
    .leftJoin(accountHealth, eq(accountHealth.accountId, accounts.id))
    .where(accountWhere(f))
    .orderBy(order, asc(accounts.id))
    .limit(accountPageSize)
    .offset((page - 1) * accountPageSize);
}

/** Count, ARR and LTV of the filtered accounts, by tier. */
export async function accountTotals(db: DbOrTx, f: AccountFilters) {
  const rows = await db
    .select({
      tier: accounts.tier,
      count: sql<number>`count(*)::int`,
      arr: sql<string>`coalesce(sum(${accounts.arr}), 0)::text`,
      ltv: sql<string>`coalesce(sum(${accounts.ltv}), 0)::text`,
    })
    .from(accounts)
    .where(accountWhere(f))
    .groupBy(accounts.tier)
    .orderBy(accounts.tier);
  return rows;
}

export const detailColumns = {
  id: accounts.id,
  name: accounts.name,
  domain: accounts.domain,
  externalId: accounts.externalId,
  industry: accounts.industry,
  employees: accounts.employees,
  arr: accounts.arr,
  grossMarginPct: accounts.grossMarginPct,
  annualChurnPct: accounts.annualChurnPct,
  growthPotential: accounts.growthPotential,
  churnRisk: accounts.churnRisk,
  lifecycleStage: accounts.lifecycleStage,
  renewalDate: accounts.renewalDate,
  ownerId: accounts.ownerId,
  notes: accounts.notes,
  ltv: accounts.ltv,
  computedTier: accounts.computedTier,
  tier: accounts.tier,
  tierSource: accounts.tierSource,
  tierReason: accounts.tierReason,
  overrideTier: accounts.overrideTier,
  overrideReason: accounts.overrideReason,
  overrideUntil: accounts.overrideUntil,
  overrideBy: accounts.overrideBy,
  overrideAt: accounts.overrideAt,
  nextTouchAt: accounts.nextTouchAt,
  lastTouchAt: accounts.lastTouchAt,
  version: accounts.version,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
};

export async function findAccount(db: DbOrTx, id: number, opts: { forUpdate?: boolean } = {}) {
  const q = db.select(detailColumns).from(accounts).where(eq(accounts.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export async function findAccountIdByDomain(db: DbOrTx, domain: string, exceptId?: number) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(sql`lower(${accounts.domain}) = lower(${domain})`, exceptId ? sql`${accounts.id} <> ${exceptId}` : undefined));
  return row?.id;
}

export async function findAccountIdByExternalId(db: DbOrTx, externalId: string, exceptId?: number) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.externalId, externalId), exceptId ? sql`${accounts.id} <> ${exceptId}` : undefined));
  return row?.id;
}

export type AccountValues = typeof accounts.$inferInsert;

export async function insertAccount(db: DbOrTx, values: AccountValues): Promise<number> {
  const [row] = await db.insert(accounts).values(values).returning({ id: accounts.id });
  return row!.id;
}

/** Updates if still at `version`; false when someone else saved first. */
export async function updateAccount(db: DbOrTx, id: number, version: number, values: Partial<AccountValues>): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ ...values, version: sql`${accounts.version} + 1` })
    .where(and(eq(accounts.id, id), eq(accounts.version, version)))
    .returning({ id: accounts.id });
  return rows.length === 1;
}

/** Moves accounts to `ownerId` (two statements for any number); returns each moved account with its previous owner. */
export async function reassignOwners(db: DbOrTx, ids: number[], ownerId: number | null) {
  const previous = await db
    .select({ id: accounts.id, previousOwnerId: accounts.ownerId })
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .for('update');
  await db
    .update(accounts)
    .set({ ownerId, version: sql`${accounts.version} + 1` })
    .where(inArray(accounts.id, ids));
  return previous;
}

const bookPick = (from: number | null, tier: number, count: number) =>
  sql`select id, owner_id from ${accounts} where owner_id is not distinct from ${from}::int and tier = ${tier} order by arr nulls first, id limit ${count}`;

/**
 * Moves `count` of the Tier `tier` accounts `from` owns (null: nobody) to
 * `to`, those with the lowest ARR first, in one statement (a capacity
 * what-if's move); returns each with its previous owner.
 */
export async function reassignFromBook(db: DbOrTx, m: { from: number | null; to: number | null; tier: number; count: number }) {
  return queryRows<{ id: number; previousOwnerId: number | null }>(
    db,
    sql`with old as (${bookPick(m.from, m.tier, m.count)} for update)
        update ${accounts} a set owner_id = ${m.to}, version = a.version + 1 from old where a.id = old.id
        returning a.id, old.owner_id as "previousOwnerId"`,
  );
}

/** The accounts `reassignFromBook` would move: the first few by name and ARR, and their ARR in all. */
export async function bookPickPreview(db: DbOrTx, m: { from: number | null; tier: number; count: number }, shown = 5) {
  const rows = await queryRows<{ names: string[] | null; arr: string | null; n: number }>(
    db,
    sql`with p as (${bookPick(m.from, m.tier, m.count)})
        select (select array_agg(a.name order by a.arr nulls first, a.id) from (select a.name, a.arr, a.id from p join ${accounts} a on a.id = p.id order by a.arr nulls first, a.id limit ${shown}) a) as names,
          (select sum(a.arr)::text from p join ${accounts} a on a.id = p.id) as arr, (select count(*)::int from p) as n`,
  );
  const r = rows[0];
  return { names: r?.names ?? [], arr: r?.arr ?? '0', count: Number(r?.n ?? 0) };
}

/** Moves every account matching `filters` to `ownerId` in one statement; returns each with its previous owner. */
export async function reassignMatching(db: DbOrTx, filters: AccountFilters, ownerId: number | null) {
  return queryRows<{ id: number; previousOwnerId: number | null }>(
    db,
    sql`with old as (select id, owner_id from ${accounts} where ${accountWhere(filters) ?? sql`true`} for update)
        update ${accounts} a set owner_id = ${ownerId}, version = a.version + 1 from old where a.id = old.id
        returning a.id, old.owner_id as "previousOwnerId"`,
  );
}

export async function activeCsms(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, bookOwnerRole), eq(users.active, true)))
    .orderBy(asc(users.name));
}


/**
 * The owners to filter the list by: every active CSM, and a deactivated one
 * who still owns accounts or is the one chosen, marked inactive, so their
 * accounts can still be found and handed over.
 */
export async function ownerOptions(db: DbOrTx, chosenId?: number) {
  return db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(
      or(
        and(eq(users.role, bookOwnerRole), eq(users.active, true)),
        sql`exists (select 1 from ${accounts} where ${accounts.ownerId} = ${users.id})`,
        chosenId === undefined ? undefined : eq(users.id, chosenId),
      ),
    )
    .orderBy(desc(users.active), asc(users.name));
}
