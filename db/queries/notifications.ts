import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { unreadCap, type NotificationItem } from '@/lib/notifications/notification';
import { queryRows, type DbOrTx } from '../client';

// The bell: a user's notifications (written by the triggers of migration
// 0040 and by the due sweep below), how many are unread, and marking them read.

/** A user's unread notifications, at most `unreadCap` (the header's count on every page). */
export async function countUnread(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from notifications where user_id = ${userId} and read_at is null limit ${unreadCap}) x`,
  );
  return row?.n ?? 0;
}

/** A user's latest notifications, newest first, with what each is about. */
export async function latestNotifications(db: DbOrTx, userId: number, limit = 20): Promise<NotificationItem[]> {
  const rows = await queryRows<NotificationItem>(
    db,
    sql`select n.id::int as id, n.kind, n.created_at::text as "createdAt", n.read_at is not null as read,
          coalesce(t.account_id, r.account_id) as "accountId", a.name as "accountName",
          t.title as "taskTitle", t.due_on::text as "dueOn", case when t.id is null then null else t.status = 'open' end as "taskOpen",
          r.requested_tier as "requestedTier", case when r.id is null then null else r.status::text end as decision
        from notifications n
          left join tasks t on t.id = n.task_id
          left join tier_override_requests r on r.id = n.override_request_id
          left join accounts a on a.id = coalesce(t.account_id, r.account_id)
        where n.user_id = ${userId}
        order by n.created_at desc, n.id desc
        limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), requestedTier: r.requestedTier === null ? null : Number(r.requestedTier) }));
}

/**
 * A task a manager gave themselves is not news to them. The trigger tells
 * every new owner (it cannot see who acted), so the reassignment takes back
 * the unread "task assigned" it just wrote for them, in its transaction.
 */
export async function unnotifySelfAssignment(db: DbOrTx, taskId: number, userId: number): Promise<void> {
  await db.execute(sql`delete from notifications where task_id = ${taskId} and user_id = ${userId} and kind = 'task_assigned' and read_at is null`);
}

/** Marks one of the user's notifications read (`id`), or all of them; another user's are never touched. Returns how many changed. */
export async function markRead(db: DbOrTx, userId: number, id: number | null): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update notifications set read_at = now()
        where user_id = ${userId} and read_at is null ${id === null ? sql`` : sql`and id = ${id}`}
        returning id::int as id`,
  );
  return rows.length;
}

/** Whether notification `id` is the user's. */
export async function ownsNotification(db: DbOrTx, userId: number, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select id::int as id from notifications where id = ${id} and user_id = ${userId}`);
  return rows.length > 0;
}

/**
 * "Due within 24 hours": one notification per open task of an active owner
 * due today or tomorrow (or already overdue, as a task back from a snooze
 * is), not snoozed past `today` (the workspace's). Returns how many were new;
 * a second run adds none.
 */
export async function notifyDueTasks(db: DbOrTx, today: LocalDate): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into notifications (user_id, kind, task_id)
        select t.owner_id, 'task_due', t.id
        from tasks t join users u on u.id = t.owner_id and u.active
        where t.status = 'open' and t.due_on <= ${today}::date + 1
          and (t.snoozed_until is null or t.snoozed_until <= ${today}::date)
        on conflict (user_id, kind, task_id) where task_id is not null do nothing
        returning id::int as id`,
  );
  return rows.length;
}
