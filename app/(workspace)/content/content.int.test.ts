import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { contentStatsByTier, listBatchLinks, listContentKinds, listContentRecipients } from '@/db/queries/content';
import { touches } from '@/db/schema';
import { createAccount, setHealthBand } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs, uniqueEmail } from '@/tests/factories';
import { staticPolicy } from '@/lib/security/static-policy';
import { GET as openLink, HEAD as headLink } from '@/app/c/[token]/route';
import { GET as mailMerge } from './links/[batch]/route';
import { createContentItem, previewAudience, shareContent } from './actions';

const chrome = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const open = (token: string, init: RequestInit = {}, handler = openLink) =>
  handler(new Request(`http://localhost/c/${token}`, { headers: { 'user-agent': chrome }, ...init }), { params: Promise.resolve({ token }) });

async function kindId() {
  return (await listContentKinds(await getDb()))[0]!.id;
}

async function accountWithPeople(ownerId: number, people: { name: string; noProgramEmails?: boolean; active?: boolean }[], arr = '1000000') {
  const account = await createAccount({ ownerId, arr });
  for (const p of people) await insertContact(await getDb(), { accountId: account.id, email: uniqueEmail('c'), ...p });
  return account;
}

describe('sharing content', () => {
  it('shares with an audience: a link per active contact, opted-out contacts marked, one shared touch per account', async () => {
    const manager = await createUser('manager');
    const csm = await createUser('csm');
    await signInAs(manager);
    const industry = `Robotics ${Math.random().toString(36).slice(2, 8)}`;
    const a = await accountWithPeople(csm.id, [{ name: 'A1' }, { name: 'A2', noProgramEmails: true }, { name: 'A3', active: false }]);
    const b = await accountWithPeople(csm.id, [{ name: 'B1' }]);
    const db = await getDb();
    for (const acc of [a, b]) await db.execute(`update accounts set industry = '${industry}' where id = ${acc.id}`);
    const item = await createContentItem(null, { kindId: await kindId(), title: 'Admin guide', url: 'https://example.com/admin-guide', tiers: [] });
    const itemId = (item as { data: { id: number } }).data.id;

    const audience = `industry=${encodeURIComponent(industry)}`;
    expect(await shareContent(null, { itemId, audience, expected: 3 })).toMatchObject({ ok: false, error: { key: 'content.errors.audienceChanged', values: { count: 2 } } });
    const shared = await shareContent(null, { itemId, audience, expected: 2 });
    expect(shared).toMatchObject({ ok: true, data: { accounts: 2, recipients: 3, optedOut: 1, emailing: false } });
    const links = await listBatchLinks(db, (shared as { data: { batchId: string } }).data.batchId);
    expect(links.map((l) => [l.contactName, l.optedOut]).sort()).toEqual([
      ['A1', false],
      ['A2', true],
      ['B1', false],
    ]);
    const ledger = await db.select().from(touches).where(and(eq(touches.kind, 'content_shared'), eq(touches.accountId, a.id)));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ touchModel: 'low' });
  });

  it('narrows an audience by health band, “no score yet” being no row or a row without a band', async () => {
    const manager = await createUser('manager');
    await signInAs(manager);
    const industry = `Health ${Math.random().toString(36).slice(2, 8)}`;
    const made = async (band: 'poor' | 'average' | 'good' | null | 'unscored') => {
      const account = await createAccount({ ownerId: manager.id, industry });
      await insertContact(await getDb(), { accountId: account.id, email: uniqueEmail('h'), name: `Contact ${String(band)}` });
      if (band !== 'unscored') await setHealthBand(account.id, band);
      return account;
    };
    const poor = await made('poor');
    const average = await made('average');
    const good = await made('good');
    const blank = await made(null);
    const unscored = await made('unscored');
    const reach = async (health: string) => {
      const result = await previewAudience(null, { audience: `industry=${encodeURIComponent(industry)}${health ? `&health=${health}` : ''}` });
      return result.ok ? result.data.accounts : result;
    };
    expect(await reach('')).toBe(5);
    expect(await reach('poor')).toBe(1);
    expect(await reach('average,good')).toBe(2);
    expect(await reach('none')).toBe(2);
    expect(await reach('poor,none')).toBe(3);
    expect(await reach('poor,average,good,none')).toBe(5);

    const item = (await createContentItem(null, { kindId: await kindId(), title: 'Recovery plan', url: 'https://example.com/recovery', tiers: [] })) as { data: { id: number } };
    const audience = `industry=${encodeURIComponent(industry)}&health=good%2Cnone`;
    const shared = await shareContent(null, { itemId: item.data.id, audience, expected: 3 });
    expect(shared).toMatchObject({ ok: true, data: { accounts: 3 } });
    const names = (await listBatchLinks(await getDb(), (shared as { data: { batchId: string } }).data.batchId)).map((l) => l.accountName).sort();
    expect(names).toEqual([good.name, blank.name, unscored.name].sort());
    expect(names).not.toContain(poor.name);
    expect(names).not.toContain(average.name);
    // The audience on record is the query string as sent, health and all.
    expect((await lastAudit())?.after).toMatchObject({ audience });
  });

  it('a CSM’s audience is their own book, whatever the filter says', async () => {
    const csm = await createUser('csm');
    const other = await createUser('csm');
    const mine = await accountWithPeople(csm.id, [{ name: 'Mine' }]);
    await accountWithPeople(other.id, [{ name: 'Theirs' }]);
    await signInAs(csm);
    const item = (await createContentItem(null, { kindId: await kindId(), title: 'Tips', url: 'https://example.com/tips', tiers: [] })) as { data: { id: number } };
    const shared = (await shareContent(null, { itemId: item.data.id, audience: `owner=${other.id}&q=${mine.name}` })) as { ok: boolean; data: { batchId: string } };
    expect(shared.ok).toBe(true);
    expect((await listBatchLinks(await getDb(), shared.data.batchId)).map((l) => l.accountName)).toEqual([mine.name]);
  });

  it('refuses a javascript: link, and a link and a file together', async () => {
    await signInAs(await createUser('csm'));
    expect(await createContentItem(null, { kindId: await kindId(), title: 'x', url: 'javascript:alert(1)', tiers: [] })).toMatchObject({ ok: false, fieldErrors: { url: { key: 'validation.url' } } });
    const both = await createContentItem(null, { kindId: await kindId(), title: 'x', url: 'https://example.com', file: new File(['x'], 'x.pdf'), tiers: [] });
    expect(both).toMatchObject({ ok: false, fieldErrors: { url: { key: 'validation.linkOrFileNotBoth' } } });
  });
});

describe('tracked links', () => {
  async function sharedLink(file?: File) {
    const csm = await createUser('csm');
    const account = await accountWithPeople(csm.id, [{ name: 'Reader' }], '9000000');
    await signInAs(csm);
    const source = file ? { file } : { url: 'https://example.com/recording' };
    const item = (await createContentItem(null, { kindId: await kindId(), title: 'Recording', tiers: [], ...source })) as { data: { id: number } };
    const shared = (await shareContent(null, { itemId: item.data.id, accountId: account.id })) as { data: { batchId: string } };
    const [link] = await listBatchLinks(await getDb(), shared.data.batchId);
    await signInAs(null);
    return { token: link!.token, itemId: item.data.id, accountId: account.id, batchId: shared.data.batchId, csm };
  }

  it('counts one open per GET, none for HEAD, prefetches or link scanners; the first open is one touch', async () => {
    const { token, itemId, accountId } = await sharedLink();
    const first = await open(token);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('https://example.com/recording');
    // The proxy does not run for tracked links: the route sets the policy.
    expect(first.headers.get('content-security-policy')).toBe(staticPolicy);
    expect((await open('f'.repeat(64))).headers.get('content-security-policy')).toBe(staticPolicy);
    expect((await open(token, { method: 'HEAD' }, headLink)).status).toBe(302);
    expect((await open(token, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } })).status).toBe(302);
    expect((await open(token, { headers: { 'user-agent': chrome, 'sec-purpose': 'prefetch' } })).status).toBe(302);
    await open(token);
    const [recipient] = await listContentRecipients(await getDb(), itemId, 1);
    expect(recipient).toMatchObject({ openCount: 2 });
    expect(recipient!.firstOpenedAt).not.toBeNull();
    const opened = await (await getDb()).select().from(touches).where(and(eq(touches.kind, 'content_opened'), eq(touches.accountId, accountId)));
    expect(opened).toHaveLength(1);
    expect(await contentStatsByTier(await getDb(), itemId)).toEqual([{ tier: expect.any(Number), accounts: 1, recipients: 1, opened: 1 }]);
  });

  it('serves an uploaded file with safe headers', async () => {
    const { token } = await sharedLink(new File(['%PDF-1.4 hello'], '稟議書.pdf', { type: 'application/pdf' }));
    const response = await open(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toBe('%PDF-1.4 hello');
  });

  it('gives the sharer a mail-merge file of the links', async () => {
    const { batchId, token, csm } = await sharedLink();
    await signInAs(csm);
    const response = await mailMerge(new Request(`http://localhost/content/links/${batchId}`), { params: Promise.resolve({ batch: batchId }) });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Excel reads UTF-8 only after a byte-order mark.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('name,email,account,language,opted_out,link');
    expect(text).toContain(`/c/${token}`);
  });
});
