'use server';

import { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { version } from '@/lib/actions/validation';
import { previewAlertRule as matchNow } from '@/db/queries/alert-match';
import { saveWebhookSettings, webhookSettings } from '@/db/queries/tech-touches';
import { tier3Defaults } from '@/lib/alerts/defaults';
import { locales } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueue } from '@/lib/server/jobs';
import { newWebhookSecret, testWebhook } from '@/lib/server/tech-touch';
import { findCampaign } from '@/db/queries/campaigns';
import { deleteAlertRule as removeRule, findAlertRule, insertAlertRule, listAlertRules, setAlertRuleEnabled as switchRule, updateAlertRule as saveRule, type AlertRuleRow } from '@/db/queries/alert-rules';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { previewLimit } from '@/lib/alerts/rule';
import { todayIn } from '@/lib/dates';
import { alertWebhookInput, createAlertRuleInput, deleteAlertRuleInput, previewAlertRuleInput, setAlertRuleEnabledInput, updateAlertRuleInput, type AlertRuleInput } from '@/lib/validation/alert-rule';

const values = (r: Omit<AlertRuleInput, 'enabled'>) => ({
  name: r.name,
  conditions: r.conditions,
  tiers: r.tiers,
  stages: r.stages,
  first: r.first,
  techChannel: r.techChannel,
  techSubject: r.techSubject,
  techMessage: r.techMessage,
  techCampaignId: r.techCampaignId,
  escalateAfterDays: r.escalateAfterDays,
  closeAfterDays: r.closeAfterDays,
  taskPriority: r.taskPriority,
  taskDueDays: r.taskDueDays,
});
/** The campaign a webhook enrols accounts in must exist (it may have been deleted since the editor listed it). */
async function assertCampaign(tx: Tx, techCampaignId: number | null) {
  if (techCampaignId !== null && !(await findCampaign(tx, techCampaignId))) throw new ActionError({ key: 'alerts.errors.unknownCampaign' }, 'techCampaignId');
}

const audited = (r: AlertRuleRow) => {
  const { id, ...rest } = r;
  void id;
  return rest;
};

/** Which accounts the rule being edited holds for now: how many, and the first by name with the values behind it. Writes nothing. */
export const previewAlertRule = action({
  name: 'alert_rule.preview',
  permission: 'alerts.manage',
  input: previewAlertRuleInput,
  run: async ({ input, tx }) => {
    const { timeZone } = await getWorkspace(tx);
    return matchNow(tx, { conditions: input.conditions, scope: { tiers: input.tiers, stages: input.stages } }, todayIn(timeZone), timeZone, previewLimit);
  },
});

export const createAlertRule = action({
  name: 'alert_rule.create',
  permission: 'alerts.manage',
  input: createAlertRuleInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, user, tx, audit }) => {
    await assertCampaign(tx, input.techCampaignId);
    const rule = await insertAlertRule(tx, { ...values(input), enabled: input.enabled, createdBy: user.id });
    await audit({ action: 'alert_rule.create', entity: 'alert_rule', entityId: String(rule.id), after: audited(rule) });
    return { id: rule.id };
  },
});

/** Saves an edit as the rule's next version, unless someone saved it since the admin opened it. The audit keeps the rule before and after. */
export const updateAlertRule = action({
  name: 'alert_rule.update',
  permission: 'alerts.manage',
  input: updateAlertRuleInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const before = await findAlertRule(tx, input.id);
    if (!before) throw new ActionError({ key: 'errors.notFound' });
    await assertCampaign(tx, input.techCampaignId);
    const saved = await saveRule(tx, input.id, input.expectedVersion, values(input));
    if (saved === 'missing') throw new ActionError({ key: 'errors.notFound' });
    if (saved === 'conflict') throw new ActionError({ key: 'alerts.conflict' });
    await audit({ action: 'alert_rule.update', entity: 'alert_rule', entityId: String(saved.id), before: audited(before), after: audited(saved) });
    return { version: saved.version };
  },
});

export const setAlertRuleEnabled = action({
  name: 'alert_rule.enable',
  permission: 'alerts.manage',
  input: setAlertRuleEnabledInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const rule = await switchRule(tx, input.id, input.enabled);
    if (!rule) throw new ActionError({ key: 'errors.notFound' });
    await audit({ action: input.enabled ? 'alert_rule.enable' : 'alert_rule.disable', entity: 'alert_rule', entityId: String(input.id), after: { name: rule.name, enabled: input.enabled } });
  },
});

/** Deletes a rule and its episodes; the tasks it raised stay with their owners. */
export const deleteAlertRule = action({
  name: 'alert_rule.delete',
  permission: 'alerts.manage',
  input: deleteAlertRuleInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const rule = await removeRule(tx, input.id);
    if (!rule) throw new ActionError({ key: 'errors.notFound' });
    await audit({ action: 'alert_rule.delete', entity: 'alert_rule', entityId: String(input.id), before: audited(rule) });
  },
});

/** Adds the Tier 3 defaults the workspace does not have yet (by name, in the admin's language); how many were added. */
export const addTier3Defaults = action({
  name: 'alert_rule.add_defaults',
  permission: 'alerts.manage',
  input: z.object({ locale: z.enum(locales).default('en') }),
  revalidate: ['/admin/alerts'],
  run: async ({ input, user, tx, audit }) => {
    const t = await translatorFor(input.locale);
    const have = new Set((await listAlertRules(tx)).map((r) => r.name));
    let added = 0;
    for (const d of tier3Defaults) {
      const name = t(`alerts.defaults.${d.key}`);
      if (have.has(name)) continue;
      const tech = d.first === 'tech_touch' ? { techSubject: t('alerts.defaults.nudgeName'), techMessage: t('alerts.defaults.nudgeText') } : { techSubject: null, techMessage: null };
      const rule = await insertAlertRule(tx, { ...d, ...tech, name, stages: [], enabled: true, createdBy: user.id });
      await audit({ action: 'alert_rule.create', entity: 'alert_rule', entityId: String(rule.id), after: audited(rule) });
      added++;
    }
    return { added };
  },
});

/** Sets (or, blank, removes) the webhook for in-app nudges; a secret is made with the first URL. The secret is never audited. */
export const saveAlertWebhook = action({
  name: 'alert_webhook.update',
  permission: 'alerts.manage',
  input: alertWebhookInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const current = await webhookSettings(tx);
    const secret = input.url && !current.secret ? newWebhookSecret() : undefined;
    if (!(await saveWebhookSettings(tx, input.expectedVersion, { url: input.url, secret }))) throw new ActionError({ key: 'alerts.channels.conflict' });
    await audit({ action: 'alert_webhook.update', entity: 'workspace', entityId: '1', before: { url: current.url }, after: { url: input.url, secretChanged: secret !== undefined } });
  },
});

/** A new signing secret (the old one stops verifying at once). */
export const rotateAlertWebhookSecret = action({
  name: 'alert_webhook.rotate',
  permission: 'alerts.manage',
  input: z.object({ expectedVersion: version }),
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const current = await webhookSettings(tx);
    if (!current.url) throw new ActionError({ key: 'validation.required' }, 'url');
    if (!(await saveWebhookSettings(tx, input.expectedVersion, { url: current.url, secret: newWebhookSecret() }))) throw new ActionError({ key: 'alerts.channels.conflict' });
    await audit({ action: 'alert_webhook.rotate', entity: 'workspace', entityId: '1', after: { url: current.url, secretChanged: true } });
  },
});

/** A signed test POST to the saved webhook; what the receiver answered. Writes nothing. */
export const testAlertWebhook = action({
  name: 'alert_webhook.test',
  permission: 'alerts.manage',
  input: z.object({}),
  // The request (up to 10 s) goes out before the action's transaction, which then has nothing to do.
  prepare: async () => {
    const current = await webhookSettings(await getDb());
    if (!current.url || !current.secret) throw new ActionError({ key: 'validation.required' }, 'url');
    return testWebhook(current.url, current.secret);
  },
  run: async ({ prepared }) => prepared,
});

/** Queues an evaluation of every rule now (rather than at the next quarter hour); a waiting one absorbs it. */
export const evaluateAlertsNow = action({
  name: 'alert_rule.evaluate',
  permission: 'alerts.manage',
  input: z.object({}),
  prepare: async () => void (await enqueue('alerts', {})),
  run: async () => undefined,
});
