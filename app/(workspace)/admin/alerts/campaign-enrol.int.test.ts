import type * as Navigation from 'next/navigation';
import { randomBytes } from 'node:crypto';
import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertCampaign } from '@/db/queries/campaigns';
import { alertRules } from '@/db/schema';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { createAlertRule, updateAlertRule } from './actions';
import AlertRulesPage from './page';
import { RuleEditor } from './_components/rule-editor';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

// Admin → Alert rules: a webhook tech touch may name the campaign the
// receiving tool enrols the account in (issue 15); email cannot, and the
// campaign must exist. A change of it shows in the rule's audit.

const tag = () => randomBytes(4).toString('hex');
const base = { conditions: [{ kind: 'no_activity', days: '14' }], tiers: ['3'], stages: [], taskPriority: 'normal', taskDueDays: '3', closeAfterDays: '3', first: 'tech_touch', techSubject: 'login-nudge', escalateAfterDays: '7' };
const stored = async (id: number) => (await (await getDb()).select().from(alertRules).where(eq(alertRules.id, id)))[0];
const campaign = async (name: string) => (await insertCampaign(await getDb(), { key: `tour-${tag()}`, name, channel: 'product_tour', tool: 'pendo', audience: '', startsOn: '2026-11-01' }))!;
const countNamed = async (name: string) => (await (await getDb()).select().from(alertRules).where(eq(alertRules.name, name))).length;

describe('an alert rule that enrols in a campaign', () => {
  it('saves the campaign with the webhook, lists it in the rule’s words, and audits a change of it', async () => {
    await signInAs(await createUser('admin'));
    const tour = await campaign('Feature tour');
    const created = await createAlertRule(null, { ...base, name: 'Silent tour', techChannel: 'webhook', techCampaignId: String(tour.id) });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await stored(created.data.id)).toMatchObject({ techChannel: 'webhook', techCampaignId: tour.id });
    expect(textOf(await renderToHtml(await AlertRulesPage()))).toContain('In-app message “login-nudge” via the webhook, enrolling the account in the campaign “Feature tour”; then a task');

    const other = await campaign('Onboarding sequence');
    const moved = await updateAlertRule(null, { ...base, name: 'Silent tour', techChannel: 'webhook', techCampaignId: String(other.id), id: created.data.id, expectedVersion: 1 });
    expect(moved.ok).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: 'alert_rule.update', before: { techCampaignId: tour.id }, after: { techCampaignId: other.id, version: 2 } });

    const cleared = await updateAlertRule(null, { ...base, name: 'Silent tour', techChannel: 'webhook', techCampaignId: '', id: created.data.id, expectedVersion: 2 });
    expect(cleared.ok).toBe(true);
    expect(await stored(created.data.id)).toMatchObject({ techCampaignId: null });
    expect(await lastAudit()).toMatchObject({ before: { techCampaignId: other.id }, after: { techCampaignId: null } });

    // A task first keeps no campaign, like the other tech-touch fields.
    expect((await updateAlertRule(null, { ...base, name: 'Silent tour', first: 'task', techChannel: 'webhook', techCampaignId: String(tour.id), id: created.data.id, expectedVersion: 3 })).ok).toBe(true);
    expect(await stored(created.data.id)).toMatchObject({ first: 'task', techCampaignId: null });
  });

  it('offers every campaign by name, channel and key in the editor, with the rule’s own chosen', async () => {
    const tour = await campaign('Editor tour');
    const rule = { id: 1, version: 1, name: 'Edited', conditions: [{ kind: 'no_activity' as const, days: 14 }], tiers: [3], stages: [], first: 'tech_touch', techChannel: 'webhook', techSubject: 's', techMessage: null, techCampaignId: tour.id, escalateAfterDays: 7, closeAfterDays: 3, taskPriority: 'normal', taskDueDays: 3 };
    const choices = [{ id: tour.id, key: tour.key, name: tour.name, channel: tour.channel, tool: tour.tool }];
    const html = await renderToHtml(createElement(RuleEditor, { rule, ready: { email: true, webhook: true }, campaigns: choices, onDone: () => {} }));
    expect(textOf(html)).toContain('Enrol in campaign (optional) No campaign Editor tour · Product tour · ' + tour.key);
    expect(html).toMatch(new RegExp(`<option value="${tour.id}" selected=""`));
    const email = await renderToHtml(createElement(RuleEditor, { rule: { ...rule, techChannel: 'email', techCampaignId: null }, ready: { email: true, webhook: true }, campaigns: choices, onDone: () => {} }));
    expect(textOf(email)).not.toContain('Enrol in campaign');
  });

  it('refuses a campaign with email, and one that does not exist, beside the field, keeping nothing', async () => {
    await signInAs(await createUser('admin'));
    const tour = await campaign('Email tour');
    const email = await createAlertRule(null, { ...base, name: 'Email enrol', techChannel: 'email', techMessage: 'Hello', techCampaignId: String(tour.id) });
    expect(email).toEqual({ ok: false, fieldErrors: { techCampaignId: { key: 'validation.campaignNeedsWebhook', values: {} } } });
    const unknown = await createAlertRule(null, { ...base, name: 'Unknown enrol', techChannel: 'webhook', techCampaignId: '999999' });
    expect(unknown).toEqual({ ok: false, fieldErrors: { techCampaignId: { key: 'alerts.errors.unknownCampaign' } } });
    const garbage = await createAlertRule(null, { ...base, name: 'Garbage enrol', techChannel: 'webhook', techCampaignId: 'tour' });
    expect(garbage).toMatchObject({ ok: false, fieldErrors: { techCampaignId: { key: 'validation.invalid' } } });
    expect(await countNamed('Email enrol')).toBe(0);
    expect(await countNamed('Unknown enrol')).toBe(0);

    const saved = await createAlertRule(null, { ...base, name: 'Edit enrol', techChannel: 'webhook' });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const edit = await updateAlertRule(null, { ...base, name: 'Edit enrol', techChannel: 'webhook', techCampaignId: '999999', id: saved.data.id, expectedVersion: 1 });
    expect(edit).toEqual({ ok: false, fieldErrors: { techCampaignId: { key: 'alerts.errors.unknownCampaign' } } });
    expect(await stored(saved.data.id)).toMatchObject({ version: 1, techCampaignId: null });
  });
});
