import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { accountHealth, accountSignals, alertRules, healthHistory } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { createAlertRule, deleteAlertRule, previewAlertRule, setAlertRuleEnabled, updateAlertRule } from './actions';
import AlertRulesPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const today = todayIn('Asia/Tokyo');
const unique = () => Math.random().toString(36).slice(2, 8);
const rule = (o: Record<string, unknown> = {}) => ({
  name: `Quiet and poor ${unique()}`,
  conditions: [{ kind: 'no_activity', days: '14' }, { kind: 'band_poor' }],
  tiers: ['3'],
  stages: [],
  taskPriority: 'high',
  taskDueDays: '2',
  closeAfterDays: '7',
  ...o,
});
const stored = async (id: number) => (await (await getDb()).select().from(alertRules).where(eq(alertRules.id, id)))[0];

describe('alert rules', () => {
  it('creates a rule, lists it in words, and audits it', async () => {
    await signInAs(await createUser('admin'));
    const input = rule();
    const created = await createAlertRule(null, input);
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await stored(created.data.id)).toMatchObject({
      name: input.name,
      enabled: true,
      conditions: [{ kind: 'no_activity', days: 14 }, { kind: 'band_poor' }],
      tiers: [3],
      stages: [],
      first: 'task',
      taskPriority: 'high',
      taskDueDays: 2,
      closeAfterDays: 7,
      version: 1,
    });
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.create', entity: 'alert_rule', entityId: String(created.data.id), after: { name: input.name } });

    const text = textOf(await renderToHtml(await AlertRulesPage()));
    expect(text).toContain(input.name);
    expect(text).toContain('No activity for 14 days AND Health band is poor');
    expect(text).toContain('Task at once, due in 2 days, high priority');
    expect(text).toContain('7 days false');
  });

  it('saves an edit as the next version, and refuses a save from an older one', async () => {
    await signInAs(await createUser('admin'));
    const created = await createAlertRule(null, rule());
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.data.id;
    const edit = rule({ id, expectedVersion: 1, name: 'Pricing interest', conditions: [{ kind: 'pricing_views', views: '3', days: '7' }], tiers: [], stages: ['adopting', 'onboarding'], taskPriority: 'low', taskDueDays: '5', closeAfterDays: '0' });
    expect(await updateAlertRule(null, edit)).toEqual({ ok: true, data: { version: 2 } });
    expect(await stored(id)).toMatchObject({ name: 'Pricing interest', conditions: [{ kind: 'pricing_views', views: 3, days: 7 }], tiers: [], stages: ['onboarding', 'adopting'], taskPriority: 'low', taskDueDays: 5, closeAfterDays: 0, version: 2 });
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.update', entityId: String(id), after: { name: 'Pricing interest', version: 2 } });

    // Someone else's tab still holds version 1: their save is refused, not laid over this one.
    expect(await updateAlertRule(null, { ...edit, name: 'Stale' })).toEqual({ ok: false, error: { key: 'alerts.conflict' } });
    expect((await stored(id))!.name).toBe('Pricing interest');
    expect(await updateAlertRule(null, { ...edit, id: 2_000_000_000 })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
  });

  it('says which field is wrong, condition fields included, and keeps nothing', async () => {
    await signInAs(await createUser('admin'));
    const name = `Bad ${unique()}`;
    const bad = rule({ name, conditions: [{ kind: 'no_activity', days: '0' }, { kind: 'nps_low', max: '' }, { kind: 'renewal_health', days: '90', below: '2.5' }], taskDueDays: '91', closeAfterDays: '-1', taskPriority: 'urgent' });
    expect(await createAlertRule(null, bad)).toEqual({
      ok: false,
      fieldErrors: {
        'conditions.0.days': { key: 'validation.tooSmall', values: { min: 1 } },
        'conditions.1.max': { key: 'validation.required', values: {} },
        'conditions.2.below': { key: 'validation.wholeNumber', values: {} },
        taskPriority: { key: 'validation.invalid', values: {} },
        taskDueDays: { key: 'validation.tooBig', values: { max: 90 } },
        closeAfterDays: { key: 'validation.tooSmall', values: { min: 0 } },
      },
    });
    expect(await createAlertRule(null, rule({ name: '  ', conditions: [] }))).toEqual({
      ok: false,
      fieldErrors: { name: { key: 'validation.required', values: { min: 1 } }, conditions: { key: 'validation.alertConditions', values: { min: 1 } } },
    });
    const db = await getDb();
    expect(await db.select().from(alertRules).where(eq(alertRules.name, name))).toEqual([]);
  });

  it('turns a rule off and on, and deletes it', async () => {
    await signInAs(await createUser('admin'));
    const created = await createAlertRule(null, rule());
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.data.id;
    expect(await setAlertRuleEnabled(null, { id, enabled: false })).toEqual({ ok: true, data: undefined });
    expect((await stored(id))!.enabled).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.disable', entityId: String(id) });
    expect(await setAlertRuleEnabled(null, { id, enabled: 'true' })).toEqual({ ok: true, data: undefined });
    expect((await stored(id))!.enabled).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.enable', entityId: String(id) });

    expect(await deleteAlertRule(null, { id })).toEqual({ ok: true, data: undefined });
    expect(await stored(id)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.delete', entityId: String(id), before: { name: expect.stringContaining('Quiet and poor') } });
    expect(await deleteAlertRule(null, { id })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
    expect(await setAlertRuleEnabled(null, { id, enabled: true })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
  });

  it('previews the accounts a rule holds for now, with the values behind each, and writes nothing', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    // A steep fall and an NPS of 0: no other test's account is likely to hold both.
    const a = await createAccount({ name: `Preview fall ${unique()}` });
    await db.insert(accountSignals).values({ accountId: a.id, day: today, daysSinceSeen: 20, nps: '0' });
    await db.insert(accountHealth).values({ accountId: a.id, day: today, modelVersion: 1, score: 5, band: 'poor', dataShare: '1' });
    await db.insert(healthHistory).values({ accountId: a.id, day: addDays(today, -3), modelVersion: 1, score: 99, band: 'good', dataShare: '1' });
    const before = await db.$count(alertRules);

    const res = await previewAlertRule(null, { conditions: [{ kind: 'health_drop', points: '90', days: '3' }, { kind: 'nps_low', max: '0' }], tiers: [], stages: [] });
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(res.data.total).toBeGreaterThanOrEqual(1);
    expect(res.data.accounts.find((m) => m.id === a.id)).toMatchObject({ name: a.name, values: { score: 5, scoreThen: 99, nps: 0 } });

    // Out of scope (its tier is not 1): nothing of it.
    const scoped = await previewAlertRule(null, { conditions: [{ kind: 'health_drop', points: '90', days: '3' }, { kind: 'nps_low', max: '0' }], tiers: [1], stages: [] });
    expect(scoped.ok && scoped.data.accounts.some((m) => m.id === a.id)).toBe(false);

    expect(await previewAlertRule(null, { conditions: [{ kind: 'pricing_views', views: '0', days: '7' }], tiers: [], stages: [] })).toEqual({
      ok: false,
      fieldErrors: { 'conditions.0.views': { key: 'validation.tooSmall', values: { min: 1 } } },
    });
    expect(await db.$count(alertRules)).toBe(before);
  });

  it('is for admins only', async () => {
    await signInAs(await createUser('manager'));
    expect(await createAlertRule(null, rule())).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    expect(await previewAlertRule(null, { conditions: [{ kind: 'band_poor' }], tiers: [], stages: [] })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });
});
