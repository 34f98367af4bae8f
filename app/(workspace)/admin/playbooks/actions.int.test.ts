import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertCampaign } from '@/db/queries/campaigns';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { hoursPerAccountMonth, typeModelLookup } from '@/lib/playbooks/hours';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { saveActivityType, savePlaybook } from './actions';
import PlaybooksPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const tier1 = async () => (await currentPlaybooks(await getDb())).find((p) => p.tier === 1)!;

describe('setup playbooks', () => {
  it('give Tier 1 a monthly meeting, a quarterly QBR and a yearly visit, Tier 2 low-touch programs and content that owe no hours, Tier 3 a campaign every month', async () => {
    const db = await getDb();
    const typeList = await listActivityTypes(db);
    const types = new Map(typeList.map((t) => [t.id, t.key]));
    const playbooks = await currentPlaybooks(db);
    expect(playbooks.map((p) => [p.tier, p.version, p.rules.length])).toEqual([
      [1, 1, 3],
      [2, 2, 3],
      [3, 2, 1],
    ]);
    expect(playbooks[2]!.rules).toMatchObject([{ touchKind: 'campaign_delivered', campaignId: null, every: 1, unit: 'month', hours: '0.00' }]);
    expect(playbooks[1]!.rules.map((r) => [r.touchKind, r.every, r.unit])).toEqual([
      ['program_invited', 1, 'month'],
      ['program_attended', 3, 'month'],
      ['content_shared', 1, 'month'],
    ]);
    expect(hoursPerAccountMonth(playbooks[1]!.rules, typeModelLookup(typeList))).toBe(0);
    expect(playbooks[0]!.rules.map((r) => [types.get(r.activityTypeId!), r.every, r.unit, r.hours])).toEqual([
      ['regular_meeting', 1, 'month', '1.50'],
      ['qbr', 3, 'month', '5.00'],
      ['onsite_visit', 12, 'month', '8.00'],
    ]);
    expect(hoursPerAccountMonth(playbooks[0]!.rules, typeModelLookup(typeList))).toBeCloseTo(3.83, 2);
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
    const rules = [{ ...current.rules[0]!, hours: '-1' }, { ...current.rules[0]!, every: 0 }];
    const result = await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify(rules) });
    expect(!result.ok && result.fieldErrors?.['rules.0.hours']?.key).toBe('validation.hours');
    expect(!result.ok && result.fieldErrors?.['rules.1.every']?.key).toBe('validation.tooSmall');
    // A high-touch rule still needs its hours.
    const zero = await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify([current.rules[0]!, { ...current.rules[1]!, hours: '0' }]) });
    expect(!zero.ok && zero.fieldErrors?.['rules.1.hours']?.key).toBe('validation.hours');
    expect((await tier1()).version).toBe(current.version);
  });

  it('save a rule on one campaign\'s deliveries, offered in the editor by name; refuse an unknown campaign or a campaign on another kind', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const db = await getDb();
    const tag = Date.now();
    const rule = { every: 1, unit: 'month', hours: '0', bookAheadDays: 0 };
    const onboarding = (await insertCampaign(db, { key: `onboarding-${tag}`, name: `Onboarding emails ${tag}`, channel: 'email_sequence', tool: 'hubspot', audience: 'tier=3', startsOn: '2026-10-01', goalEvent: null, goalWindowDays: 14 }))!;
    const tier3 = async () => (await currentPlaybooks(db)).find((p) => p.tier === 3)!;
    const before = await tier3();
    for (const [bad, key] of [
      [{ ...rule, touchKind: 'campaign_delivered', campaignId: 999_999 }, 'playbooks.campaignUnavailable'],
      [{ ...rule, touchKind: 'content_shared', campaignId: onboarding.id }, 'validation.ruleTarget'],
    ] as const) {
      const result = await savePlaybook(null, { tier: 3, baseVersion: before.version, rules: JSON.stringify([bad]) });
      expect(!result.ok && result.fieldErrors?.['rules.0.activityTypeId']?.key).toBe(key);
    }
    expect((await tier3()).version).toBe(before.version);

    const saved = await savePlaybook(null, { tier: 3, baseVersion: before.version, rules: JSON.stringify([{ ...rule, touchKind: 'campaign_delivered', campaignId: onboarding.id }]) });
    expect(saved.ok).toBe(true);
    expect((await tier3()).rules).toMatchObject([{ touchKind: 'campaign_delivered', campaignId: onboarding.id, hours: '0.00', bookAheadDays: 0 }]);
    const section = (await renderToHtml(await PlaybooksPage())).split('Tier 3 playbook')[1]!;
    expect(section).toContain(`<option value="campaign:${onboarding.id}" selected="">Onboarding emails ${tag} delivered</option>`);
  });
});

describe('touch-kind rules', () => {
  const rule = { every: 1, unit: 'month', hours: '2', bookAheadDays: 5 };

  it('save a rule on any touch of a kind, with 0 hours kept for one-to-many rules', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const db = await getDb();
    const webinar = await saveActivityType(null, { name: `Webinar ${Date.now()}`, touchModel: 'low', active: 'true' });
    const webinarId = webinar.ok ? (webinar.data as { id: number }).id : 0;
    const tier2 = (await currentPlaybooks(db)).find((p) => p.tier === 2)!;
    const rules = [
      { ...rule, touchKind: 'content_shared' },
      { ...rule, activityTypeId: webinarId, every: 3, bookAheadDays: 7 },
      { ...rule, touchKind: 'activity_completed', hours: '1.5' },
    ];
    const saved = await savePlaybook(null, { tier: 2, baseVersion: tier2.version, rules: JSON.stringify(rules) });
    expect(saved.ok).toBe(true);
    const now = (await currentPlaybooks(db)).find((p) => p.tier === 2)!;
    expect(now.rules.map((r) => [r.activityTypeId, r.touchKind, r.every, r.hours, r.bookAheadDays])).toEqual([
      [null, 'content_shared', 1, '0.00', 0],
      [webinarId, null, 3, '0.00', 7],
      [null, 'activity_completed', 1, '1.50', 0],
    ]);
    // Only the high-touch rule owes hours per account.
    expect(hoursPerAccountMonth(now.rules, typeModelLookup(await listActivityTypes(db)))).toBeCloseTo(1.5, 6);
    expect(await lastAudit()).toMatchObject({ action: 'playbook.save', actorId: admin.id, after: { rules: [{ touchKind: 'content_shared', hours: '0' }, {}, {}] } });
  });

  it('show in the editor as one-to-many rows with no hours asked, and leave the tier owing 0 h per account', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    const tier3 = (await currentPlaybooks(db)).find((p) => p.tier === 3)!;
    const rules = [{ ...rule, touchKind: 'content_opened' }, { ...rule, touchKind: 'program_attended', every: 3 }];
    expect((await savePlaybook(null, { tier: 3, baseVersion: tier3.version, rules: JSON.stringify(rules) })).ok).toBe(true);
    const html = await renderToHtml(await PlaybooksPage());
    const section = html.slice(html.indexOf('Tier 3 playbook'));
    const text = textOf(section);
    expect(text.match(/0 h — one-to-many/g)).toHaveLength(2);
    expect(text).toMatch(/Per account per month 0 h/);
    expect(section).not.toContain('aria-label="Hours of rule 1"');
    // The grouped select offers activity types and touch kinds, with the saved kind chosen.
    expect(section).toMatch(/<optgroup label="Any touch of a kind">/);
    expect(section).toMatch(/<option value="kind:content_opened" selected="">Content opened<\/option>/);
  });

  it('refuse a rule with neither or both targets, or an unknown kind, beside its field', async () => {
    await signInAs(await createUser('admin'));
    const current = await tier1();
    const typeId = current.rules[0]!.activityTypeId;
    for (const [bad, field, key] of [
      [{ ...rule }, 'rules.0.activityTypeId', 'validation.ruleTarget'],
      [{ ...rule, activityTypeId: typeId, touchKind: 'content_shared' }, 'rules.0.activityTypeId', 'validation.ruleTarget'],
      [{ ...rule, touchKind: 'smoke_signal' }, 'rules.0.touchKind', 'validation.invalid'],
    ] as const) {
      const result = await savePlaybook(null, { tier: 1, baseVersion: current.version, rules: JSON.stringify([bad]) });
      expect(!result.ok && result.fieldErrors?.[field]?.key).toBe(key);
    }
    expect((await tier1()).version).toBe(current.version);
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
