import { sql } from 'drizzle-orm';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { CadenceUnit, ObligationStatus, TouchKind } from '@/lib/vocabulary';
import { targetValue } from '@/lib/playbooks/rule-target';
import { queryRows, type DbOrTx } from '../client';

// What each account's playbook asks now, read from coverage_obligations (the
// coverage job's chains, lib/coverage/obligations.ts), so the account page
// and the coverage figures never disagree: per rule that still applies, its
// open obligation (the last of its chain: not met, not yet due or overdue)
// and the latest touch that met it since the rule last started applying.

export type RuleDue = {
  accountId: number;
  activityTypeId: number | null;
  touchKind: TouchKind | null;
  /** A campaign rule's campaign, and its name. */
  campaignId: number | null;
  campaignName: string | null;
  every: number;
  unit: CadenceUnit;
  /** The day of the latest touch that met the rule since it applied, if any. */
  lastMet: LocalDate | null;
  /** The open obligation's due date, in the workspace's zone. */
  due: LocalDate;
  overdue: boolean;
};

/** The open obligation of every rule that applies to these accounts, by account then the playbook's rule order. */
export async function openObligations(db: DbOrTx, accountIds: readonly number[]): Promise<RuleDue[]> {
  if (!accountIds.length) return [];
  const ids = `{${[...new Set(accountIds.map((n) => Math.trunc(n)))].join(',')}}`;
  const sameRule = (a: string, b: string) =>
    sql.raw(`${a}.account_id = ${b}.account_id and ${a}.tier = ${b}.tier and ${a}.every = ${b}.every and ${a}.unit = ${b}.unit
      and ${a}.activity_type_id is not distinct from ${b}.activity_type_id and ${a}.touch_kind is not distinct from ${b}.touch_kind
      and ${a}.campaign_id is not distinct from ${b}.campaign_id`);
  const rows = await queryRows<RuleDue & { overdue: boolean }>(
    db,
    sql`
    with mine as (select * from coverage_obligations where account_id = any(${ids}::int[]))
    select o.account_id as "accountId", o.activity_type_id as "activityTypeId", o.touch_kind as "touchKind", o.campaign_id as "campaignId", k.name as "campaignName", o.every, o.unit,
      to_char(o.due, 'YYYY-MM-DD') as due, o.status = 'overdue' as overdue,
      (select to_char(max(m.met_on), 'YYYY-MM-DD') from mine m
        where ${sameRule('m', 'o')} and m.met_on is not null and m.due < o.due
          and m.due > coalesce((select max(e.due) from mine e where ${sameRule('e', 'o')} and e.status = 'ended' and e.due < o.due), '-infinity'::date)) as "lastMet"
    from mine o
    left join playbook_versions v on v.tier = o.tier and v.version = (select max(version) from playbook_versions w where w.tier = o.tier)
    left join playbook_rules r on r.playbook_version_id = v.id and r.every = o.every and r.unit = o.unit
      and r.activity_type_id is not distinct from o.activity_type_id and r.touch_kind is not distinct from o.touch_kind
      and r.campaign_id is not distinct from o.campaign_id
    left join campaigns k on k.id = o.campaign_id
    where o.met_on is null and o.status in ('not_yet_due', 'overdue')
    order by o.account_id, r.position nulls last, o.due`,
  );
  const num = (n: number | null) => (n === null ? null : Number(n));
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId), every: Number(r.every), activityTypeId: num(r.activityTypeId), campaignId: num(r.campaignId) }));
}

export type CoverageInputs = {
  /** Each account's effective tier from each day on (its first entry: its creation). */
  tiers: Map<number, { day: LocalDate; tier: number }[]>;
  /** Each account's touch days by what they can meet: `type:<id>`, `kind:<kind>` and `campaign:<id>` (lib/playbooks/rule-target.ts). */
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
          left join campaign_events e on e.id = t.campaign_event_id
          cross join lateral (values ('kind:' || t.kind::text), ('type:' || t.activity_type_id::text), ('campaign:' || e.campaign_id::text)) x(target)
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

export type PlaybookHistoryRule = { target: string; activityTypeId: number | null; touchKind: TouchKind | null; campaignId: number | null; every: number; unit: CadenceUnit };

/** Every tier's playbook versions made by the end of `today`, with their rules, from the day each was made (workspace zone). */
export async function playbookHistory(db: DbOrTx, opts: { today: LocalDate; timeZone: string }): Promise<{ tier: number; day: LocalDate; rules: PlaybookHistoryRule[] }[]> {
  const { timeZone } = opts;
  const until = zonedToUtc(addDays(opts.today, 1), '00:00', timeZone).toISOString();
  const rows = await queryRows<{ id: number; tier: number; day: string; activity_type_id: number | null; touch_kind: TouchKind | null; campaign_id: number | null; every: number | null; unit: CadenceUnit | null }>(
    db,
    sql`select v.id, v.tier, to_char((v.created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day, r.activity_type_id, r.touch_kind, r.campaign_id, r.every, r.unit
        from playbook_versions v left join playbook_rules r on r.playbook_version_id = v.id
        where v.created_at < ${until}::timestamptz
        order by v.tier, v.version, r.position`,
  );
  const versions = new Map<number, { tier: number; day: LocalDate; rules: PlaybookHistoryRule[] }>();
  for (const r of rows) {
    const v = versions.get(r.id) ?? { tier: Number(r.tier), day: r.day, rules: [] };
    versions.set(r.id, v);
    if (r.every === null || r.unit === null) continue;
    const rule = { activityTypeId: r.activity_type_id, touchKind: r.touch_kind, campaignId: r.campaign_id === null ? null : Number(r.campaign_id) };
    v.rules.push({ target: targetValue(rule), ...rule, every: Number(r.every), unit: r.unit });
  }
  return [...versions.values()];
}

export type ObligationRow = {
  accountId: number;
  tier: number;
  activityTypeId: number | null;
  touchKind: TouchKind | null;
  /** A campaign rule's campaign; left out otherwise (it is most rows' JSON). */
  campaignId?: number;
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
    insert into coverage_obligations (account_id, tier, activity_type_id, touch_kind, campaign_id, every, unit, due, deadline, met_on, status, owner_id)
    select x."accountId", x.tier, x."activityTypeId", x."touchKind"::touch_kind, x."campaignId", x.every, x.unit::cadence_unit, x.due, x.deadline, x."metOn", x.status::obligation_status, a.owner_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("accountId" int, tier smallint, "activityTypeId" int, "touchKind" text, "campaignId" int, every smallint, unit text, due date, deadline date, "metOn" date, status text)
    join accounts a on a.id = x."accountId"`);
}

/** Drops the per-day counts that fell to nothing (their obligations moved or went). */
export async function pruneCoverageCounts(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from coverage_counts where n = 0`);
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
