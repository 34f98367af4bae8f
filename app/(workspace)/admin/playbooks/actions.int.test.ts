import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { hoursPerAccountMonth } from '@/lib/playbooks/hours';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { saveActivityType, savePlaybook } from './actions';

const tier1 = async () => (await currentPlaybooks(await getDb())).find((p) => p.tier === 1)!;

describe('setup playbooks', () => {
  it('give Tier 1 a monthly meeting, a quarterly QBR and a yearly visit, and Tier 2 and 3 nothing high-touch', async () => {
    const db = await getDb();
    const types = new Map((await listActivityTypes(db)).map((t) => [t.id, t.key]));
    const playbooks = await currentPlaybooks(db);
    expect(playbooks.map((p) => [p.tier, p.version, p.rules.length])).toEqual([
      [1, 1, 3],
      [2, 1, 0],
      [3, 1, 0],
    ]);
    expect(playbooks[0]!.rules.map((r) => [types.get(r.activityTypeId), r.every, r.unit, r.hours])).toEqual([
      ['regular_meeting', 1, 'month', '1.50'],
      ['qbr', 3, 'month', '5.00'],
      ['onsite_visit', 12, 'month', '8.00'],
    ]);
    expect(hoursPerAccountMonth(playbooks[0]!.rules)).toBeCloseTo(3.83, 2);
  });
});

describe('savePlaybook', () => {
  it.each([
    ['anonymous', 'errors.signedOut'],
    ['csm', 'errors.forbidden'],
    ['manager', 'errors.forbidden'],
  ] as const)('is refused for %s', async (role, key) => {
    await signInAs(role === 'anonymous' ? null : await createUser(role));
    const current = await tier1();
    expect(await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify([]) })).toEqual({ ok: false, error: { key } });
    expect((await tier1()).version).toBe(current.version);
    expect((await lastAudit())?.action).toBe('access.denied');
  });

  it('saves a new version for an admin, audited, and refuses a stale one', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const current = await tier1();
    const rules = [...current.rules, { ...current.rules[0]!, every: 2, unit: 'week', hours: '0.5' }];
    const saved = await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify(rules), note: 'Biweekly check-ins' });
    expect(saved).toEqual({ ok: true, data: { version: current.version + 1 } });
    expect((await tier1()).rules).toHaveLength(4);
    expect(await lastAudit()).toMatchObject({ action: 'playbook.save', actorId: admin.id });
    expect(await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify([]) })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
  });

  it('puts a bad rule value beside its row and field', async () => {
    await signInAs(await createUser('admin'));
    const current = await tier1();
    const rules = [{ ...current.rules[0]!, hours: '0' }, { ...current.rules[0]!, every: 0 }];
    const result = await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify(rules) });
    expect(!result.ok && result.fieldErrors?.['rules.0.hours']?.key).toBe('validation.hours');
    expect(!result.ok && result.fieldErrors?.['rules.1.every']?.key).toBe('validation.tooSmall');
  });
});

describe('saveActivityType', () => {
  it('lets only admins add and archive types; an archived type cannot enter a playbook', async () => {
    await signInAs(await createUser('manager'));
    expect((await saveActivityType(null, { name: 'Workshop', touchModel: 'high' })).ok).toBe(false);
    await signInAs(await createUser('admin'));
    const created = await saveActivityType(null, { name: 'Workshop', touchModel: 'high', active: 'true' });
    const id = created.ok ? (created.data as { id: number }).id : 0;
    expect(await saveActivityType(null, { id, version: 1, name: 'Workshop', touchModel: 'high', active: 'false' })).toEqual({ ok: true, data: { id } });
    const current = await tier1();
    const result = await savePlaybook(null, {
      tier: 1,
      baseVersion: current.version,
      rules: JSON.stringify([{ activityTypeId: id, every: 1, unit: 'month', hours: '1', bookAheadDays: 7 }]),
    });
    expect(!result.ok && result.fieldErrors?.['rules.0.activityTypeId']?.key).toBe('playbooks.typeUnavailable');
  });
});
