'use server';

import { previewAlertRule as matchNow } from '@/db/queries/alert-match';
import { deleteAlertRule as removeRule, insertAlertRule, setAlertRuleEnabled as switchRule, updateAlertRule as saveRule, type AlertRuleRow } from '@/db/queries/alert-rules';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { previewLimit } from '@/lib/alerts/rule';
import { todayIn } from '@/lib/dates';
import { createAlertRuleInput, deleteAlertRuleInput, previewAlertRuleInput, setAlertRuleEnabledInput, updateAlertRuleInput, type AlertRuleInput } from '@/lib/validation/alert-rule';

const values = (r: Omit<AlertRuleInput, 'enabled'>) => ({
  name: r.name,
  conditions: r.conditions,
  tiers: r.tiers,
  stages: r.stages,
  first: r.first,
  techChannel: r.techChannel,
  techSubject: r.techSubject,
  techMessage: r.techMessage,
  escalateAfterDays: r.escalateAfterDays,
  closeAfterDays: r.closeAfterDays,
  taskPriority: r.taskPriority,
  taskDueDays: r.taskDueDays,
});
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
    const rule = await insertAlertRule(tx, { ...values(input), enabled: input.enabled, createdBy: user.id });
    await audit({ action: 'alert_rule.create', entity: 'alert_rule', entityId: String(rule.id), after: audited(rule) });
    return { id: rule.id };
  },
});

/** Saves an edit as the rule's next version, unless someone saved it since the admin opened it. */
export const updateAlertRule = action({
  name: 'alert_rule.update',
  permission: 'alerts.manage',
  input: updateAlertRuleInput,
  revalidate: ['/admin/alerts'],
  run: async ({ input, tx, audit }) => {
    const saved = await saveRule(tx, input.id, input.expectedVersion, values(input));
    if (saved === 'missing') throw new ActionError({ key: 'errors.notFound' });
    if (saved === 'conflict') throw new ActionError({ key: 'alerts.conflict' });
    await audit({ action: 'alert_rule.update', entity: 'alert_rule', entityId: String(saved.id), after: audited(saved) });
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
