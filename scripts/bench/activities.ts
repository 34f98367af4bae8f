import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

// 1,000,000 activities, set-based, over the 100,000 seeded accounts: most on
// Tier 1 accounts (monthly meetings, QBRs, visits), the rest onboarding
// sessions and meetings elsewhere; from a year back to six months ahead, on
// weekdays in Tokyo business hours. In the past nearly all are completed,
// some cancelled or missed, and about 4 % still planned (overdue). Each runs
// under the account's owner; one in ten has a colleague joining. Then next/last touch are filled in for every
// account in one statement, as the app keeps them.

export async function seedActivities(db: Db, count: number): Promise<{ overdue: number; planned: number }> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.1122)`);
    await tx.execute(sql`
      with t1 as (select array_agg(id order by id) as ids from accounts where tier = 1 and owner_id is not null),
      other as (select array_agg(id order by id) as ids from accounts where tier > 1 and owner_id is not null),
      csms as (select array_agg(id order by id) as ids from users where role = 'csm'),
      types as (select
        (select id from activity_types where key = 'regular_meeting') as meeting,
        (select id from activity_types where key = 'qbr') as qbr,
        (select id from activity_types where key = 'onsite_visit') as visit,
        (select id from activity_types where key = 'onboarding_session') as onboarding),
      draw as (
        select g, random() as which, random() as pick, random() as kind, random() as day, random() as hour, random() as fate, random() as colleague
        from generate_series(1, ${count}) g
      ),
      chosen as (
        select d.*,
          case when which < 0.7 then t1.ids[1 + floor(pick * cardinality(t1.ids))::int]
               else other.ids[1 + floor(pick * cardinality(other.ids))::int] end as account_id,
          which < 0.7 as high_touch,
          -- Weekdays from 365 days back to 180 ahead, at 9:00–17:30 Tokyo (00:00–08:30 UTC).
          date_trunc('day', now() - interval '365 days') + floor(day * 545) * interval '1 day' + floor(hour * 18) * interval '30 minutes' as starts_at
        from draw d, t1, other
      )
      insert into activities (account_id, activity_type_id, owner_id, status, starts_at, duration_minutes, time_zone,
        location, outcome, cancel_reason, completed_at, created_by, internal_attendees)
      select c.account_id,
        case when not c.high_touch then (case when kind < 0.5 then types.onboarding else types.meeting end)
             when kind < 0.7 then types.meeting when kind < 0.92 then types.qbr else types.visit end,
        a.owner_id,
        (case when c.starts_at >= now() then (case when fate < 0.03 then 'cancelled' else 'planned' end)
              when fate < 0.88 then 'completed' when fate < 0.93 then 'cancelled' when fate < 0.96 then 'no_show' else 'planned' end)::activity_status,
        c.starts_at + case extract(isodow from c.starts_at) when 6 then interval '2 days' when 7 then interval '1 day' else interval '0' end,
        case when kind < 0.7 then 60 when kind < 0.92 then 120 else 240 end,
        'Asia/Tokyo',
        case when kind < 0.7 then 'Google Meet' else '先方本社 会議室' end,
        case when c.starts_at < now() and fate < 0.88 then '利用状況を確認。次回までに運用ルールを整理。' end,
        case when fate >= 0.88 and fate < 0.93 then '先方の都合により中止' end,
        case when c.starts_at < now() and fate < 0.88 then c.starts_at + interval '1 hour' end,
        a.owner_id,
        -- One in ten with a colleague joining.
        case when c.colleague < 0.1 then jsonb_build_array(csms.ids[1 + floor(c.colleague * 10 * cardinality(csms.ids))::int]) else '[]'::jsonb end
      from chosen c join accounts a on a.id = c.account_id, types, csms`);
    await tx.execute(sql`
      update accounts a set next_touch_at = t.next_touch, last_touch_at = t.last_touch
      from (
        select account_id,
          min(starts_at) filter (where status = 'planned') as next_touch,
          max(starts_at) filter (where status = 'completed') as last_touch
        from activities group by account_id
      ) t
      where a.id = t.account_id`);
  });
  await db.execute(sql`vacuum analyze activities`);
  await db.execute(sql`vacuum analyze accounts`);
  const [row] = await queryRows<{ overdue: number; planned: number }>(
    db,
    sql`select count(*) filter (where starts_at < now())::int as overdue, count(*)::int as planned from activities where status = 'planned'`,
  );
  return row!;
}
