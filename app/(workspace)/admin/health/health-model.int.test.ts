import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { currentHealthModel } from '@/db/queries/health-read';
import { accountSignals, healthRuns } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { applyHealthModel, previewHealthModel } from './actions';
import HealthModelPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const today = todayIn('Asia/Tokyo');

describe('the health model', () => {
  it('previews an edit from today’s signals, then applies it as the next version, which every score follows', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    // Two accounts with signals: one never seen but touched recently, one seen yesterday by few users.
    const touched = await createAccount({ name: 'Model touched' });
    const seen = await createAccount({ name: 'Model seen' });
    await db.insert(accountSignals).values([
      { accountId: touched.id, day: today, daysSinceHumanTouch: 10 },
      { accountId: seen.id, day: today, daysSinceSeen: 1, activeUsers7d: 1, activeUsers30d: 1, featureAdoptionPct: '25.0', tickets30d: 0 },
    ]);
    await db.insert(healthRuns).values({ day: today, modelVersion: 1, accounts: 2, startedAt: new Date() }).onConflictDoNothing();

    const model = await currentHealthModel(db);
    const edited = { expectedVersion: model.version, poorMax: 50, averageMax: 75, note: 'Touch matters less', components: model.components.filter((c) => c.key !== 'human_touch') };
    const preview = await previewHealthModel(null, edited);
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    // Without the touch component, the touched-only account has no data at all; the seen one scores on its usage.
    expect(preview.data.changes.find((c) => c.accountId === touched.id)).toBeUndefined();
    const seenChange = preview.data.changes.find((c) => c.accountId === seen.id);
    expect(seenChange).toMatchObject({ beforeBand: null, afterBand: expect.any(String), afterScore: expect.any(Number) });
    expect(preview.data.after.none).toBeGreaterThanOrEqual(1);
    expect(preview.data.changed).toBeGreaterThanOrEqual(1);

    const applied = await applyHealthModel(null, edited);
    expect(applied).toEqual({ ok: true, data: { version: model.version + 1 } });
    expect(await lastAudit()).toMatchObject({ action: 'health_model.apply', entityId: String(model.version + 1), after: { note: 'Touch matters less' } });
    // Today's whole run is undone: the minute job scores everyone under the new version.
    expect(await db.select().from(healthRuns).where(eq(healthRuns.day, today))).toEqual([]);
    // A second save from the old version is refused: nobody overwrites another's model.
    expect(await applyHealthModel(null, edited)).toEqual({ ok: false, error: { key: 'health.model.conflict' } });
    expect((await currentHealthModel(db)).components.map((c) => c.key)).not.toContain('human_touch');

    expect(textOf(await renderToHtml(await HealthModelPage()))).toContain(`Version ${model.version + 1}`);
  });

  it('says which field is wrong and keeps nothing', async () => {
    await signInAs(await createUser('admin'));
    const model = await currentHealthModel(await getDb());
    const bad = { expectedVersion: model.version, poorMax: 80, averageMax: 75, note: '', components: [{ ...model.components[0]!, at50: 50 }, { ...model.components[1]!, weight: 0 }] };
    expect(await previewHealthModel(null, bad)).toEqual({
      ok: false,
      fieldErrors: {
        averageMax: { key: 'validation.bandsOrder', values: {} },
        'components.0.at50': { key: 'validation.midBetween', values: {} },
        'components.1.weight': { key: 'validation.tooSmall', values: {} },
      },
    });
    expect((await currentHealthModel(await getDb())).version).toBe(model.version);
  });

  it('is for admins only', async () => {
    await signInAs(await createUser('manager'));
    const model = await currentHealthModel(await getDb());
    expect(await previewHealthModel(null, { expectedVersion: model.version, poorMax: 50, averageMax: 75, note: '', components: model.components })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });
});
