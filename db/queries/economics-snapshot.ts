import { sql, type SQL } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';
import { deliveredRuleHours, sessionHours } from './delivered-hours';
import type { EconomicsWindow } from './economics';

// The per-account inputs of unit economics over a window (db/schema/economics.ts),
// built whole in one set-based statement, then brought up to date for the
// accounts marked since (database triggers, whatever wrote the change).
//
// Hours delivered have the definition of delivered-hours.ts, which the
// capacity page uses per person (db/queries/capacity.ts); here per account:
// - a completed activity starting in the window counts the hours of the rule
//   of the account's current tier's playbook for its type, else its own
//   length (grouped by account and type first: n × rule hours, or the summed
//   minutes ÷ 60, which is the same sum);
// - a session starting in the window, not cancelled, counts its hours
//   (length + preparation) once, shared equally among the distinct accounts
//   whose contacts attended it. (Capacity counts a session once per host;
//   cost counts the session, so per-account hours add up to the activities'
//   hours plus each attended session's hours once.)
// Each account's hours are rounded to 6 decimals (a third of an hour stays
// within 0.0036 s).

/** More marked accounts than this, and the snapshot is built whole again (one statement beats a long list). */
const wholeAbove = 5_000;

/**
 * The CTEs `rules`, `hours` (account_id, hours) for the accounts that had
 * any in the window. `only` narrows the activities and attendances read to
 * some accounts (a subquery of ids); a session's share is still split over
 * every account it served.
 */
function hoursCtes(w: EconomicsWindow, only?: SQL): SQL {
  const from = sql`${w.fromAt.toISOString()}::timestamptz`;
  const to = sql`${w.toAt.toISOString()}::timestamptz`;
  return sql`
    rules as (${deliveredRuleHours}),
    by_type as (
      select a.account_id, a.activity_type_id, count(*) as n, sum(a.duration_minutes) as minutes
      from activities a
      where a.status = 'completed' and a.starts_at >= ${from} and a.starts_at < ${to} ${only ? sql`and a.account_id in (${only})` : sql``}
      group by a.account_id, a.activity_type_id
    ),
    activity_hours as (
      select t.account_id, sum(coalesce(r.hours * t.n, t.minutes / 60.0)) as hours
      from by_type t
      join accounts acc on acc.id = t.account_id
      left join rules r on r.tier = acc.tier and r.activity_type_id = t.activity_type_id
      group by t.account_id
    ),
    served as (
      select distinct i.session_id, i.account_id
      from program_invitations i join program_sessions s on s.id = i.session_id
      where i.status = 'attended' and not s.cancelled and s.starts_at >= ${from} and s.starts_at < ${to}
        ${only ? sql`and i.session_id in (select session_id from program_invitations where status = 'attended' and account_id in (${only}))` : sql``}
    ),
    session_hours as (
      select x.account_id, sum(x.share) as hours
      from (
        select v.account_id, ${sessionHours} / count(*) over (partition by v.session_id) as share
        from served v join program_sessions s on s.id = v.session_id
      ) x
      ${only ? sql`where x.account_id in (${only})` : sql``}
      group by x.account_id
    ),
    hours as (
      select account_id, round(sum(hours), 6) as hours
      from (select account_id, hours from activity_hours union all select account_id, hours from session_hours) u
      group by account_id
    )`;
}

/** Writes run `runId`'s rows for every account, or for those `only` selects (replacing theirs). */
async function writeRows(db: DbOrTx, runId: number, w: EconomicsWindow, only?: SQL): Promise<void> {
  await db.execute(sql`
    with ${hoursCtes(w, only)},
    cov as (
      select o.account_id, (count(*) filter (where o.status <> 'not_yet_due'))::int as due, (count(*) filter (where o.status = 'on_time'))::int as on_time
      from coverage_obligations o
      where o.due between ${w.from}::date and ${w.to}::date and o.status <> 'ended' ${only ? sql`and o.account_id in (${only})` : sql``}
      group by o.account_id
    )
    insert into economics_accounts (run_id, account_id, tier, arr, ltv, hours, due, on_time)
    select ${runId}, acc.id, acc.tier, acc.arr, acc.ltv, coalesce(h.hours, 0), coalesce(c.due, 0), coalesce(c.on_time, 0)
    from accounts acc
    left join hours h on h.account_id = acc.id
    left join cov c on c.account_id = acc.id
    ${only ? sql`where acc.id in (${only})` : sql``}
    on conflict (run_id, account_id) do update set tier = excluded.tier, arr = excluded.arr, ltv = excluded.ltv, hours = excluded.hours, due = excluded.due, on_time = excluded.on_time`);
}

type Run = { id: number; rulesStamp: string; builtOn: string; refreshedAt: string };

/** The run to read, and what was done: built whole, `accounts` marked ones worked out again, or nothing. */
export type EconomicsSnapshot = { runId: number; built: 'whole' | 'accounts' | 'none'; accounts: number };

/**
 * The snapshot of `w`, up to date: built whole when there is none, it was
 * built on another day than `today` or with other playbook hours, or many
 * accounts changed; else the accounts marked since its last refresh are
 * worked out again. One at a time across app instances (an advisory lock);
 * snapshots of other days and marks every snapshot has seen are dropped.
 */
export async function economicsSnapshot(db: DbOrTx, w: EconomicsWindow, today: LocalDate): Promise<EconomicsSnapshot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('touchplan:economics'))`);
    const [{ stamp, now }] = (await queryRows<{ stamp: string; now: string }>(
      tx,
      sql`select coalesce(md5(string_agg(tier || ':' || activity_type_id || ':' || hours, ',' order by tier, activity_type_id)), '') as stamp, clock_timestamp()::text as now
          from (${deliveredRuleHours}) r`,
    )) as [{ stamp: string; now: string }];
    const window = sql`from_date = ${w.from}::date and to_date = ${w.to}::date and from_at = ${w.fromAt.toISOString()}::timestamptz and to_at = ${w.toAt.toISOString()}::timestamptz`;
    const [run] = await queryRows<Run>(
      tx,
      sql`select id, rules_stamp as "rulesStamp", built_on::text as "builtOn", refreshed_at::text as "refreshedAt" from economics_runs where ${window}`,
    );
    const marked = run
      ? Number(
          (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (select 1 from economics_dirty where marked_at >= ${run.refreshedAt}::timestamptz limit ${wholeAbove + 1}) d`))[0]!.n,
        )
      : 0;
    let result: EconomicsSnapshot;
    if (!run || run.rulesStamp !== stamp || run.builtOn !== today || marked > wholeAbove) {
      await tx.execute(sql`delete from economics_runs where built_on < ${today}::date or (${window})`);
      const [created] = await queryRows<{ id: number }>(
        tx,
        sql`insert into economics_runs (from_date, to_date, from_at, to_at, rules_stamp, built_on, built_at, refreshed_at)
            values (${w.from}::date, ${w.to}::date, ${w.fromAt.toISOString()}::timestamptz, ${w.toAt.toISOString()}::timestamptz, ${stamp}, ${today}::date, ${now}::timestamptz, ${now}::timestamptz)
            returning id`,
      );
      await writeRows(tx, created!.id, w);
      result = { runId: created!.id, built: 'whole', accounts: 0 };
    } else if (marked > 0) {
      const only = sql`select account_id from economics_dirty where marked_at >= ${run.refreshedAt}::timestamptz and marked_at < ${now}::timestamptz`;
      await writeRows(tx, run.id, w, only);
      await tx.execute(sql`update economics_runs set refreshed_at = ${now}::timestamptz where id = ${run.id}`);
      result = { runId: run.id, built: 'accounts', accounts: marked };
    } else {
      return { runId: run.id, built: 'none', accounts: 0 };
    }
    await tx.execute(sql`delete from economics_dirty where marked_at < (select min(refreshed_at) from economics_runs)`);
    return result;
  });
}
