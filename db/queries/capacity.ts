import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';
import { deliveredRuleHours, sessionHours } from './delivered-hours';

// The capacity page's figures for one month, each one grouped statement:
// accounts per owner and tier (hours owed come from the playbooks, in lib/),
// hours booked and delivered from activities, hosted program sessions, task
// estimates, and time off. A month is [from, to) in UTC instants of the workspace zone.

export type MonthBounds = { from: LocalDate; to: LocalDate; fromAt: Date; toAt: Date };

/** Accounts per owner (null: nobody) and current tier. */
export async function bookSizes(db: DbOrTx) {
  const rows = await queryRows<{ ownerId: number | null; tier: number; accounts: number }>(
    db,
    sql`select owner_id as "ownerId", tier, count(*)::int as accounts from accounts group by owner_id, tier`,
  );
  return rows.map((r) => ({ ...r, tier: Number(r.tier), accounts: Number(r.accounts) }));
}

/**
 * Per person: hours booked (planned activities starting in the month, their
 * own length) and hours delivered (completed ones: the hours of the rule of
 * the account's current tier's playbook for that activity type, preparation
 * included, else the activity's own length: delivered-hours.ts).
 */
export async function activityHours(db: DbOrTx, m: MonthBounds) {
  const rows = await queryRows<{ userId: number; booked: string; delivered: string }>(
    db,
    sql`with rules as (${deliveredRuleHours})
        select a.owner_id as "userId",
          (coalesce(sum(a.duration_minutes) filter (where a.status = 'planned'), 0) / 60.0)::text as booked,
          coalesce(sum(coalesce(r.hours, a.duration_minutes / 60.0)) filter (where a.status = 'completed'), 0)::text as delivered
        from activities a
        join accounts acc on acc.id = a.account_id
        left join rules r on r.tier = acc.tier and r.activity_type_id = a.activity_type_id
        where a.starts_at >= ${m.fromAt.toISOString()}::timestamptz and a.starts_at < ${m.toAt.toISOString()}::timestamptz
          and a.status in ('planned', 'completed')
        group by a.owner_id`,
  );
  return rows.map((r) => ({ userId: r.userId, booked: Number(r.booked), delivered: Number(r.delivered) }));
}

/** Per host: the hours (length + preparation) of the sessions they host in the month, once each; `held` those already over. */
export async function hostedHours(db: DbOrTx, m: MonthBounds, now: Date) {
  const rows = await queryRows<{ userId: number; hosted: string; held: string }>(
    db,
    sql`select h.user_id as "userId",
          sum(${sessionHours})::text as hosted,
          coalesce(sum(${sessionHours}) filter (where s.starts_at + make_interval(mins => s.duration_minutes) <= ${now.toISOString()}::timestamptz), 0)::text as held
        from program_sessions s join program_hosts h on h.program_id = s.program_id
        where not s.cancelled and s.starts_at >= ${m.fromAt.toISOString()}::timestamptz and s.starts_at < ${m.toAt.toISOString()}::timestamptz
        group by h.user_id`,
  );
  return rows.map((r) => ({ userId: r.userId, hosted: Number(r.hosted), held: Number(r.held) }));
}

/**
 * Per task owner (null: nobody) the hours of their task estimates that fall
 * in the month: `open`, open tasks due in the month; `done`, tasks completed
 * in the month. Cancelled tasks count nowhere.
 */
export async function taskHours(db: DbOrTx, m: MonthBounds) {
  const rows = await queryRows<{ userId: number | null; open: string; done: string }>(
    db,
    sql`select t.owner_id as "userId",
          (coalesce(sum(t.estimate_minutes) filter (where t.status = 'open'), 0) / 60.0)::text as open,
          (coalesce(sum(t.estimate_minutes) filter (where t.status = 'done'), 0) / 60.0)::text as done
        from tasks t
        where (t.status = 'open' and t.due_on >= ${m.from}::date and t.due_on <= ${m.to}::date)
           or (t.status = 'done' and t.completed_at >= ${m.fromAt.toISOString()}::timestamptz and t.completed_at < ${m.toAt.toISOString()}::timestamptz)
        group by t.owner_id`,
  );
  return rows.map((r) => ({ userId: r.userId, open: Number(r.open), done: Number(r.done) }));
}

export type TimeOffRow = { id: number; userId: number; userName: string; fromDate: LocalDate; toDate: LocalDate; hoursPerDay: string; note: string | null };

const timeOffRows = sql`select t.id, t.user_id as "userId", u.name as "userName", to_char(t.from_date, 'YYYY-MM-DD') as "fromDate", to_char(t.to_date, 'YYYY-MM-DD') as "toDate",
    t.hours_per_day::text as "hoursPerDay", t.note
  from time_off t join users u on u.id = t.user_id`;

/** Time-off entries that touch the month, by start; one person's when `userId` is given. */
export async function timeOffIn(db: DbOrTx, m: Pick<MonthBounds, 'from' | 'to'>, userId?: number): Promise<TimeOffRow[]> {
  return queryRows<TimeOffRow>(
    db,
    sql`${timeOffRows}
        where t.from_date <= ${m.to}::date and t.to_date >= ${m.from}::date ${userId === undefined ? sql`` : sql`and t.user_id = ${userId}`}
        order by t.from_date, u.name, t.id`,
  );
}

/** Everyone whose month the page shows: active CSMs, and anyone else active who owns accounts or hosts programs. */
export async function capacityPeople(db: DbOrTx) {
  return queryRows<{ id: number; name: string; role: string; capacityHours: number }>(
    db,
    sql`select u.id, u.name, u.role::text as role, u.capacity_hours as "capacityHours" from users u
        where u.active and (u.role = 'csm' or exists (select 1 from accounts a where a.owner_id = u.id) or exists (select 1 from program_hosts h where h.user_id = u.id))
        order by u.name, u.id`,
  );
}

export async function insertTimeOff(db: DbOrTx, row: { userId: number; fromDate: LocalDate; toDate: LocalDate; hoursPerDay: string; note: string | null; createdBy: number }) {
  const [created] = await queryRows<{ id: number }>(
    db,
    sql`insert into time_off (user_id, from_date, to_date, hours_per_day, note, created_by)
        values (${row.userId}, ${row.fromDate}::date, ${row.toDate}::date, ${row.hoursPerDay}::numeric, ${row.note}, ${row.createdBy}) returning id`,
  );
  return created!.id;
}

export async function findTimeOff(db: DbOrTx, id: number): Promise<TimeOffRow | undefined> {
  const [row] = await queryRows<TimeOffRow>(
    db,
    sql`${timeOffRows} where t.id = ${id}`,
  );
  return row;
}

export async function deleteTimeOff(db: DbOrTx, id: number): Promise<void> {
  await db.execute(sql`delete from time_off where id = ${id}`);
}
