import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { bookOwnerRole } from '@/lib/vocabulary';

// What a user owns, and handing it to others when they leave: their accounts,
// and the planned activities and series they run. One statement each.

export type OwnedWork = { accounts: number; plannedActivities: number; series: number };

export async function ownedWork(db: DbOrTx, userId: number): Promise<OwnedWork> {
  const [row] = await queryRows<{ accounts: number; planned: number; series: number }>(
    db,
    sql`select
      (select count(*)::int from accounts where owner_id = ${userId}) as accounts,
      (select count(*)::int from activities where owner_id = ${userId} and status = 'planned') as planned,
      (select count(*)::int from activity_series where owner_id = ${userId}
         and exists (select 1 from activities o where o.series_id = activity_series.id and o.status = 'planned')) as series`,
  );
  return { accounts: row?.accounts ?? 0, plannedActivities: row?.planned ?? 0, series: row?.series ?? 0 };
}

/** Moves every account of `fromId` to `toId`; returns the accounts moved. */
export async function handAccountsTo(db: DbOrTx, fromId: number, toId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update accounts set owner_id = ${toId}, version = version + 1 where owner_id = ${fromId} returning id`,
  );
  return rows.map((r) => r.id);
}

/**
 * Spreads the accounts of `fromId` over the other active CSMs in proportion
 * to their free hours (monthly capacity less what their book owes by its
 * tiers' playbooks, `hoursByTier`), so the fullest books get the least. When
 * nobody has free hours, evenly. Accounts are taken in id order, which mixes
 * tiers; each lands where its share of the moved hours falls. Returns the
 * accounts moved with their new owner.
 */
export async function spreadAccounts(db: DbOrTx, fromId: number, hoursByTier: Record<1 | 2 | 3, number>): Promise<{ id: number; ownerId: number }[]> {
  return queryRows<{ id: number; ownerId: number }>(
    db,
    sql`
    with hours(tier, h) as (values (1, ${hoursByTier[1]}::numeric), (2, ${hoursByTier[2]}::numeric), (3, ${hoursByTier[3]}::numeric)),
    csm as (
      select u.id, greatest(u.capacity_hours - coalesce(sum(h.h), 0), 0) as free
      from users u
      left join accounts a on a.owner_id = u.id
      left join hours h on h.tier = a.tier
      where u.role = ${bookOwnerRole} and u.active and u.id <> ${fromId}
      group by u.id
    ),
    weighted as (
      select id, case when sum(free) over () > 0 then free else 1 end as w from csm
    ),
    slots as (
      select id, sum(w) over (order by id) - w as lo, sum(w) over (order by id) as hi, sum(w) over () as total from weighted where w > 0
    ),
    moving as (
      -- A small weight of its own, so accounts whose tier owes no hours still spread.
      select a.id, coalesce(h.h, 0) + 0.01 as w from accounts a left join hours h on h.tier = a.tier where a.owner_id = ${fromId}
    ),
    placed as (
      select id, (sum(w) over (order by id) - w / 2) / sum(w) over () as pos from moving
    ),
    target as (
      select p.id, s.id as owner_id from placed p join slots s on p.pos * s.total >= s.lo and p.pos * s.total < s.hi
    )
    update accounts a set owner_id = t.owner_id, version = a.version + 1
    from target t where a.id = t.id
    returning a.id, a.owner_id as "ownerId"`,
  );
}

/**
 * The planned activities and series `fromId` runs go to whoever now owns
 * their account when that is another active CSM, else to `fallbackId` (when
 * given). Returns how many planned activities moved.
 */
export async function handPlannedWork(db: DbOrTx, fromId: number, fallbackId: number | null): Promise<number> {
  const next = (table: 'activities' | 'activity_series', planned: boolean) => sql`
    select x.id, coalesce(u.id, ${fallbackId}::int) as owner_id
    from ${sql.raw(table)} x
    join accounts acc on acc.id = x.account_id
    left join users u on u.id = acc.owner_id and u.role = ${bookOwnerRole} and u.active and u.id <> ${fromId}
    where x.owner_id = ${fromId} ${planned ? sql`and x.status = 'planned'` : sql``}`;
  await db.execute(sql`
    with next as (${next('activity_series', false)})
    update activity_series x set owner_id = n.owner_id, version = x.version + 1 from next n where x.id = n.id and n.owner_id is not null`);
  const moved = await queryRows<{ id: number }>(
    db,
    sql`with next as (${next('activities', true)})
        update activities x set owner_id = n.owner_id, version = x.version + 1 from next n where x.id = n.id and n.owner_id is not null
        returning x.id`,
  );
  return moved.length;
}
