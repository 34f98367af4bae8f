import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listEventMappings } from '@/db/queries/health-read';
import { healthRuns } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { POST } from '../../../api/v1/[kind]/route';
import { addEventMapping, createWriteKey, removeEventMapping, revokeWriteKey } from './actions';
import SignalsPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const track = (key: string, body: unknown) =>
  POST(new Request('http://localhost/api/v1/track', { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: JSON.stringify(body) }), { params: Promise.resolve({ kind: 'track' }) });

describe('Admin → Signals', () => {
  it('makes a key shown once, lists it by its prefix, shows what arrived and what was refused, and revokes it', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const made = await createWriteKey(null, { name: 'Segment production', ratePerMinute: '' });
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(made.data.key).toMatch(/^tpk_/);
    expect(await lastAudit()).toMatchObject({ action: 'write_key.create', after: { name: 'Segment production', ratePerMinute: 6000 } });

    expect((await track(made.data.key, { userId: 'dbg-user', event: 'Debugger Seen', context: { groupId: 'nobody-yet.example' } })).status).toBe(200);
    expect((await track(made.data.key, { userId: 'dbg-user' })).status).toBe(200);

    const text = textOf(await renderToHtml(await SignalsPage()));
    expect(text).toContain('Segment production');
    expect(text).toContain(made.data.key.slice(0, 10));
    expect(text).not.toContain(made.data.key);
    expect(text).toContain('Debugger Seen');
    expect(text).toContain('Not matched: nobody-yet.example');
    expect(text).toContain('event: is required for track');
    expect(text).toContain('Groups not matched to an account');

    const id = Number((await lastAudit())?.entityId);
    expect(await revokeWriteKey(null, { id })).toEqual({ ok: true, data: undefined });
    expect(await revokeWriteKey(null, { id })).toEqual({ ok: false, error: { key: 'signals.keys.alreadyRevoked' } });
    expect((await track(made.data.key, { userId: 'dbg-user', event: 'X' })).status).toBe(401);
  });

  it('checks a key’s name and rate beside the fields', async () => {
    await signInAs(await createUser('admin'));
    expect(await createWriteKey(null, { name: ' ', ratePerMinute: '0' })).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: 'validation.required' }, ratePerMinute: { key: 'validation.tooSmall' } },
    });
  });

  it('maps events (NPS needs its score property), refuses a repeat, and has every account’s health worked out again', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    const today = todayIn('Asia/Tokyo');
    await db.insert(healthRuns).values({ day: today, modelVersion: 1, accounts: 0, startedAt: new Date() }).onConflictDoNothing();
    expect(await addEventMapping(null, { meaning: 'nps', event: 'Survey Answered', scoreProperty: '' })).toMatchObject({ ok: false, fieldErrors: { scoreProperty: { key: 'validation.required' } } });
    expect(await addEventMapping(null, { meaning: 'key_feature', event: 'Report Exported', scoreProperty: 'ignored' })).toEqual({ ok: true, data: undefined });
    expect(await addEventMapping(null, { meaning: 'key_feature', event: 'Report Exported', scoreProperty: '' })).toEqual({ ok: false, fieldErrors: { event: { key: 'signals.mapping.taken' } } });
    const mapped = (await listEventMappings(db)).find((m) => m.event === 'Report Exported')!;
    expect(mapped).toMatchObject({ meaning: 'key_feature', scoreProperty: null });
    expect(await db.select().from(healthRuns).where(eq(healthRuns.day, today))).toEqual([]);
    expect(await removeEventMapping(null, { id: mapped.id })).toEqual({ ok: true, data: undefined });
    expect(await lastAudit()).toMatchObject({ action: 'event_mapping.remove', before: { event: 'Report Exported' } });
  });
});
