import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { TouchKind, TouchModel } from '../../lib/vocabulary';
import { alias } from 'drizzle-orm/pg-core';
import { activityTypes, campaignEvents, campaigns, contacts, contentItems, contentRecipients, contentShares, techTouches, touches } from '../schema';
import type { DbOrTx } from '../client';

/**
 * Keeps the touch ledger's activity rows in step with these accounts'
 * activities: one row per completed activity, at its start time, with its
 * type's touch model. Two set-based statements; idempotent.
 */
async function syncActivityTouches(db: DbOrTx, idArray: string): Promise<void> {
  // Rows whose activity is no longer completed, or moved, retimed or retyped.
  await db.execute(sql`
    delete from touches t
    where t.kind = 'activity_completed'
      and (t.account_id = any(${idArray}::int[]) or t.activity_id in (select id from activities where account_id = any(${idArray}::int[])))
      and not exists (
        select 1 from activities a
        where a.id = t.activity_id and a.status = 'completed' and a.account_id = t.account_id
          and a.starts_at = t.occurred_at and a.activity_type_id = t.activity_type_id)`);
  await db.execute(sql`
    insert into touches (account_id, kind, touch_model, occurred_at, activity_type_id, activity_id)
    select a.account_id, 'activity_completed', ty.touch_model, a.starts_at, a.activity_type_id, a.id
    from activities a join activity_types ty on ty.id = a.activity_type_id
    where a.account_id = any(${idArray}::int[]) and a.status = 'completed'
    on conflict (activity_id) where activity_id is not null do nothing`);
}

/**
 * Recomputes next touch (earliest planned activity) and last touch (latest
 * completed one) for these accounts, in one statement. Every activity write
 * calls it in its own transaction, so the account list can sort on them.
 * Neither depends on the clock, so nothing goes stale as time passes. The
 * touch ledger's activity rows follow in the same call.
 */
export async function refreshTouches(db: DbOrTx, accountIds: readonly number[]): Promise<void> {
  const ids = [...new Set(accountIds)].sort((a, b) => a - b);
  if (!ids.length) return;
  const idArray = `{${ids.join(',')}}`;
  // Lock the accounts first, in id order, in a statement of its own: the
  // update below then starts after any concurrent writer to these accounts
  // has committed, so its subqueries see that writer's activities. (Under READ
  // COMMITTED an UPDATE that waits for a row lock re-checks the row, not its
  // subqueries, and would write back stale touches.)
  await db.execute(sql`select id from accounts where id = any(${idArray}::int[]) order by id for no key update`);
  await db.execute(sql`
    update accounts a set
      next_touch_at = t.next_touch,
      last_touch_at = t.last_touch
    from (
      select ids.id,
        (select min(starts_at) from activities where account_id = ids.id and status = 'planned') as next_touch,
        (select max(starts_at) from activities where account_id = ids.id and status = 'completed') as last_touch
      from unnest(${idArray}::int[]) as ids(id)
    ) t
    where a.id = t.id
      and (a.next_touch_at is distinct from t.next_touch or a.last_touch_at is distinct from t.last_touch)`);
  await syncActivityTouches(db, idArray);
}

export const touchPageSize = 20;

const enrolled = alias(campaigns, 'enrolled');

/**
 * One page of an account's touches, newest first, optionally of one touch
 * model. The page is cut from the ledger alone (its account and time index
 * gives the order), then only those rows are joined to what they name: joining
 * first made PostgreSQL join all of a busy account's touches before the limit.
 */
export async function listAccountTouches(db: DbOrTx, accountId: number, { model, kind, page }: { model?: TouchModel; kind?: TouchKind; page: number }) {
  const slice = db
    .select({
      id: touches.id,
      kind: touches.kind,
      touchModel: touches.touchModel,
      occurredAt: touches.occurredAt,
      activityTypeId: touches.activityTypeId,
      contactId: touches.contactId,
      contentShareId: touches.contentShareId,
      contentRecipientId: touches.contentRecipientId,
      techTouchId: touches.techTouchId,
      campaignEventId: touches.campaignEventId,
    })
    .from(touches)
    .where(and(eq(touches.accountId, accountId), model ? eq(touches.touchModel, model) : undefined, kind ? eq(touches.kind, kind) : undefined))
    .orderBy(desc(touches.occurredAt), desc(touches.id))
    .limit(touchPageSize)
    .offset((page - 1) * touchPageSize)
    .as('page');
  return db
    .select({
      id: slice.id,
      kind: slice.kind,
      touchModel: slice.touchModel,
      occurredAt: slice.occurredAt,
      typeKey: activityTypes.key,
      typeName: activityTypes.name,
      contactName: contacts.name,
      contentTitle: contentItems.title,
      contentId: contentItems.id,
      nudgeRule: techTouches.ruleName,
      nudgeChannel: techTouches.channel,
      nudgeCampaign: enrolled.name,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      campaignChannel: campaigns.channel,
    })
    .from(slice)
    .leftJoin(activityTypes, eq(activityTypes.id, slice.activityTypeId))
    .leftJoin(contacts, eq(contacts.id, slice.contactId))
    // A content touch names its item: through its share, or its recipient's share.
    .leftJoin(contentRecipients, eq(contentRecipients.id, slice.contentRecipientId))
    .leftJoin(contentShares, eq(contentShares.id, sql`coalesce(${slice.contentShareId}, ${contentRecipients.shareId})`))
    .leftJoin(contentItems, eq(contentItems.id, contentShares.itemId))
    .leftJoin(techTouches, eq(techTouches.id, slice.techTouchId))
    // A webhook nudge names the campaign it enrolled the account in (kept on the touch when queued).
    .leftJoin(enrolled, eq(enrolled.id, techTouches.campaignId))
    .leftJoin(campaignEvents, eq(campaignEvents.id, slice.campaignEventId))
    .leftJoin(campaigns, eq(campaigns.id, campaignEvents.campaignId))
    .orderBy(desc(slice.occurredAt), desc(slice.id));
}

/** How many touches the account has of each model, for the timeline's filter. */
export async function countAccountTouches(db: DbOrTx, accountId: number): Promise<Partial<Record<TouchModel, number>>> {
  const rows = await db
    .select({ model: touches.touchModel, n: count() })
    .from(touches)
    .where(eq(touches.accountId, accountId))
    .groupBy(touches.touchModel);
  return Object.fromEntries(rows.map((r) => [r.model, r.n]));
}

/** How many touches the account has of each model and of each kind, in one statement, for the timeline's filters. */
export async function countAccountTouchesBy(db: DbOrTx, accountId: number): Promise<{ models: Partial<Record<TouchModel, number>>; kinds: Partial<Record<TouchKind, number>> }> {
  const rows = await db
    .select({ model: touches.touchModel, kind: touches.kind, n: count() })
    .from(touches)
    .where(eq(touches.accountId, accountId))
    .groupBy(touches.touchModel, touches.kind);
  const models: Partial<Record<TouchModel, number>> = {};
  const kinds: Partial<Record<TouchKind, number>> = {};
  for (const r of rows) {
    models[r.model] = (models[r.model] ?? 0) + r.n;
    kinds[r.kind] = (kinds[r.kind] ?? 0) + r.n;
  }
  return { models, kinds };
}
