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
  /** The alert episode behind a raised task (null: written by hand), and what was decided about it. */
  episode: EpisodeOnTask | null;
};

export type EpisodeOnTask = { id: number; version: number; snoozedUntil: string | null; snoozeReason: string | null; dismissedOn: string | null; dismissReason: string | null; closed: boolean };

const inboxColumns = sql`t.id::int as id, t.version, t.title, t.why, t.values, r.name as "ruleName", t.priority, t.due_on::text as "dueOn",
  t.snoozed_until::text as "snoozedUntil", t.account_id as "accountId", a.name as "accountName", a.tier, t.owner_id as "ownerId", u.name as "ownerName",
  t.assigned_why as "assignedWhy",
  case when e.id is null then null else json_build_object('id', e.id, 'version', e.version, 'snoozedUntil', e.snoozed_until, 'snoozeReason', e.snooze_reason,
    'dismissedOn', e.dismissed_on, 'dismissReason', e.dismiss_reason, 'closed', e.closed_on is not null) end as episode`;

const inboxOrder = sql`t.due_on, case t.priority when 'high' then 0 when 'normal' then 1 else 2 end, t.id`;

/** Open tasks of `ownerId` (null: nobody's yet) not snoozed past `today`, by due day then priority; at most `limit`, and how many in all. */
export async function inboxTasks(db: DbOrTx, o: { ownerId: number | null; today: LocalDate; limit: number }): Promise<{ total: number; tasks: InboxTask[] }> {
  // The page is cut from the owner's tasks alone, then joined to what it shows:
  // counting over the joined rows joined every open task first (a pool member
  // with 5,000 open tasks: 224 ms against 31 ms).
  const rows = await queryRows<InboxTask & { total: number }>(
    db,
    sql`with mine as (
          select * from tasks t
          where t.status = 'open' and ${o.ownerId === null ? sql`t.owner_id is null` : sql`t.owner_id = ${o.ownerId}`}
            and (t.snoozed_until is null or t.snoozed_until <= ${o.today}::date)),
        page as (select * from mine t order by ${inboxOrder} limit ${o.limit})
        select ${inboxColumns}, (select count(*) from mine)::int as total
        from page t join accounts a on a.id = t.account_id left join users u on u.id = t.owner_id
          left join alert_episodes e on e.id = t.episode_id left join alert_rules r on r.id = e.rule_id
        order by ${inboxOrder}`,
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
    // Counted on the tasks alone, then the few owners' names joined.
    sql`select l.*, u.name as "ownerName"
        from (select t.owner_id as "ownerId", count(*)::int as open,
            count(*) filter (where t.due_on < ${today}::date)::int as overdue,
            count(*) filter (where t.due_on = ${today}::date)::int as today,
            count(*) filter (where t.due_on > ${today}::date and t.due_on < ${today}::date + 7)::int as week,
            count(*) filter (where t.snoozed_until > ${today}::date)::int as snoozed
          from tasks t where t.status = 'open' group by t.owner_id) l
        left join users u on u.id = l."ownerId"
        order by l.overdue desc, l.open desc, u.name nulls first`,
  );
}

export type HomeBucket = 'overdue' | 'today' | 'week';

/**
 * A user's open tasks due within the week, for the home page in one query:
 * at most `limit` of each bucket (overdue, due today, later this week) by
 * due day then priority, and how many each bucket holds.
 */
export async function homeInbox(db: DbOrTx, o: { ownerId: number; today: LocalDate; limit: number }) {
  const rows = await queryRows<InboxTask & { bucket: HomeBucket; count: number; rn: number }>(
    db,
    // Ranked on the tasks alone, then only the shown ones joined (as inboxTasks).
    sql`with ranked as (
          select t.*,
            case when t.due_on < ${o.today}::date then 'overdue' when t.due_on = ${o.today}::date then 'today' else 'week' end as bucket,
            count(*) over (partition by sign(t.due_on - ${o.today}::date))::int as count,
            row_number() over (partition by sign(t.due_on - ${o.today}::date) order by ${inboxOrder})::int as rn
          from tasks t
          where t.status = 'open' and t.owner_id = ${o.ownerId} and t.due_on < ${o.today}::date + 7
            and (t.snoozed_until is null or t.snoozed_until <= ${o.today}::date))
        select ${inboxColumns}, t.bucket, t.count, t.rn
        from ranked t join accounts a on a.id = t.account_id left join users u on u.id = t.owner_id
          left join alert_episodes e on e.id = t.episode_id left join alert_rules r on r.id = e.rule_id
        where t.rn <= ${o.limit} order by t.due_on, t.rn`,
  );
  const buckets = { overdue: { count: 0, tasks: [] as InboxTask[] }, today: { count: 0, tasks: [] as InboxTask[] }, week: { count: 0, tasks: [] as InboxTask[] } };
  for (const { bucket, count, rn, ...task } of rows) {
    void rn;
    buckets[bucket].count = count;
    buckets[bucket].tasks.push(task);
  }
  return buckets;
}

export type TaskRef = { id: number; version: number; status: string; ownerId: number | null; accountId: number; title: string; episodeId: number | null };

export async function findTask(db: DbOrTx, id: number): Promise<TaskRef | undefined> {
  const [row] = await queryRows<TaskRef>(
    db,
    sql`select id::int as id, version, status, owner_id as "ownerId", account_id as "accountId", title, episode_id::int as "episodeId" from tasks where id = ${id}`,
  );
  return row;
}

export type NewTask = { accountId: number; title: string; why: string | null; priority: string; dueOn: LocalDate; ownerId: number; estimateMinutes: number; createdBy: number };

/** A task written by hand: no episode, no signal values. */
export async function insertTask(db: DbOrTx, t: NewTask): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into tasks (account_id, title, why, priority, due_on, owner_id, estimate_minutes, created_by)
        values (${t.accountId}, ${t.title}, ${t.why}, ${t.priority}, ${t.dueOn}::date, ${t.ownerId}, ${t.estimateMinutes}, ${t.createdBy})
        returning id::int as id`,
  );
  return row!.id;
}

/**
 * Accounts a new task may be written on, by name: those `ownerId` owns (a
 * CSM), or any (null, managers), matching `q` if given; `limit` of them and
 * whether there were more.
 */
export async function taskAccountOptions(db: DbOrTx, o: { ownerId: number | null; q?: string; limit: number }) {
  const rows = await queryRows<{ id: number; name: string; tier: number }>(
    db,
    sql`select id, name, tier from accounts
        where ${o.ownerId === null ? sql`true` : sql`owner_id = ${o.ownerId}`}
          ${o.q ? sql`and name ilike ${'%' + o.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``}
        order by name, id limit ${o.limit + 1}`,
  );
  return { accounts: rows.slice(0, o.limit), more: rows.length > o.limit };
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

/** The open task of an episode: cancelled (its episode was dismissed) or snoozed with it; returns the task's id if one was open. */
export async function followEpisode(db: DbOrTx, episodeId: number, change: { cancel: true } | { snoozedUntil: LocalDate }): Promise<number | null> {
  const set = 'cancel' in change ? sql`status = 'cancelled', snoozed_until = null` : sql`snoozed_until = ${change.snoozedUntil}::date`;
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`update tasks set ${set}, version = version + 1, updated_at = now() where episode_id = ${episodeId} and status = 'open' returning id::int as id`,
  );
  return row?.id ?? null;
}

export const reassignTaskRow = (db: DbOrTx, t: { id: number; version: number; ownerId: number }) =>
  updateOpenTask(db, t.id, t.version, sql`owner_id = ${t.ownerId}, assigned_why = null`);
