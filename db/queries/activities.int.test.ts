import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { insertActivities, listAccountActivities } from './activities';
import { listActivityTypes } from './playbooks';

describe('listAccountActivities', () => {
  it('keeps the soonest planned and the latest past within their own bounds, newest first', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const [type] = await listActivityTypes(db);
    const at = (month: number, status: 'planned' | 'completed') => ({
      accountId: account.id,
      activityTypeId: type!.id,
      ownerId: csm.id,
      status,
      startsAt: new Date(Date.UTC(2030, month, 1)),
      durationMinutes: 60,
      timeZone: 'Asia/Tokyo',
    });
    // A long series ahead (months 6–11) and a history (months 0–4).
    await insertActivities(db, [0, 1, 2, 3, 4].map((m) => at(m, 'completed')).concat([6, 7, 8, 9, 10, 11].map((m) => at(m, 'planned'))));
    const rows = await listAccountActivities(db, account.id, { planned: 2, past: 3 });
    expect(rows.map((r) => [r.startsAt.getUTCMonth(), r.status])).toEqual([
      [7, 'planned'],
      [6, 'planned'],
      [4, 'completed'],
      [3, 'completed'],
      [2, 'completed'],
    ]);
  });
});
