import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// Tasks for humans (raised by alert episodes or written by hand): a user's
// inbox, the team's load, and the task's own changes, each from the version
// its user saw.

export type InboxTask = {
  id: number;
  version: number;
  title: string;
  why: string | null;
  values: Record<string, unknown> | null;
  ruleName: string | null;
  priority: 'high' | 'normal' | 'low';
  dueOn: string;
  snoozedUntil: string | null;
  accountId: number;
  accountName: string;
  tier: number;
  ownerId: number | null;
  ownerName: string | null;
  assignedWhy: Record<string, unknown> | null;
};

const inboxColumns = sql`t.id::int as id, t.version, t.title, t.why, t.values, r.name as "ruleName", t.priority, t.due_on::text as "dueOn",
  t.snoozed_until::text as "snoozedUntil", t.account_id as "accountId", a.name as "accountName", a.tier, t.owner_id as "ownerId", u.name as "ownerName",
  t.assigned_why as "assignedWhy"`;

const inboxFrom = sql`tasks t join accounts a on a.id = t.account_id left join users u on u.id = t.owner_id
  left join alert_episodes e on e.id = t.episode_id left join alert_rules r on r.id = e.rule_id`;

/** Open tasks of `ownerId` (null: nobody's yet) not snoozed past `today`, by due day then priority; at most `limit`, and how many in all. */
export async function inboxTasks(db: DbOrTx, o: { ownerId: number | null; today: LocalDate; limit: number }): Promise<{ total: number; tasks: InboxTask[] }> {
  const rows = await queryRows<InboxTask & { total: number }>(
    db,
    sql`select ${inboxColumns}, count(*) over ()::int as total
        from ${inboxFrom}
        where t.status = 'open' and ${o.ownerId === null ? sql`t.owner_id is null` : sql`t.owner_id = ${o.ownerId}`}
          and (t.snoozed_until is null or t.snoozed_until <= ${o.today}::date)
        order by t.due_on, case t.priority when 'high' then 0 when 'normal' then 1 else 2 end, t.id
        limit ${o.limit}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    tasks: rows.map(({ total, ...t }) => {
      void total;
      return t;
    }),
  };
}

/** Each user's open tasks: overdue, due today, this week (7 days), snoozed; users with none left out. */
export async function teamTaskLoad(db: DbOrTx, today: LocalDate) {
  return queryRows<{ ownerId: number | null; ownerName: string | null; open: number; overdue: number; today: number; week: number; snoozed: number }>(
    db,
    sql`select t.owner_id as "ownerId", u.name as "ownerName", count(*)::int as open,
          count(*) filter (where t.due_on < ${today}::date)::int as overdue,
          count(*) filter (where t.due_on = ${today}::date)::int as today,
          count(*) filter (where t.due_on > ${today}::date and t.due_on < ${today}::date + 7)::int as week,
          count(*) filter (where t.snoozed_until > ${today}::date)::int as snoozed
        from tasks t left join users u on u.id = t.owner_id
        where t.status = 'open'
        group by t.owner_id, u.name order by overdue desc, open desc, u.name nulls first`,
  );
}

export type TaskRef = { id: number; version: number; status: string; ownerId: number | null; accountId: number; title: string };

export async function findTask(db: DbOrTx, id: number): Promise<TaskRef | undefined> {
  const [row] = await queryRows<TaskRef>(
    db,
    sql`select id::int as id, version, status, owner_id as "ownerId", account_id as "accountId", title from tasks where id = ${id}`,
  );
  return row;
}

/** Applies `set` to an open task still at `version`; false if it changed or closed since. */
async function updateOpenTask(db: DbOrTx, id: number, version: number, set: ReturnType<typeof sql>): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update tasks set ${set}, version = version + 1, updated_at = now() where id = ${id} and version = ${version} and status = 'open' returning id::int as id`,
  );
  return rows.length > 0;
}

export const completeTaskRow = (db: DbOrTx, t: { id: number; version: number; note: string | null; by: number }) =>
  updateOpenTask(db, t.id, t.version, sql`status = 'done', completed_at = now(), completed_by = ${t.by}, completion_note = ${t.note}, snoozed_until = null`);

export const snoozeTaskRow = (db: DbOrTx, t: { id: number; version: number; until: LocalDate }) => updateOpenTask(db, t.id, t.version, sql`snoozed_until = ${t.until}::date`);

export const reassignTaskRow = (db: DbOrTx, t: { id: number; version: number; ownerId: number }) =>
  updateOpenTask(db, t.id, t.version, sql`owner_id = ${t.ownerId}, assigned_why = null`);
