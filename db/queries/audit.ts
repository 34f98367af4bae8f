import { desc, eq, sql } from 'drizzle-orm';
import type { AuditAction } from '@/lib/audit-actions';
import type { AuditNames } from '@/lib/audit-values';
import type { AuditReferences } from '@/lib/audit-references';
import { queryRows, type DbOrTx } from '../client';
import { auditLog, users } from '../schema';

export type AuditEntry = {
  actorId: number | null;
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Signed-out callers are anonymous and free to repeat: at most this many of their refusals are logged per minute. */
export const anonymousDenialsPerMinute = 60;

/** Logs a refusal of a signed-out caller, unless the last minute already holds the maximum (so the log cannot be flooded). */
export async function writeAnonymousDenial(db: DbOrTx, entity: string, after: unknown): Promise<void> {
  await db.execute(sql`
    insert into audit_log (actor_id, action, entity, after)
    select null, 'access.denied', ${entity}, ${JSON.stringify(after)}::jsonb
    where (select count(*) from audit_log
           where at > now() - interval '1 minute' and actor_id is null and action = 'access.denied') < ${anonymousDenialsPerMinute}`);
}

/** Many audit rows in one statement (bulk actions write one row per record). */
export async function auditMany(db: DbOrTx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insert(auditLog).values(
    entries.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

export const auditPageSize = 50;

export type AuditFilter = {
  page: number;
  /** An action ("account.update") or a group of them ("account."). */
  action?: string;
  actorId?: number;
  /** One record: its entity ("account") and id. */
  entity?: string;
  entityId?: string;
  /** Calendar dates (YYYY-MM-DD), inclusive, in `timeZone`. */
  from?: string;
  to?: string;
  timeZone: string;
};

function auditWhere(f: AuditFilter) {
  const parts = [];
  if (f.action) {
    parts.push(f.action.endsWith('.') ? sql`${auditLog.action} like ${f.action.replace(/[\\%_]/g, '\\$&') + '%'}` : sql`${auditLog.action} = ${f.action}`);
  }
  if (f.actorId !== undefined) parts.push(sql`${auditLog.actorId} = ${f.actorId}`);
  if (f.entity) parts.push(sql`${auditLog.entity} = ${f.entity}`);
  if (f.entity && f.entityId) parts.push(sql`${auditLog.entityId} = ${f.entityId}`);
  if (f.from) parts.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone ${f.timeZone}`);
  if (f.to) parts.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone ${f.timeZone}`);
  return parts.length ? sql.join(parts, sql` and `) : undefined;
}

export async function listAudit(db: DbOrTx, opts: AuditFilter) {
  const where = auditWhere(opts);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        actorId: auditLog.actorId,
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(auditPageSize)
      .offset((opts.page - 1) * auditPageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

const intArray = (ids: readonly number[]) => `{${ids.filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31).join(',')}}`;

/**
 * The names of every record a page of audit rows mentions (users, accounts,
 * activity types, the type of each activity, contacts), in one statement.
 */
export async function auditNames(db: DbOrTx, refs: AuditReferences): Promise<AuditNames> {
  const rows = await queryRows<{ kind: 'user' | 'account' | 'type' | 'activity' | 'contact' | 'content' | 'program' | 'campaign'; id: number; name: string | null; key: string | null; type_id: number | null }>(
    db,
    sql`
    select 'user' as kind, id, name, null::text as key, null::int as type_id from users where id = any(${intArray(refs.users)}::int[])
    union all
    select 'account', id, name, null, null from accounts where id = any(${intArray(refs.accounts)}::int[])
    union all
    select 'type', id, name, key, null from activity_types
      where id = any(${intArray(refs.activityTypes)}::int[])
         or id in (select activity_type_id from activities where id = any(${intArray(refs.activities)}::int[]))
    union all
    select 'activity', id, null, null, activity_type_id from activities where id = any(${intArray(refs.activities)}::int[])
    union all
    select 'contact', id, name, null, null from contacts where id = any(${intArray(refs.contacts)}::int[])
    union all
    select 'content', id, title, null, null from content_items where id = any(${intArray(refs.content)}::int[])
    union all
    select 'program', id, title, null, null from programs where id = any(${intArray(refs.programs)}::int[])
    union all
    select 'campaign', id, name, null, null from campaigns where id = any(${intArray(refs.campaigns)}::int[])`,
  );
  const users = new Map<number, string>();
  const accounts = new Map<number, string>();
  const activityTypes = new Map<number, { key: string | null; name: string | null }>();
  const activityTypeOf = new Map<number, number>();
  const contacts = new Map<number, string>();
  const content = new Map<number, string>();
  const programs = new Map<number, string>();
  const campaigns = new Map<number, string>();
  for (const r of rows) {
    if (r.kind === 'user') users.set(r.id, r.name ?? '');
    else if (r.kind === 'account') accounts.set(r.id, r.name ?? '');
    else if (r.kind === 'type') activityTypes.set(r.id, { key: r.key, name: r.name });
    else if (r.kind === 'contact') contacts.set(r.id, r.name ?? '');
    else if (r.kind === 'content') content.set(r.id, r.name ?? '');
    else if (r.kind === 'program') programs.set(r.id, r.name ?? '');
    else if (r.kind === 'campaign') campaigns.set(r.id, r.name ?? '');
    else if (r.type_id !== null) activityTypeOf.set(r.id, r.type_id);
  }
  return { users, accounts, activityTypes, activityTypeOf, contacts, content, programs, campaigns };
}

/** Every user, active or not, for the actor filter (a workspace has tens of users, not thousands). */
export async function auditActors(db: DbOrTx) {
  return db.select({ id: users.id, name: users.name, active: users.active }).from(users).orderBy(users.name);
}

/** The audit trail of one record, newest first. */
export async function listAuditForEntity(db: DbOrTx, entity: string, entityId: string | number, limit = 50) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorId: auditLog.actorId,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(sql`${auditLog.entity} = ${entity} and ${auditLog.entityId} = ${String(entityId)}`)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
