import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * Recomputes next touch (earliest planned activity) and last touch (latest
 * completed one) for these accounts, in one statement. Every activity write
 * calls it in its own transaction, so the account list can sort on them.
 * Neither depends on the clock, so nothing goes stale as time passes.
 */
export async function refreshTouches(db: DbOrTx, accountIds: readonly number[]): Promise<void> {
  const ids = [...new Set(accountIds)].sort((a, b) => a - b);
  if (!ids.length) return;
  const idArray = `{${ids.join(',')}}`;
  // Lock the accounts first, in id order, in a statement of its own: the
  // update below then starts after any concurrent writer to these accounts
  // has committed, so its subqueries see that writer's activities. (Under READ
  // COMMITTED an UPDATE that waits for a row lock re-checks the row, not its
  // subqueries, and would write back stale touches.)
  await db.execute(sql`select id from accounts where id = any(${idArray}::int[]) order by id for no key update`);
  await db.execute(sql`
    update accounts a set
      next_touch_at = t.next_touch,
      last_touch_at = t.last_touch
    from (
      select ids.id,
        (select min(starts_at) from activities where account_id = ids.id and status = 'planned') as next_touch,
        (select max(starts_at) from activities where account_id = ids.id and status = 'completed') as last_touch
      from unnest(${idArray}::int[]) as ids(id)
    ) t
    where a.id = t.id
      and (a.next_touch_at is distinct from t.next_touch or a.last_touch_at is distinct from t.last_touch)`);
}
