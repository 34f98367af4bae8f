import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { auditLog, users } from '../schema';

export type AuditEntry = {
  actorId: number | null;
  action: string;
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

export async function listAudit(db: DbOrTx, opts: { page: number; action?: string }) {
  const where = opts.action ? sql`${auditLog.action} like ${opts.action.replace(/[%_]/g, '') + '%'}` : undefined;
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
        actorName: users.name,
        actorEmail: users.email,
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

/** The audit trail of one record, newest first. */
export async function listAuditForEntity(db: DbOrTx, entity: string, entityId: string | number, limit = 50) {
  return db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, before: auditLog.before, after: auditLog.after, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(sql`${auditLog.entity} = ${entity} and ${auditLog.entityId} = ${String(entityId)}`)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
