'use server';

import { sql } from 'drizzle-orm';
import { campaignChoices } from '@/db/queries/campaigns';
import { currentPlaybooks, findActivityType, insertPlaybookVersion, listActivityTypes, lockPlaybook } from '@/db/queries/playbooks';
import { activityTypes } from '@/db/schema';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { saveActivityTypeInput, savePlaybookInput } from '@/lib/validation/playbook';
import { toScaled } from '@/lib/decimal';
import { typeModelLookup } from '@/lib/playbooks/hours';
import { isOneToMany } from '@/lib/playbooks/rule-target';

/** Saves a tier's playbook as a new version; the old versions stay. */
export const savePlaybook = action({
  name: 'playbook.save',
  permission: 'playbooks.manage',
  input: savePlaybookInput,
  revalidate: ['/admin/playbooks'],
  async run({ user, input, tx, audit }) {
    await lockPlaybook(tx, input.tier);
    const current = (await currentPlaybooks(tx)).find((p) => p.tier === input.tier);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) throw conflictError();
    const typeList = await listActivityTypes(tx);
    const types = new Map(typeList.map((t) => [t.id, t]));
    const typeModel = typeModelLookup(typeList);
    const campaignIds = new Set(input.rules.some((r) => r.campaignId !== null) ? (await campaignChoices(tx)).map((c) => c.id) : []);
    const rules = input.rules.map((given, i) => {
      if (given.activityTypeId !== null && !types.get(given.activityTypeId)?.active) throw new ActionError({ key: 'playbooks.typeUnavailable' }, `rules.${i}.activityTypeId`);
      if (given.campaignId !== null && !campaignIds.has(given.campaignId)) throw new ActionError({ key: 'playbooks.campaignUnavailable' }, `rules.${i}.activityTypeId`);
      // A touch-kind rule is met by the ledger, never booked: no days ahead are asked.
      const rule = given.touchKind !== null ? { ...given, bookAheadDays: 0 } : given;
      // A one-to-many rule owes no hours per account: none are asked, none kept.
      if (isOneToMany(rule, typeModel)) return { ...rule, hours: '0' };
      if (toScaled(rule.hours, 2) === 0n) throw new ActionError({ key: 'validation.hours' }, `rules.${i}.hours`);
      return rule;
    });
    const version = currentVersion + 1;
    await insertPlaybookVersion(tx, { tier: input.tier, version, note: input.note, createdBy: user.id, rules });
    await audit({ action: 'playbook.save', entity: 'playbook', entityId: input.tier, before: { version: currentVersion, rules: current?.rules ?? [] }, after: { version, rules, note: input.note } });
    return { version };
  },
});

/** Creates an activity type, or renames / re-classifies / archives one. */
export const saveActivityType = action({
  name: 'activity_type.save',
  permission: 'playbooks.manage',
  input: saveActivityTypeInput,
  revalidate: ['/admin/playbooks'],
  async run({ input, tx, audit }) {
    const values = { name: input.name, touchModel: input.touchModel, requiresExecutiveSponsor: input.requiresExecutiveSponsor, active: input.active };
    if (input.id === null) {
      if (!input.name) throw new ActionError({ key: 'validation.required' }, 'name');
      const [created] = await tx.insert(activityTypes).values(values).returning({ id: activityTypes.id });
      await audit({ action: 'activity_type.create', entity: 'activity_type', entityId: created!.id, after: values });
      return { id: created!.id };
    }
    const before = await findActivityType(tx, input.id);
    if (!before) throw notFoundError();
    // Types the product ships with may fall back to their default name; others need one.
    if (!input.name && !before.key) throw new ActionError({ key: 'validation.required' }, 'name');
    const [updated] = await tx
      .update(activityTypes)
      .set({ ...values, version: sql`${activityTypes.version} + 1` })
      .where(sql`${activityTypes.id} = ${input.id} and ${activityTypes.version} = ${input.version}`)
      .returning({ id: activityTypes.id });
    if (!updated) throw conflictError();
    await audit({ action: 'activity_type.update', entity: 'activity_type', entityId: input.id, before, after: values });
    return { id: input.id };
  },
});

