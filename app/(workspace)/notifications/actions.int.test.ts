import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { digestSetting } from '@/db/queries/digest';
import { tasks, users } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { digestHour } from '@/lib/notifications/digest';
import { lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, formData, signInAs } from '@/tests/factories';
import { updateDigest } from '../settings/actions';
import { listNotifications, markNotificationsRead } from './actions';

async function assignedTask(ownerId: number, title: string) {
  const account = await createAccount({ ownerId, name: 'Bell Co' });
  await (await getDb()).insert(tasks).values({ accountId: account.id, ownerId, title, dueOn: '2031-02-03' });
}

describe('the bell’s actions', () => {
  it('list the caller’s notifications and mark one, then all, read; another user’s is not found', async () => {
    const me = await createUser('csm');
    const other = await createUser('manager');
    await assignedTask(me.id, 'Call the champion');
    await assignedTask(me.id, 'Send the QBR deck');
    await assignedTask(other.id, 'Not mine');
    await signInAs(me);
    const listed = await listNotifications(null, {});
    expect(listed).toMatchObject({ ok: true, data: { unread: 2 } });
    const items = listed.ok ? listed.data.items : [];
    expect(items.map((n) => n.taskTitle)).toEqual(['Send the QBR deck', 'Call the champion']);

    await signInAs(other);
    expect(await markNotificationsRead(null, { id: items[0]!.id })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
    await signInAs(me);
    expect(await markNotificationsRead(null, { id: items[0]!.id })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await listNotifications(null, {})).toMatchObject({ ok: true, data: { unread: 1 } });
    expect(await markNotificationsRead(null, {})).toEqual({ ok: true, data: { marked: 1 } });
    expect(await listNotifications(null, {})).toMatchObject({ ok: true, data: { unread: 0 } });

    await signInAs(other);
    expect(await listNotifications(null, {})).toMatchObject({ ok: true, data: { unread: 1, items: [{ taskTitle: 'Not mine', read: false }] } });
  });
});

describe('the digest setting', () => {
  it('turns the digest on (first one at the next 08:00 in the user’s zone) and off, audited, from the version the user saw', async () => {
    const me = await createUser('csm');
    await (await getDb()).update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, me.id));
    await signInAs(me);
    const on = await updateDigest(null, formData({ version: me.version, digestEmail: 'on' }));
    expect(on).toEqual({ ok: true, data: { version: me.version + 1 } });
    // The last 08:00 slot that has passed is counted as sent: before 08:00 that is yesterday's.
    const lastSlot = todayIn('America/New_York', new Date(Date.now() - digestHour * 3600_000));
    expect(await digestSetting(await getDb(), me.id)).toEqual({ digestEmail: true, digestSentOn: lastSlot });
    expect(await lastAudit()).toMatchObject({ action: 'user.update_profile', actorId: me.id, before: { digestEmail: false }, after: { digestEmail: true } });

    // A stale version: refused, nothing changes.
    expect(await updateDigest(null, formData({ version: me.version }))).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await digestSetting(await getDb(), me.id))?.digestEmail).toBe(true);

    // An unchecked box is "off".
    expect(await updateDigest(null, formData({ version: me.version + 1 }))).toMatchObject({ ok: true });
    expect((await digestSetting(await getDb(), me.id))?.digestEmail).toBe(false);
  });
});
