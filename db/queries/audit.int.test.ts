import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { anonymousDenialsPerMinute, writeAnonymousDenial, writeAudit } from './audit';

const count = async (where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from audit_log where ${where}`))[0]!.n;

describe('refusals of signed-out callers', () => {
  it('are logged up to the per-minute maximum, then dropped; older ones do not count', async () => {
    const db = await getDb();
    await writeAudit(db, { actorId: null, action: 'access.denied', entity: 'action:old', after: {} });
    await db.execute(sql`update audit_log set at = now() - interval '2 minutes' where entity = 'action:old'`);
    for (let i = 0; i < anonymousDenialsPerMinute + 5; i++) await writeAnonymousDenial(db, 'action:test', { reason: 'signed_out' });
    expect(await count(sql`entity = 'action:test'`)).toBe(anonymousDenialsPerMinute);
    const [row] = await queryRows<{ after: unknown }>(db, sql`select after from audit_log where entity = 'action:test' limit 1`);
    expect(row!.after).toEqual({ reason: 'signed_out' });
  });
});
