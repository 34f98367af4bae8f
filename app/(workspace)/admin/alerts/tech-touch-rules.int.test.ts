import type * as Navigation from 'next/navigation';
import { createServer } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { webhookSettings } from '@/db/queries/tech-touches';
import { alertRules } from '@/db/schema';
import { verifySignature } from '@/lib/alerts/webhook';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { addTier3Defaults, createAlertRule, rotateAlertWebhookSecret, saveAlertWebhook, testAlertWebhook, updateAlertRule } from './actions';
import AlertRulesPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

// Admin → Alert rules: a rule's ladder (a tech touch first, its channel and
// words, the escalation), the webhook for in-app nudges (saved, its secret
// renewed, a signed test), and the Tier 3 defaults.

const bodies: { body: string; signature: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    bodies.push({ body, signature: String(req.headers['x-touchplan-signature']) });
    res.writeHead(204).end();
  });
});
beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const base = { conditions: [{ kind: 'no_activity', days: '14' }], tiers: ['3'], stages: [], taskPriority: 'normal', taskDueDays: '3', closeAfterDays: '3' };
const stored = async (id: number) => (await (await getDb()).select().from(alertRules).where(eq(alertRules.id, id)))[0];

describe('tech-touch rules', () => {
  it('saves a nudge-then-task ladder and says it in words; a task-first rule keeps no nudge fields', async () => {
    await signInAs(await createUser('admin'));
    const created = await createAlertRule(null, { ...base, name: 'Silent nudge', first: 'tech_touch', techChannel: 'webhook', techSubject: 'login-nudge', techMessage: '', escalateAfterDays: '7' });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await stored(created.data.id)).toMatchObject({ first: 'tech_touch', techChannel: 'webhook', techSubject: 'login-nudge', techMessage: null, escalateAfterDays: 7 });
    const text = textOf(await renderToHtml(await AlertRulesPage()));
    expect(text).toContain('In-app message “login-nudge” via the webhook; then a task if still true 7 days later');

    const back = await updateAlertRule(null, { ...base, name: 'Silent nudge', id: created.data.id, expectedVersion: 1, first: 'task', techChannel: 'email', techSubject: 'x', escalateAfterDays: '7' });
    expect(back.ok).toBe(true);
    expect(await stored(created.data.id)).toMatchObject({ first: 'task', techChannel: null, techSubject: null, escalateAfterDays: null });
  });

  it('says what a tech touch is missing next to the field, and keeps nothing', async () => {
    await signInAs(await createUser('admin'));
    const res = await createAlertRule(null, { ...base, name: 'Half a nudge', first: 'tech_touch', techChannel: 'email', techSubject: '', techMessage: '', escalateAfterDays: '0' });
    expect(res).toMatchObject({ ok: false, fieldErrors: { techSubject: { key: 'validation.required' }, techMessage: { key: 'validation.required' }, escalateAfterDays: { key: 'validation.tooSmall' } } });
    const channel = await createAlertRule(null, { ...base, name: 'No channel', first: 'tech_touch', techChannel: 'sms', techSubject: 's' });
    expect(channel).toMatchObject({ ok: false, fieldErrors: { techChannel: { key: 'validation.invalid' } } });
  });

  it('saves the webhook with a new secret (never audited), renews the secret, and sends a signed test', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    const bad = await saveAlertWebhook(null, { url: 'ftp://example.com', expectedVersion: (await webhookSettings(db)).version });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { url: { key: 'validation.url' } } });

    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    const v0 = (await webhookSettings(db)).version;
    expect((await saveAlertWebhook(null, { url, expectedVersion: v0 })).ok).toBe(true);
    const first = await webhookSettings(db);
    expect(first).toMatchObject({ url, version: v0 + 1 });
    expect(first.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'alert_webhook.update', after: { url, secretChanged: true } });
    expect(JSON.stringify(audit)).not.toContain(first.secret!);

    expect(await saveAlertWebhook(null, { url, expectedVersion: v0 })).toMatchObject({ ok: false, error: { key: 'alerts.channels.conflict' } });

    const tested = await testAlertWebhook(null, {});
    expect(tested).toMatchObject({ ok: true, data: { ok: true, status: 204 } });
    expect(verifySignature(bodies.at(-1)!.body, first.secret!, bodies.at(-1)!.signature)).toBe(true);
    expect(JSON.parse(bodies.at(-1)!.body)).toMatchObject({ type: 'test', account: null });

    expect((await rotateAlertWebhookSecret(null, { expectedVersion: first.version })).ok).toBe(true);
    const second = await webhookSettings(db);
    expect(second.secret).not.toBe(first.secret);
    await testAlertWebhook(null, {});
    expect(verifySignature(bodies.at(-1)!.body, first.secret!, bodies.at(-1)!.signature)).toBe(false);
    expect(verifySignature(bodies.at(-1)!.body, second.secret!, bodies.at(-1)!.signature)).toBe(true);
  });

  it('adds the Tier 3 defaults once, named in the admin’s language', async () => {
    await signInAs(await createUser('admin'));
    const added = await addTier3Defaults(null, { locale: 'ja' });
    expect(added).toEqual({ ok: true, data: { added: 2 } });
    expect(await addTier3Defaults(null, { locale: 'ja' })).toEqual({ ok: true, data: { added: 0 } });
    const rules = await (await getDb()).select().from(alertRules).where(eq(alertRules.name, 'Tier 3: 14日間アクティビティなし'));
    expect(rules[0]).toMatchObject({ tiers: [3], first: 'tech_touch', techChannel: 'webhook', techSubject: 'login-nudge', escalateAfterDays: 7, conditions: [{ kind: 'no_activity', days: 14 }] });
    const pricing = await (await getDb()).select().from(alertRules).where(eq(alertRules.name, 'Tier 3: 7日間に料金ページを3回閲覧'));
    expect(pricing[0]).toMatchObject({ first: 'task', taskPriority: 'high', conditions: [{ kind: 'pricing_views', views: 3, days: 7 }] });
  });
});
