import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';

export async function auditRows(action: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id));
}

export async function lastAudit() {
  const db = await getDb();
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}
