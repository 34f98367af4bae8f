import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { insertActivity } from './activities';
import { listActivityTypes } from './playbooks';
import { anonymousDenialsPerMinute, auditNames, writeAnonymousDenial, writeAudit } from './audit';

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

describe('auditNames', () => {
  it('reads the names of users, accounts, activity types and each activity’s type in one statement', async () => {
    const db = await getDb();
    const csm = await createUser('csm', { name: 'Noa Kimura' });
    const account = await createAccount({ name: 'Kite Labs', ownerId: csm.id });
    const qbr = (await listActivityTypes(db)).find((t) => t.key === 'qbr')!;
    const activityId = await insertActivity(db, {
      accountId: account.id,
      activityTypeId: qbr.id,
      ownerId: csm.id,
      startsAt: new Date('2027-01-12T06:00:00Z'),
      durationMinutes: 60,
      timeZone: 'Asia/Tokyo',
      createdBy: csm.id,
    });
    const names = await auditNames(db, { users: [csm.id, 999_999], accounts: [account.id], activityTypes: [], activities: [activityId], contacts: [], content: [], programs: [], campaigns: [] });
    expect(names.users).toEqual(new Map([[csm.id, 'Noa Kimura']]));
    expect(names.accounts).toEqual(new Map([[account.id, 'Kite Labs']]));
    expect(names.activityTypeOf).toEqual(new Map([[activityId, qbr.id]]));
    expect(names.activityTypes.get(qbr.id)).toEqual({ key: 'qbr', name: qbr.name });
    expect(await auditNames(db, { users: [], accounts: [], activityTypes: [], activities: [], contacts: [], content: [], programs: [], campaigns: [] })).toMatchObject({ users: new Map(), accounts: new Map() });
  });
});
