import { sql } from 'drizzle-orm';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { CadenceUnit, TouchKind } from '@/lib/vocabulary';
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
