import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { digestHour } from '@/lib/notifications/digest';
import { queryRows, type DbOrTx } from '../client';

// The daily digest: who is owed one now, claimed in the statement that
// records it (and given back if it could not be sent), and their open tasks.

export type DigestUser = {
  id: number;
  email: string;
  name: string;
  locale: string | null;
  timeZone: string;
  /** Their local day now: the digest's day. */
  today: LocalDate;
  /** When their previous digest went out (its day at 08:00 local), or a day ago for a first one. */
  since: string;
  /** The day of their previous digest (what the claim replaced), to put back if this one cannot be sent. */
  previousDay: LocalDate | null;
};

/**
 * Claims the users owed a digest at `now`: digest on, active, at or after
 * 08:00 in their zone (theirs, else the workspace's), none yet for their
 * local today. Sets digest_sent_on in the same statement, so two runs (two
 * app instances) never claim one user twice; rows another run holds are skipped.
 */
export async function claimDigestUsers(db: DbOrTx, now: Date): Promise<DigestUser[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const local = sql`(${at} at time zone coalesce(u.time_zone, ws.tz))`;
  const due = sql`${local}::time >= make_time(${digestHour}::int, 0, 0) and (u.digest_sent_on is null or u.digest_sent_on < ${local}::date)`;
  const rows = await queryRows<DigestUser & { previous: string | null }>(
    db,
    sql`with ws as (select coalesce((select time_zone from workspace_settings where id = 1), 'Asia/Tokyo') as tz),
        owed as (
          select u.id, u.digest_sent_on as previous from users u, ws
          where u.digest_email and u.active and ${due}
          for update of u skip locked)
        update users u set digest_sent_on = ${local}::date
        from owed, ws
        where u.id = owed.id and ${due}
        returning u.id, u.email, u.name, u.locale, coalesce(u.time_zone, ws.tz) as "timeZone", ${local}::date::text as today,
          coalesce((owed.previous + make_time(${digestHour}::int, 0, 0)) at time zone coalesce(u.time_zone, ws.tz), ${at} - interval '1 day')::text as since,
          owed.previous::text as "previousDay"`,
  );
  return rows.map((r) => ({ ...r, since: new Date(r.since).toISOString() }));
}

/**
 * Gives back the claims of digests that could not be sent, in one
 * statement: each user's digest_sent_on returns to its previous day, so the
 * next run tries again. Only where it still holds this claim (a later day's
 * run, or the user turning the digest off and on, is left alone).
 */
export async function releaseDigestClaims(db: DbOrTx, users: Pick<DigestUser, 'id' | 'today' | 'previousDay'>[]): Promise<void> {
  if (!users.length) return;
  await db.execute(
    sql`update users u set digest_sent_on = d.previous
        from jsonb_to_recordset(${JSON.stringify(users.map((x) => ({ id: x.id, today: x.today, previous: x.previousDay })))}::jsonb) as d(id int, today date, previous date)
        where u.id = d.id and u.digest_sent_on = d.today`,
  );
}

export type DigestTask = { ownerId: number; id: number; title: string; accountName: string; dueOn: LocalDate; priority: string; createdAt: string };

/** The open tasks of `ownerIds` a digest tells about: due by their day (overdue or today) or new since their last digest; snoozed ones left out. */
export async function digestTasks(db: DbOrTx, users: { id: number; today: LocalDate; since: string }[]): Promise<DigestTask[]> {
  if (!users.length) return [];
  const rows = await queryRows<DigestTask>(
    db,
    sql`select t.owner_id as "ownerId", t.id::int as id, t.title, a.name as "accountName", t.due_on::text as "dueOn", t.priority, t.created_at::text as "createdAt"
        from jsonb_to_recordset(${JSON.stringify(users)}::jsonb) as d(id int, today date, since timestamptz)
          join tasks t on t.owner_id = d.id and t.status = 'open'
          join accounts a on a.id = t.account_id
        where (t.snoozed_until is null or t.snoozed_until <= d.today)
          and (t.due_on <= d.today or t.created_at >= d.since)
        order by t.owner_id, t.due_on, case t.priority when 'high' then 0 when 'normal' then 1 else 2 end, t.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** A user's digest setting (the settings page's checkbox). */
export async function digestSetting(db: DbOrTx, userId: number): Promise<{ digestEmail: boolean; digestSentOn: LocalDate | null } | undefined> {
  const [row] = await queryRows<{ digestEmail: boolean; digestSentOn: LocalDate | null }>(
    db,
    sql`select digest_email as "digestEmail", digest_sent_on::text as "digestSentOn" from users where id = ${userId}`,
  );
  return row;
}

/**
 * Turns the digest on or off if the user row is still at `version`; returns
 * the new version, or undefined on a conflict. Turned on, the first digest
 * is the next 08:00 in their zone (not one right away in the afternoon).
 */
export async function setDigestEmail(db: DbOrTx, userId: number, version: number, on: boolean): Promise<number | undefined> {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`with ws as (select coalesce((select time_zone from workspace_settings where id = 1), 'Asia/Tokyo') as tz)
        update users u set digest_email = ${on},
          digest_sent_on = case when ${on} and not u.digest_email
            then ((now() at time zone coalesce(u.time_zone, ws.tz)) - make_interval(hours => ${digestHour}::int))::date else u.digest_sent_on end,
          version = u.version + 1
        from ws where u.id = ${userId} and u.version = ${version}
        returning u.version`,
  );
  return row?.version;
}
