import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

export const programTouchCount = 1_000_000;

// What coverage reads besides activities, set-based: the ledger rows the app
// writes for each completed activity (one per activity, as completing one
// does), and 1,000,000 program and content touches on Tier 2 and 3 accounts
// over the past 400 days. The accounts, their tiers and the setup playbooks
// are dated 400 days back, so a year of obligations falls due.

export async function seedCoverageData(db: Db): Promise<{ activityTouches: number; programTouches: number }> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(sql`update accounts set created_at = now() - interval '400 days'`);
    await tx.execute(sql`update tier_history set at = now() - interval '400 days' where kind = 'created'`);
    await tx.execute(sql`update playbook_versions set created_at = now() - interval '400 days' where created_by is null`);
    await tx.execute(sql`
      insert into touches (account_id, kind, touch_model, occurred_at, activity_type_id, activity_id)
      select a.account_id, 'activity_completed', t.touch_model, coalesce(a.completed_at, a.starts_at), a.activity_type_id, a.id
      from activities a join activity_types t on t.id = a.activity_type_id
      where a.status = 'completed'`);
    await tx.execute(sql`
      with pool as (select array_agg(id order by id) as ids from accounts where tier > 1),
      draw as (select random() as pick, random() as kind, random() as day from generate_series(1, ${programTouchCount}))
      insert into touches (account_id, kind, touch_model, occurred_at)
      select pool.ids[1 + floor(d.pick * cardinality(pool.ids))::int],
        (case when d.kind < 0.35 then 'program_invited' when d.kind < 0.45 then 'program_registered' when d.kind < 0.55 then 'program_attended'
              when d.kind < 0.85 then 'content_shared' else 'content_opened' end)::touch_kind,
        (case when d.kind >= 0.45 and d.kind < 0.55 and d.pick < 0.1 then 'community' else 'low' end)::touch_model,
        now() - d.day * interval '400 days'
      from draw d, pool`);
  });
  await db.execute(sql`analyze touches`);
  await db.execute(sql`analyze accounts`);
  const [counts] = await queryRows<{ a: number; p: number }>(
    db,
    sql`select count(*) filter (where kind = 'activity_completed')::int as a, count(*) filter (where kind <> 'activity_completed')::int as p from touches`,
  );
  return { activityTouches: counts?.a ?? 0, programTouches: counts?.p ?? 0 };
}

/** Whether touchplan_bench already holds this benchmark's data (accounts, activities, touches). */
export async function hasCoverageData(db: Db, accounts: number, activities: number): Promise<boolean> {
  const [c] = await queryRows<{ accounts: number; activities: number; touches: number }>(
    db,
    sql`select (select count(*) from accounts)::int as accounts, (select count(*) from activities)::int as activities,
          (select count(*) from touches where activity_id is null)::int as touches`,
  );
  return c?.accounts === accounts && c.activities === activities && c.touches === programTouchCount;
}
