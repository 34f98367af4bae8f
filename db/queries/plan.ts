import { sql } from 'drizzle-orm';
import type { ExistingActivity, PlanRule } from '@/lib/planning/propose';
import { maxTolerance, planWindow } from '@/lib/planning/propose';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { queryRows, type DbOrTx } from '../client';

// What plan-from-playbook reads, in one statement for a whole book: the
// accounts in scope whose tier's playbook has rules, and for each account
// and rule's activity type the latest planned or completed activity before
// the window plus every one in and around it (the tolerance either side).
// Each lookup is a range scan of activities_account_type_starts_idx.

export type PlanScope = { ownerId: number; tier?: number } | { accountIds: readonly number[] };

export type PlanAccountRow = { id: number; name: string; tier: number; ownerId: number | null };

/** How the account's last activity of a type was held: proposals of that type follow it. */
export type LastOfType = {
  /** Wall-clock start in the planner's zone, 'HH:MM'. */
  time: string;
  durationMinutes: number;
  location: string | null;
  agenda: string | null;
  customerAttendees: { name: string; role?: string }[];
  internalAttendees: number[];
};

export type PlanData = {
  accounts: PlanAccountRow[];
  existing: ExistingActivity[];
  /** The executive sponsor last named on an activity of that type, by "account:type". */
  sponsors: Map<string, string>;
  /** The latest planned or completed activity of that type, by "account:type". */
  lastOfType: Map<string, LastOfType>;
};

const intArray = (ids: readonly number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

type Row = {
  id: number;
  name: string;
  tier: number;
  owner_id: number | null;
  activity_type_id: number | null;
  status: ExistingActivity['status'] | null;
  local_date: string | null;
  planned_due: string | null;
  executive_sponsor: string | null;
  local_time: string | null;
  duration_minutes: number | null;
  location: string | null;
  agenda: string | null;
  customer_attendees: unknown;
  internal_attendees: unknown;
};

export async function loadPlanData(
  db: DbOrTx,
  scope: PlanScope,
  rules: ReadonlyMap<number, readonly PlanRule[]>,
  opts: { today: LocalDate; horizonMonths: number; timeZone: string },
): Promise<PlanData> {
  const pairs = [...rules].flatMap(([tier, rs]) => rs.map((r) => [tier, r.activityTypeId] as const));
  const none = (): PlanData => ({ accounts: [], existing: [], sponsors: new Map(), lastOfType: new Map() });
  if (!pairs.length) return none();
  if ('accountIds' in scope && !scope.accountIds.length) return none();

  const { lastDay } = planWindow(opts.today, opts.horizonMonths);
  const margin = maxTolerance([...rules.values()].flat());
  const from = zonedToUtc(addDays(opts.today, -margin), '00:00', opts.timeZone).toISOString();
  const to = zonedToUtc(addDays(lastDay, margin + 1), '00:00', opts.timeZone).toISOString();
  const tiers = [...new Set(pairs.map(([tier]) => tier))];
  const where =
    'accountIds' in scope
      ? sql`a.id = any(${intArray(scope.accountIds)}::int[])`
      : sql`a.owner_id = ${scope.ownerId}${scope.tier ? sql` and a.tier = ${scope.tier}` : sql``}`;
  const activityColumns = sql`status, to_char(starts_at at time zone ${opts.timeZone}, 'YYYY-MM-DD') as local_date, planned_due::text as planned_due, executive_sponsor,
    to_char(starts_at at time zone ${opts.timeZone}, 'HH24:MI') as local_time, duration_minutes, location, agenda, customer_attendees, internal_attendees, starts_at`;
  const covering = sql`account_id = p.account_id and activity_type_id = p.activity_type_id and status in ('planned', 'completed')`;

  const rows = await queryRows<Row>(
    db,
    sql`
    with scope as (
      select a.id, a.name, a.tier, a.owner_id
      from accounts a
      where ${where} and a.tier = any(${intArray(tiers)}::int[])
    ),
    pairs as (
      select s.id as account_id, r.activity_type_id
      from scope s
      join unnest(${intArray(pairs.map(([t]) => t))}::int[], ${intArray(pairs.map(([, type]) => type))}::int[]) as r(tier, activity_type_id)
        on r.tier = s.tier
    ),
    acts as (
      select p.account_id, p.activity_type_id, x.status, x.local_date, x.planned_due, x.executive_sponsor,
        x.local_time, x.duration_minutes, x.location, x.agenda, x.customer_attendees, x.internal_attendees, x.starts_at
      from pairs p
      cross join lateral (
        (select ${activityColumns} from activities
          where ${covering} and starts_at < ${from}::timestamptz
          order by starts_at desc limit 1)
        union all
        (select ${activityColumns} from activities
          where ${covering} and starts_at >= ${from}::timestamptz and starts_at < ${to}::timestamptz)
      ) x
    )
    select s.id, s.name, s.tier, s.owner_id, acts.activity_type_id, acts.status, acts.local_date, acts.planned_due, acts.executive_sponsor,
      acts.local_time, acts.duration_minutes, acts.location, acts.agenda, acts.customer_attendees, acts.internal_attendees
    from scope s
    left join acts on acts.account_id = s.id
    order by s.name, s.id, acts.starts_at`,
  );

  const accounts: PlanAccountRow[] = [];
  const existing: ExistingActivity[] = [];
  const sponsors = new Map<string, string>();
  const lastOfType = new Map<string, LastOfType>();
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  for (const r of rows) {
    if (accounts.at(-1)?.id !== r.id) accounts.push({ id: r.id, name: r.name, tier: Number(r.tier), ownerId: r.owner_id });
    if (r.activity_type_id === null || r.status === null || r.local_date === null) continue;
    existing.push({ accountId: r.id, activityTypeId: r.activity_type_id, date: r.local_date, plannedDue: r.planned_due, status: r.status });
    // Rows come in time order, so the last one wins.
    const key = `${r.id}:${r.activity_type_id}`;
    if (r.executive_sponsor) sponsors.set(key, r.executive_sponsor);
    lastOfType.set(key, {
      time: r.local_time!,
      durationMinutes: Number(r.duration_minutes),
      location: r.location,
      agenda: r.agenda,
      customerAttendees: list(r.customer_attendees),
      internalAttendees: list<number>(r.internal_attendees),
    });
  }
  return { accounts, existing, sponsors, lastOfType };
}

/** The accounts about to be planned, locked in id order (so two plans cannot deadlock) until the transaction ends. */
export async function lockAccountsForPlan(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  const rows = await queryRows<{ id: number; owner_id: number | null; tier: number }>(
    db,
    sql`select id, owner_id, tier from accounts where id = any(${intArray(ids)}::int[]) order by id for update`,
  );
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, tier: Number(r.tier) }));
}

/** A CSM's planned activities between two local dates, as local dates and minutes, to place proposals around. */
export async function plannedBusy(db: DbOrTx, ownerId: number, fromDate: LocalDate, toDate: LocalDate, timeZone: string) {
  const from = zonedToUtc(fromDate, '00:00', timeZone).toISOString();
  const to = zonedToUtc(addDays(toDate, 1), '00:00', timeZone).toISOString();
  const rows = await queryRows<{ date: string; start: number; minutes: number }>(
    db,
    sql`
    select to_char(starts_at at time zone ${timeZone}, 'YYYY-MM-DD') as date,
      (extract(hour from starts_at at time zone ${timeZone}) * 60 + extract(minute from starts_at at time zone ${timeZone}))::int as start,
      duration_minutes as minutes
    from activities
    where owner_id = ${ownerId} and status = 'planned' and starts_at >= ${from}::timestamptz and starts_at < ${to}::timestamptz`,
  );
  return rows.map((r) => ({ date: r.date, start: Number(r.start), end: Math.min(1440, Number(r.start) + Number(r.minutes)) }));
}
