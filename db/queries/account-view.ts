import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import type { InvitationStatus, TouchKind, TouchModel } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';

// What the account page reads beyond the account row: the header's figures
// in one statement, and one page of each tab's rows. Every statement starts
// from an index on the account id (account_health's key, health_history's
// (account, day) key, touches (account, occurred_at), tasks, alert_episodes,
// program_invitations and content_shares by account).

/** Rows a tab shows at once; one more is read to know whether there is a next page. */
export const accountTabPageSize = 50;

export type AccountHeaderFigures = {
  healthScore: number | null;
  healthBand: string | null;
  /** The score `trendDays` ago (the nearest earlier day with a score), for the trend arrow. */
  healthBefore: number | null;
  lastTouchAt: Date | null;
  lastTouchKind: TouchKind | null;
  lastTouchModel: TouchModel | null;
  openTasks: number;
  overdueTasks: number;
  openAlerts: number;
};

export const trendDays = 30;

/** The header's figures: health and its trend, the last touch of any model, open tasks (overdue among them) and open alerts. */
export async function accountHeaderFigures(db: DbOrTx, accountId: number, today: LocalDate): Promise<AccountHeaderFigures> {
  const [row] = await queryRows<AccountHeaderFigures & { lastTouchAt: string | Date | null }>(
    db,
    sql`select
          h.score as "healthScore", h.band as "healthBand",
          (select hh.score from health_history hh
            where hh.account_id = ${accountId} and hh.day <= ${today}::date - ${trendDays}::int and hh.score is not null
            order by hh.day desc limit 1) as "healthBefore",
          lt.occurred_at as "lastTouchAt", lt.kind as "lastTouchKind", lt.touch_model as "lastTouchModel",
          (select count(*) from tasks t where t.account_id = ${accountId} and t.status = 'open')::int as "openTasks",
          (select count(*) from tasks t where t.account_id = ${accountId} and t.status = 'open' and t.due_on < ${today}::date)::int as "overdueTasks",
          (select count(*) from alert_episodes e where e.account_id = ${accountId} and e.closed_on is null and e.dismissed_on is null)::int as "openAlerts"
        from (select ${accountId}::int as id) a
        left join account_health h on h.account_id = a.id
        left join lateral (select occurred_at, kind, touch_model from touches where account_id = a.id order by occurred_at desc, id desc limit 1) lt on true`,
  );
  return { ...row!, lastTouchAt: row!.lastTouchAt === null ? null : new Date(row!.lastTouchAt) };
}

export type AccountTaskRow = {
  id: number;
  ownerId: number | null;
  title: string;
  why: string | null;
  priority: 'high' | 'normal' | 'low';
  dueOn: string;
  snoozedUntil: string | null;
  ownerName: string | null;
  ruleName: string | null;
  values: Record<string, unknown> | null;
  assignedWhy: Record<string, unknown> | null;
  version: number;
  /** The open alert episode behind the task (snoozed or dismissed instead of the task), if any. */
  episodeVersion: number | null;
};

/** The account's open tasks by due day then priority: one page and whether there is more. */
export async function listAccountOpenTasks(db: DbOrTx, accountId: number, page: number): Promise<{ rows: AccountTaskRow[]; more: boolean }> {
  const rows = await queryRows<AccountTaskRow>(
    db,
    sql`select t.id::int as id, t.owner_id as "ownerId", t.title, t.why, t.priority, t.due_on::text as "dueOn", t.snoozed_until::text as "snoozedUntil", u.name as "ownerName", r.name as "ruleName",
          t.values, t.assigned_why as "assignedWhy", t.version,
          case when e.closed_on is null and e.dismissed_on is null then e.version end as "episodeVersion"
        from tasks t left join users u on u.id = t.owner_id
          left join alert_episodes e on e.id = t.episode_id left join alert_rules r on r.id = e.rule_id
        where t.account_id = ${accountId} and t.status = 'open'
        order by t.due_on, case t.priority when 'high' then 0 when 'normal' then 1 else 2 end, t.id
        limit ${accountTabPageSize + 1} offset ${(page - 1) * accountTabPageSize}`,
  );
  return { rows: rows.slice(0, accountTabPageSize), more: rows.length > accountTabPageSize };
}

export type AccountAlertRow = { id: number; ruleName: string; openedOn: string; snoozedUntil: string | null; taskId: number | null };

/** The account's open alert episodes (not closed, not dismissed), newest first, with the task each raised. */
export async function listAccountOpenAlerts(db: DbOrTx, accountId: number): Promise<AccountAlertRow[]> {
  return queryRows<AccountAlertRow>(
    db,
    sql`select e.id::int as id, r.name as "ruleName", e.opened_on::text as "openedOn", e.snoozed_until::text as "snoozedUntil", t.id::int as "taskId"
        from alert_episodes e join alert_rules r on r.id = e.rule_id left join tasks t on t.episode_id = e.id
        where e.account_id = ${accountId} and e.closed_on is null and e.dismissed_on is null
        order by e.opened_on desc, e.id desc
        limit ${accountTabPageSize}`,
  );
}

export type AccountInvitationRow = {
  id: number;
  programId: number;
  programTitle: string;
  startsAt: Date;
  timeZone: string;
  cancelled: boolean;
  contactName: string;
  status: InvitationStatus;
  attendedMinutes: number | null;
};

/** The account's program invitations, latest session first: one page and whether there is more. */
export async function listAccountInvitations(db: DbOrTx, accountId: number, page: number): Promise<{ rows: AccountInvitationRow[]; more: boolean }> {
  const rows = await queryRows<AccountInvitationRow & { startsAt: string | Date }>(
    db,
    sql`select i.id, p.id as "programId", p.title as "programTitle", s.starts_at as "startsAt", s.time_zone as "timeZone", s.cancelled,
          c.name as "contactName", i.status, i.attended_minutes as "attendedMinutes"
        from program_invitations i join program_sessions s on s.id = i.session_id join programs p on p.id = s.program_id join contacts c on c.id = i.contact_id
        where i.account_id = ${accountId}
        order by s.starts_at desc, i.id desc
        limit ${accountTabPageSize + 1} offset ${(page - 1) * accountTabPageSize}`,
  );
  return { rows: rows.slice(0, accountTabPageSize).map((r) => ({ ...r, startsAt: new Date(r.startsAt) })), more: rows.length > accountTabPageSize };
}

export type AccountShareRow = { id: number; itemId: number; title: string; sharedAt: Date; sharedByName: string | null; recipients: number; opened: number; lastOpenedAt: Date | null };

/** What was shared with the account, newest first, with how many of its recipients opened it: one page and whether there is more. */
export async function listAccountShares(db: DbOrTx, accountId: number, page: number): Promise<{ rows: AccountShareRow[]; more: boolean }> {
  const rows = await queryRows<AccountShareRow & { sharedAt: string | Date; lastOpenedAt: string | Date | null }>(
    db,
    sql`with page as (
          select * from content_shares where account_id = ${accountId}
          order by shared_at desc, id desc
          limit ${accountTabPageSize + 1} offset ${(page - 1) * accountTabPageSize})
        select s.id, s.item_id as "itemId", i.title, s.shared_at as "sharedAt", u.name as "sharedByName",
          (select count(*) from content_recipients r where r.share_id = s.id)::int as recipients,
          (select count(*) from content_recipients r where r.share_id = s.id and r.first_opened_at is not null)::int as opened,
          (select max(r.last_opened_at) from content_recipients r where r.share_id = s.id) as "lastOpenedAt"
        from page s join content_items i on i.id = s.item_id left join users u on u.id = s.shared_by
        order by s.shared_at desc, s.id desc`,
  );
  return {
    rows: rows.slice(0, accountTabPageSize).map((r) => ({ ...r, sharedAt: new Date(r.sharedAt), lastOpenedAt: r.lastOpenedAt === null ? null : new Date(r.lastOpenedAt) })),
    more: rows.length > accountTabPageSize,
  };
}
