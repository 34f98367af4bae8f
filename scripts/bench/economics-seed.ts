import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

// What unit economics reads besides activities and coverage: program sessions
// with the accounts that attended them, and the workspace's costs. On top of
// bench:coverage's data: one contact at each Tier 2 and Tier 3 account, four
// study-session programs hosted by CSMs, 200 sessions over the past 400 days
// (60 minutes + 2 h preparation; every tenth cancelled), and 300,000
// invitations of which a third attended.

export const economicsMarker = 'Bench economics study session';
export const invitationCount = 300_000;

export async function seedEconomicsData(db: Db): Promise<{ sessions: number; invitations: number; attended: number }> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.1212)`);
    await tx.execute(sql`
      insert into contacts (account_id, name, email)
      select a.id, 'ベンチ 担当者' || a.id, format('econ-%s@bench.example', a.id) from accounts a where a.tier > 1`);
    await tx.execute(sql`
      insert into programs (kind_id, title)
      select (select min(id) from program_kinds), ${economicsMarker} || ' ' || g from generate_series(1, 4) g`);
    await tx.execute(sql`
      insert into program_hosts (program_id, user_id)
      select p.id, u.id from (select id, row_number() over (order by id) as n from programs where title like ${`${economicsMarker}%`}) p
      join (select id, row_number() over (order by id) as n from users where role = 'csm') u on u.n = p.n`);
    await tx.execute(sql`
      insert into program_sessions (program_id, starts_at, time_zone, duration_minutes, preparation_hours, cancelled)
      select p.ids[1 + g % 4], now() - g * interval '2 days', 'Asia/Tokyo', 60, 2, g % 10 = 0
      from generate_series(1, 200) g, (select array_agg(id order by id) as ids from programs where title like ${`${economicsMarker}%`}) p`);
    await tx.execute(sql`
      with pool as (select array_agg(id order by id) as ids from contacts where email like 'econ-%@bench.example'),
        sessions as (select array_agg(s.id order by s.id) as ids from program_sessions s join programs p on p.id = s.program_id where p.title like ${`${economicsMarker}%`}),
        draw as (select g, random() as c, random() as s, random() as a from generate_series(1, ${invitationCount}) g)
      insert into program_invitations (session_id, contact_id, account_id, token, status)
      select distinct on (sid, cid) sid, cid, c.account_id, 'econ-' || d.g, (case when d.a < 1.0 / 3 then 'attended' else 'invited' end)::invitation_status
      from draw d, pool, sessions,
        lateral (select sessions.ids[1 + floor(d.s * cardinality(sessions.ids))::int] as sid, pool.ids[1 + floor(d.c * cardinality(pool.ids))::int] as cid) x
        join contacts c on c.id = x.cid
      on conflict do nothing`);
    // The economics settings a yen workspace might have.
    await tx.execute(sql`
      insert into workspace_settings (id, name, currency, time_zone, csm_hour_cost, tier1_tooling_cost, tier2_tooling_cost, tier3_tooling_cost)
      values (1, 'Bench', 'JPY', 'Asia/Tokyo', 8000, 3000, 2000, 500)
      on conflict (id) do update set csm_hour_cost = 8000, tier1_tooling_cost = 3000, tier2_tooling_cost = 2000, tier3_tooling_cost = 500`);
  });
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze program_sessions`);
  await db.execute(sql`vacuum analyze program_invitations`);
  const [c] = await queryRows<{ sessions: number; invitations: number; attended: number }>(
    db,
    sql`select (select count(*) from program_sessions)::int as sessions, count(*)::int as invitations, (count(*) filter (where status = 'attended'))::int as attended from program_invitations`,
  );
  return c!;
}

export async function hasEconomicsData(db: Db): Promise<boolean> {
  const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from programs where title like ${`${economicsMarker}%`}`);
  return (c?.n ?? 0) > 0;
}
