import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findCampaign, insertCampaign, recentCampaignImports, recordCampaignEvents } from '@/db/queries/campaigns';
import { insertContact } from '@/db/queries/contacts';
import { addEventMapping } from '@/db/queries/health-read';
import type { PublicUser } from '@/db/queries/users';
import { alertRules, campaignEvents, touches } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { auditRows } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { createCampaign, previewCampaignAudience, updateCampaign } from './actions';
import { POST as upload } from './[id]/import/upload/route';
import { GET as template } from './[id]/import/template/route';

// Campaigns through their doors: the create and edit actions (the matrix
// checks who may call them; these check what they do), and the import of a
// tool's export through its upload route, twice.

const tag = () => randomBytes(4).toString('hex');
let manager: PublicUser;
let csm: PublicUser;

beforeEach(async () => {
  manager = await createUser('manager');
  csm = await createUser('csm');
});

function form(overrides: Record<string, string> = {}) {
  const t = tag();
  return { name: `Onboarding ${t}`, key: `onboarding-${t}`, channel: 'email_sequence', tool: 'hubspot', audience: 'tier=3', startsOn: '2026-11-01', endsOn: '', goalEvent: '', goalWindowDays: '14', ...overrides };
}

async function campaign() {
  const t = tag();
  return (await insertCampaign(await getDb(), { key: `tour-${t}`, name: `Tour ${t}`, channel: 'product_tour', tool: 'pendo', audience: '', startsOn: '2026-11-01' }))!;
}

describe('creating and editing a campaign', () => {
  it('creates it as a manager, audited, and refuses a CSM', async () => {
    await signInAs(manager);
    const input = form();
    const made = await createCampaign(null, input);
    expect(made).toMatchObject({ ok: true });
    const id = (made as { data: { id: number } }).data.id;
    expect(await findCampaign(await getDb(), id)).toMatchObject({ key: input.key, name: input.name, channel: 'email_sequence', tool: 'hubspot', audience: 'tier=3', endsOn: null, goalWindowDays: 14 });
    expect((await auditRows('campaign.create'))[0]).toMatchObject({ actorId: manager.id, entity: 'campaign', entityId: String(id) });

    await signInAs(csm);
    expect(await createCampaign(null, form())).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });

  it('says what is wrong beside each field: a taken key, a bad key, dates out of order, a goal that is not a mapped signal', async () => {
    await signInAs(manager);
    const first = form();
    expect(await createCampaign(null, first)).toMatchObject({ ok: true });
    expect(await createCampaign(null, form({ key: first.key }))).toEqual({ ok: false, fieldErrors: { key: { key: 'campaigns.errors.keyTaken' } } });
    expect(await createCampaign(null, form({ key: 'Has Spaces' }))).toMatchObject({ ok: false, fieldErrors: { key: { key: 'validation.campaignKey' } } });
    expect(await createCampaign(null, form({ endsOn: '2026-10-01' }))).toMatchObject({ ok: false, fieldErrors: { endsOn: { key: 'validation.endBeforeStart' } } });
    expect(await createCampaign(null, form({ goalEvent: `Never Mapped ${tag()}` }))).toEqual({ ok: false, fieldErrors: { goalEvent: { key: 'campaigns.errors.goalEvent' } } });
    const event = `Report Created ${tag()}`;
    await addEventMapping(await getDb(), { meaning: 'key_feature', event, scoreProperty: null });
    expect(await createCampaign(null, form({ goalEvent: event }))).toMatchObject({ ok: true });
  });

  it('saves an edit from the version read and refuses a stale one', async () => {
    const c = await campaign();
    await signInAs(manager);
    const saved = await updateCampaign(null, { ...form({ name: 'Renamed tour', key: c.key }), id: String(c.id), expectedVersion: String(c.version) });
    expect(saved).toMatchObject({ ok: true, data: { version: c.version + 1 } });
    expect(await updateCampaign(null, { ...form({ name: 'Stale', key: c.key }), id: String(c.id), expectedVersion: String(c.version) })).toEqual({ ok: false, error: { key: 'campaigns.errors.conflict' } });
    expect((await findCampaign(await getDb(), c.id))?.name).toBe('Renamed tour');
    expect((await auditRows('campaign.update'))[0]).toMatchObject({ entityId: String(c.id), before: expect.objectContaining({ name: c.name }), after: expect.objectContaining({ name: 'Renamed tour' }) });
  });

  it('keeps the key once it is in use: events arrived under it, or an alert rule’s webhook carries it', async () => {
    const db = await getDb();
    await signInAs(manager);
    const edit = (c: { id: number; version: number; key: string }, key: string) => updateCampaign(null, { ...form({ name: `Tour ${tag()}`, key }), id: String(c.id), expectedVersion: String(c.version) });

    // Unused: the key may still change.
    const fresh = await campaign();
    const renamed = `renamed-${tag()}`;
    expect(await edit(fresh, renamed)).toMatchObject({ ok: true });
    expect((await findCampaign(db, fresh.id))?.key).toBe(renamed);

    const delivered = await campaign();
    const account = await createAccount({ arr: '100000' });
    await recordCampaignEvents(db, delivered.id, [{ accountId: account.id, contactId: null, recipient: `account:${account.id}`, outcome: 'delivered', occurredAt: new Date('2026-11-02T00:00:00Z') }], 'api');
    expect(await edit(delivered, `moved-${tag()}`)).toEqual({ ok: false, fieldErrors: { key: { key: 'campaigns.errors.keyLocked' } } });
    // The rest of the campaign still saves with its key unchanged.
    expect(await edit(delivered, delivered.key)).toMatchObject({ ok: true });

    const enrolled = await campaign();
    await db.insert(alertRules).values({ name: `Enrol ${tag()}`, conditions: [{ kind: 'band_poor' }], first: 'tech_touch', techChannel: 'webhook', techSubject: 'tour', techCampaignId: enrolled.id });
    expect(await edit(enrolled, `moved-${tag()}`)).toEqual({ ok: false, fieldErrors: { key: { key: 'campaigns.errors.keyLocked' } } });
    expect((await findCampaign(db, enrolled.id))?.key).toBe(enrolled.key);
  });

  it('counts the audience being edited', async () => {
    const industry = `Industry ${tag()}`;
    await createAccount({ industry, arr: '100000' });
    await signInAs(manager);
    expect(await previewCampaignAudience(null, { audience: `industry=${encodeURIComponent(industry)}&owner=all` })).toEqual({ ok: true, data: { accounts: 1, contacts: 0, emailable: 0 } });
  });
});

type Reply = { ok: boolean; data?: Record<string, unknown>; error?: { key: string; values?: Record<string, unknown> } };

async function post(user: PublicUser | null, campaignId: number, file: string | Uint8Array<ArrayBuffer>, fields: Record<string, string>) {
  await signInAs(user);
  const data = new FormData();
  data.set('file', new File([file], 'hubspot-email-events.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  const encoded = new Request('http://localhost/x', { method: 'POST', body: data });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const response = await upload(
    new Request(`http://localhost/campaigns/${campaignId}/import/upload`, {
      method: 'POST',
      body,
      headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length), origin: 'http://localhost' },
    }),
    { params: Promise.resolve({ id: String(campaignId) }) },
  );
  return { status: response.status, json: (await response.json()) as Reply };
}

const eventCount = async (campaignId: number) => (await (await getDb()).select({ n: count() }).from(campaignEvents).where(eq(campaignEvents.campaignId, campaignId)))[0]!.n;

describe('importing a campaign export', () => {
  it('previews, imports, and changes nothing the second time', async () => {
    const c = await campaign();
    const account = await createAccount({ arr: '100000' });
    const email = `aiko-${tag()}@${account.domain}`;
    await insertContact(await getDb(), { accountId: account.id, name: 'Aiko', email, roles: [] });
    const csv = ['Recipient,Event type,Created', `${email},DELIVERED,2026-11-02 09:00`, `${email},OPEN,2026-11-02 09:30`, `${email},CLICK,2026-11-02 09:31`].join('\n');

    const shown = await post(manager, c.id, csv, { intent: 'preview' });
    expect(shown.json).toMatchObject({ ok: true, data: { totalRows: 3, toCreate: 3, toUpdate: 0, invalidRows: 0, errorCount: 0 } });
    expect(await eventCount(c.id)).toBe(0);

    expect((await post(manager, c.id, csv, { intent: 'run', mode: 'all' })).json).toEqual({ ok: true, data: { created: 3, updated: 0, unchanged: 0, skipped: 0 } });
    const ledger = async () => (await getDb()).select({ kind: touches.kind, model: touches.touchModel }).from(touches).where(eq(touches.accountId, account.id));
    expect(await ledger()).toEqual([{ kind: 'campaign_delivered', model: 'tech' }]);

    // The same file again: the preview says so, and the run adds nothing.
    expect((await post(manager, c.id, csv, { intent: 'preview' })).json).toMatchObject({ ok: true, data: { toCreate: 0, toUpdate: 3, unchanged: 3 } });
    expect((await post(manager, c.id, csv, { intent: 'run', mode: 'all' })).json).toEqual({ ok: true, data: { created: 0, updated: 0, unchanged: 3, skipped: 0 } });
    expect(await eventCount(c.id)).toBe(3);
    expect(await ledger()).toHaveLength(1);

    expect((await recentCampaignImports(await getDb(), c.id)).map((i) => [i.added, i.duplicates, i.importedBy])).toEqual([
      [0, 3, manager.name],
      [3, 0, manager.name],
    ]);
    expect((await auditRows('campaign.import'))[0]).toMatchObject({ actorId: manager.id, entityId: String(c.id), after: expect.objectContaining({ added: 0, duplicates: 3, deliveries: 0 }) });
  });

  it('writes nothing when a row is bad, unless only the valid rows are asked for', async () => {
    const c = await campaign();
    const account = await createAccount({ arr: '100000' });
    const csv = ['account,outcome,occurred_at', `${account.domain},delivered,2026-11-02 09:00`, `${account.domain},forwarded,2026-11-02 09:00`, `nowhere-${tag()}.example,delivered,2026-11-02 09:00`].join('\n');
    const shown = await post(manager, c.id, csv, { intent: 'preview' });
    expect(shown.json.data).toMatchObject({ totalRows: 3, invalidRows: 2, errorCount: 2 });
    expect((shown.json.data!.errors as { line: number; message: { key: string } }[]).map((e) => [e.line, e.message.key])).toEqual([
      [3, 'campaigns.import.errors.outcome'],
      [4, 'campaigns.import.errors.noMatch'],
    ]);
    const refused = await post(manager, c.id, csv, { intent: 'run', mode: 'all' });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ ok: false, error: { key: 'import.errors.rowsHaveErrors', values: { rows: 2 } } });
    expect(await eventCount(c.id)).toBe(0);
    expect((await post(manager, c.id, csv, { intent: 'run', mode: 'validOnly' })).json).toEqual({ ok: true, data: { created: 1, updated: 0, unchanged: 0, skipped: 2 } });
  });

  it('refuses a mapping with no recipient column', async () => {
    const c = await campaign();
    const shown = await post(manager, c.id, 'outcome,occurred_at\ndelivered,2026-11-02 09:00', { intent: 'preview' });
    expect(shown.json.data).toMatchObject({ mappingErrors: [{ key: 'campaigns.import.errors.noRecipientColumn' }], invalidRows: 1 });
  });

  it('reads a Shift_JIS export with Japanese headers', async () => {
    const c = await campaign();
    const account = await createAccount({ externalId: 'SJIS-CAMP-1', arr: '100000' });
    const bytes = new Uint8Array(await readFile(new URL('../../../tests/fixtures/campaign-events-ja-shift_jis.csv', import.meta.url)));
    const shown = await post(manager, c.id, bytes, { intent: 'preview' });
    expect(shown.json.data).toMatchObject({ encoding: 'shift_jis', totalRows: 2, toCreate: 2, invalidRows: 0 });
    expect((await post(manager, c.id, bytes, { intent: 'run', mode: 'all' })).json).toMatchObject({ ok: true, data: { created: 2 } });
    expect(await (await getDb()).select({ outcome: campaignEvents.outcome, at: campaignEvents.occurredAt, recipient: campaignEvents.recipient }).from(campaignEvents).where(eq(campaignEvents.campaignId, c.id)).orderBy(campaignEvents.occurredAt)).toEqual([
      { outcome: 'delivered', at: new Date('2026-11-02T00:00:00Z'), recipient: `account:${account.id}` },
      { outcome: 'opened', at: new Date('2026-11-02T01:15:00Z'), recipient: `account:${account.id}` },
    ]);
  });

  it('is for managers and admins; a missing campaign is a 404', async () => {
    const c = await campaign();
    const csm403 = await post(csm, c.id, 'account,outcome,occurred_at\nx.example,delivered,2026-11-02 09:00', { intent: 'preview' });
    expect(csm403.status).toBe(403);
    expect((await post(manager, 2_000_000_000, 'account,outcome,occurred_at\n', { intent: 'preview' })).status).toBe(404);
    await signInAs(manager);
    const file = await template(new Request(`http://localhost/campaigns/${c.id}/import/template`));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer())).toBe('\uFEFFemail,account,outcome,occurred_at\r\n');
  });
});
