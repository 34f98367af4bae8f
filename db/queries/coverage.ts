import { sql } from 'drizzle-orm';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { CadenceUnit, ObligationStatus, TouchKind } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';

// When each account's playbook rules are next due, read from the touch
// ledger in one statement for any number of accounts (DOMAIN.md, Coverage):
//
// - A rule applies from the later of the day the account entered its current
//   tier (its latest tier change, else its creation) and the day the rule was
//   added (the oldest of the tier's unbroken run of playbook versions that
//   ask for the same activity type or touch kind).
// - A touch meets it when it is in the ledger for the account since then and
//   is of the rule's activity type, or of the rule's touch kind (any touch of
//   that kind: a share, an open, an attendance…).
// - The next obligation is due one interval after the latest such touch
//   (touching early is never punished), else one interval after the start;
//   an obligation with no touch by its due date + one interval is missed and
//   the next is due one interval later, so the open one is the first whose
//   due date + one interval is not yet past.

export type RuleDue = {
  accountId: number;
  position: number;
  activityTypeId: number | null;
  touchKind: TouchKind | null;
  every: number;
  unit: CadenceUnit;
  /** The latest touch that met the rule since it applied, if any. */
  lastTouchAt: Date | null;
  /** The open obligation's due date, in the workspace's zone. */
  due: LocalDate;
  overdue: boolean;
};

type Row = {
  account_id: number;
  position: number;
  activity_type_id: number | null;
  touch_kind: TouchKind | null;
  every: number;
  unit: CadenceUnit;
  last_touch: Date | string | null;
  due: string;
};

/** The open obligation of every current playbook rule for these accounts, by account then rule order. */
export async function ruleDueDates(db: DbOrTx, accountIds: readonly number[], opts: { today: LocalDate; timeZone: string }): Promise<RuleDue[]> {
  if (!accountIds.length) return [];
  const ids = `{${[...new Set(accountIds.map((n) => Math.trunc(n)))].join(',')}}`;
  // Touches up to the end of today in the workspace's zone.
  const until = zonedToUtc(addDays(opts.today, 1), '00:00', opts.timeZone).toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`
    with current_versions as (
      select v.id, v.tier from playbook_versions v
      where (v.tier, v.version) in (select tier, max(version) from playbook_versions group by tier)
    ),
    rules as (
      select c.tier, r.position, r.activity_type_id, r.touch_kind, r.every, r.unit,
        case r.unit when 'day' then make_interval(days => r.every) when 'week' then make_interval(days => 7 * r.every) else make_interval(months => r.every) end as step,
        r.every * case r.unit when 'day' then 1 when 'week' then 7 else 28 end as shortest_days,
        -- Added: the first version after the tier's latest one without this target.
        (select min(v.created_at) from playbook_versions v
          where v.tier = c.tier and v.version > coalesce((
            select max(w.version) from playbook_versions w
            where w.tier = c.tier and not exists (
              select 1 from playbook_rules o
              where o.playbook_version_id = w.id
                and o.activity_type_id is not distinct from r.activity_type_id
                and o.touch_kind is not distinct from r.touch_kind)), 0)) as added_at
      from current_versions c
      join playbook_rules r on r.playbook_version_id = c.id
    ),
    scope as (
      select a.id, a.tier,
        coalesce((select max(h.at) from tier_history h
          where h.account_id = a.id and h.to_tier = a.tier and h.from_tier is distinct from h.to_tier), a.created_at) as entered_at
      from accounts a
      where a.id = any(${ids}::int[])
    ),
    applying as (
      select s.id as account_id, r.*, greatest(s.entered_at, r.added_at) as since
      from scope s
      join rules r on r.tier = s.tier
    ),
    anchored as (
      select p.*, last.occurred_at as last_touch,
        (coalesce(last.occurred_at, p.since) at time zone ${opts.timeZone})::date as anchor
      from applying p
      left join lateral (
        select max(t.occurred_at) as occurred_at from touches t
        where t.account_id = p.account_id and t.occurred_at >= p.since and t.occurred_at < ${until}::timestamptz
          and (t.kind = p.touch_kind or t.activity_type_id = p.activity_type_id)
      ) last on true
    )
    select x.account_id, x.position, x.activity_type_id, x.touch_kind, x.every, x.unit, x.last_touch,
      to_char(x.anchor + open.k * x.step, 'YYYY-MM-DD') as due
    from anchored x
    cross join lateral (
      select min(k) as k
      from generate_series(1, greatest(1, (${opts.today}::date - x.anchor) / x.shortest_days + 1)) k
      where (x.anchor + (k + 1) * x.step)::date >= ${opts.today}::date
    ) open
    order by x.account_id, x.position`,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    position: Number(r.position),
    activityTypeId: r.activity_type_id,
    touchKind: r.touch_kind,
    every: Number(r.every),
    unit: r.unit,
    lastTouchAt: r.last_touch === null ? null : new Date(r.last_touch),
    due: r.due,
    overdue: r.due < opts.today,
  }));
}

// ---------------------------------------------------------------------------
// The inputs of lib/coverage (tier timelines, playbook versions, touch days)
// for a set of accounts, and the obligations worked out from them.

export type CoverageInputs = {
  /** Each account's effective tier from each day on (its first entry: its creation). */
  tiers: Map<number, { day: LocalDate; tier: number }[]>;
  /** Each account's touch days by what they can meet: `type:<id>` and `kind:<kind>`. */
  touchDays: Map<number, Map<string, LocalDate[]>>;
};

/** The tier timelines and touch days of these accounts, up to the end of `today`, days in the workspace's zone. */
export async function coverageInputs(db: DbOrTx, accountIds: readonly number[], opts: { today: LocalDate; timeZone: string }): Promise<CoverageInputs> {
  const ids = `{${accountIds.map((n) => Math.trunc(n)).join(',')}}`;
  const until = zonedToUtc(addDays(opts.today, 1), '00:00', opts.timeZone).toISOString();
  const [tierRows, touchRows] = await Promise.all([
    queryRows<{ account_id: number; day: string; tier: number }>(
      db,
      // From its creation, the tier before its first recorded change (a
      // "created" row has none: the tier it was created in); then each change.
      sql`select a.id as account_id, to_char((a.created_at at time zone ${opts.timeZone})::date, 'YYYY-MM-DD') as day,
            coalesce((select coalesce(h.from_tier, h.to_tier) from tier_history h where h.account_id = a.id and h.at < ${until}::timestamptz order by h.at, h.id limit 1), a.tier) as tier,
            0 as seq
          from accounts a where a.id = any(${ids}::int[])
          union all
          select h.account_id, to_char((h.at at time zone ${opts.timeZone})::date, 'YYYY-MM-DD'), h.to_tier, h.id
          from tier_history h where h.account_id = any(${ids}::int[]) and h.at < ${until}::timestamptz
          order by 1, 2, 4`,
    ),
    queryRows<{ account_id: number; target: string; day: string }>(
      db,
      sql`select distinct t.account_id, x.target, to_char((t.occurred_at at time zone ${opts.timeZone})::date, 'YYYY-MM-DD') as day
          from touches t
          cross join lateral (values ('kind:' || t.kind::text), ('type:' || t.activity_type_id::text)) x(target)
          where t.account_id = any(${ids}::int[]) and t.occurred_at < ${until}::timestamptz and x.target is not null`,
    ),
  ]);
  const tiers = new Map<number, { day: LocalDate; tier: number }[]>();
  for (const r of tierRows) {
    const list = tiers.get(r.account_id) ?? [];
    list.push({ day: r.day, tier: Number(r.tier) });
    tiers.set(r.account_id, list);
  }
  const touchDays = new Map<number, Map<string, LocalDate[]>>();
  for (const r of touchRows) {
    let byTarget = touchDays.get(r.account_id);
    if (!byTarget) touchDays.set(r.account_id, (byTarget = new Map()));
    const days = byTarget.get(r.target);
    if (days) days.push(r.day);
    else byTarget.set(r.target, [r.day]);
  }
  return { tiers, touchDays };
}

export type PlaybookHistoryRule = { target: string; activityTypeId: number | null; touchKind: TouchKind | null; every: number; unit: CadenceUnit };

/** Every tier's playbook versions made by the end of `today`, with their rules, from the day each was made (workspace zone). */
export async function playbookHistory(db: DbOrTx, opts: { today: LocalDate; timeZone: string }): Promise<{ tier: number; day: LocalDate; rules: PlaybookHistoryRule[] }[]> {
  const { timeZone } = opts;
  const until = zonedToUtc(addDays(opts.today, 1), '00:00', timeZone).toISOString();
  const rows = await queryRows<{ id: number; tier: number; day: string; activity_type_id: number | null; touch_kind: TouchKind | null; every: number | null; unit: CadenceUnit | null }>(
    db,
    sql`select v.id, v.tier, to_char((v.created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day, r.activity_type_id, r.touch_kind, r.every, r.unit
        from playbook_versions v left join playbook_rules r on r.playbook_version_id = v.id
        where v.created_at < ${until}::timestamptz
        order by v.tier, v.version, r.position`,
  );
  const versions = new Map<number, { tier: number; day: LocalDate; rules: PlaybookHistoryRule[] }>();
  for (const r of rows) {
    const v = versions.get(r.id) ?? { tier: Number(r.tier), day: r.day, rules: [] };
    versions.set(r.id, v);
    if (r.every === null || r.unit === null) continue;
    const target = r.activity_type_id !== null ? `type:${r.activity_type_id}` : `kind:${r.touch_kind}`;
    v.rules.push({ target, activityTypeId: r.activity_type_id, touchKind: r.touch_kind, every: Number(r.every), unit: r.unit });
  }
  return [...versions.values()];
}

export type ObligationRow = {
  accountId: number;
  tier: number;
  activityTypeId: number | null;
  touchKind: TouchKind | null;
  every: number;
  unit: CadenceUnit;
  due: LocalDate;
  deadline: LocalDate;
  metOn: LocalDate | null;
  status: ObligationStatus;
};

/** Replaces these accounts' obligations with `rows`, in one statement each way. */
export async function replaceObligations(db: DbOrTx, accountIds: readonly number[], rows: readonly ObligationRow[]): Promise<void> {
  const ids = `{${accountIds.map((n) => Math.trunc(n)).join(',')}}`;
  await db.execute(sql`delete from coverage_obligations where account_id = any(${ids}::int[])`);
  if (!rows.length) return;
  await db.execute(sql`
    insert into coverage_obligations (account_id, tier, activity_type_id, touch_kind, every, unit, due, deadline, met_on, status)
    select x."accountId", x.tier, x."activityTypeId", x."touchKind"::touch_kind, x.every, x.unit::cadence_unit, x.due, x.deadline, x."metOn", x.status::obligation_status
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("accountId" int, tier smallint, "activityTypeId" int, "touchKind" text, every smallint, unit text, due date, deadline date, "metOn" date, status text)`);
}

export async function recordCoverageRun(db: DbOrTx, run: { scope: 'all' | 'accounts'; asOf: LocalDate; accounts: number; startedAt: Date }): Promise<void> {
  await db.execute(sql`insert into coverage_runs (scope, as_of, accounts, started_at) values (${run.scope}, ${run.asOf}::date, ${run.accounts}, ${run.startedAt.toISOString()}::timestamptz)`);
}

/**
 * True when everything must be worked out again: no whole run yet, or one
 * that began before the newest playbook version or workspace settings save
 * (the grace days), or on an earlier day than `today` (statuses move with it).
 */
export async function coverageOutdated(db: DbOrTx, today: LocalDate): Promise<boolean> {
  const [row] = await queryRows<{ outdated: boolean }>(
    db,
    sql`with last as (select started_at, as_of from coverage_runs where scope = 'all' order by started_at desc limit 1)
        select not exists (select 1 from last)
          or (select as_of from last) < ${today}::date
          or coalesce((select max(created_at) from playbook_versions), '-infinity') >= (select started_at from last)
          or coalesce((select updated_at from workspace_settings where id = 1), '-infinity') >= (select started_at from last) as outdated`,
  );
  return !!row?.outdated;
}

/** Accounts marked as changed (by the triggers of migration 0025), oldest first, with when. */
export async function markedAccounts(db: DbOrTx, limit: number): Promise<{ accountId: number; markedAt: string }[]> {
  return queryRows(db, sql`select account_id as "accountId", marked_at::text as "markedAt" from coverage_dirty order by marked_at limit ${limit}`);
}

/** Unmarks these accounts unless they were marked again since they were read. */
export async function unmarkAccounts(db: DbOrTx, marked: readonly { accountId: number; markedAt: string }[]): Promise<void> {
  if (!marked.length) return;
  await db.execute(
    sql`delete from coverage_dirty d using jsonb_to_recordset(${JSON.stringify(marked)}::jsonb) as x("accountId" int, "markedAt" timestamptz)
        where d.account_id = x."accountId" and d.marked_at = x."markedAt"`,
  );
}

/** Unmarks every account marked before a whole run began (the run read what they changed). */
export async function unmarkBefore(db: DbOrTx, at: Date): Promise<void> {
  await db.execute(sql`delete from coverage_dirty where marked_at < ${at.toISOString()}::timestamptz`);
}

/** Account ids after `afterId`, in id order: the next chunk of a whole-workspace run. */
export async function accountIdsAfter(db: DbOrTx, afterId: number, limit: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from accounts where id > ${afterId} order by id limit ${limit}`);
  return rows.map((r) => r.id);
}
