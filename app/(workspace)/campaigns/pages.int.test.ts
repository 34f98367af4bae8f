import type * as Navigation from 'next/navigation';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertCampaign, recordCampaignEvents } from '@/db/queries/campaigns';
import { usageDaily } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { setTestLocale } from '@/tests/intl-server';
import { renderToHtml, textOf } from '@/tests/render-page';
import CampaignPage from './[id]/page';
import CampaignsPage from './page';
import NewCampaignPage from './new/page';
import EditCampaignPage from './[id]/edit/page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const tag = () => randomBytes(4).toString('hex');

describe('campaign pages', () => {
  it('show the funnel by tier and goal conversion to a CSM, without the managers’ buttons, in English and Japanese', async () => {
    const db = await getDb();
    const event = `Dashboard Built ${tag()}`;
    const industry = `Industry ${tag()}`;
    const name = `Monthly in-app ${tag()}`;
    const c = (await insertCampaign(db, { key: `monthly-${tag()}`, name, channel: 'in_app', tool: 'intercom', audience: `industry=${encodeURIComponent(industry)}`, startsOn: '2026-10-01', endsOn: '2026-10-31', goalEvent: event, goalWindowDays: 7 }))!;
    const [a, b, peer] = await Promise.all([1, 2, 3].map(() => createAccount({ arr: '100000', industry })));
    const at = new Date('2026-10-05T01:00:00Z');
    await recordCampaignEvents(
      db,
      c.id,
      [
        { accountId: a!.id, contactId: null, recipient: 'a@x.example', outcome: 'delivered', occurredAt: at },
        { accountId: b!.id, contactId: null, recipient: 'b@x.example', outcome: 'delivered', occurredAt: at },
        { accountId: a!.id, contactId: null, recipient: 'a@x.example', outcome: 'opened', occurredAt: at },
      ],
      'import',
    );
    await db.insert(usageDaily).values([
      { accountId: a!.id, day: '2026-10-06', event, events: 1 },
      { accountId: peer!.id, day: '2026-10-20', event, events: 1 },
    ]);

    await signInAs(await createUser('csm'));
    const page = textOf(await renderToHtml(await CampaignPage({ params: Promise.resolve({ id: String(c.id) }) })));
    expect(page).toContain(name);
    expect(page).toContain('In-app message · Intercom');
    expect(page).toContain('Audience: 3 accounts');
    expect(page).toContain(`Tier ${a!.tier}`);
    // The chart's notes, and its numbers as a table.
    expect(page).toContain('Opened · Accounts: 1 1 · 50%');
    // An in-app message completes nothing: its funnel has no "Completed" row.
    expect(page).toContain('Step Accounts Delivered 2 Opened 1 Clicked 0 Bounced 0 Unsubscribed 0');
    // Delivered: 1 of 2 converted within 7 days; the one peer did it on day 19.
    expect(page).toContain('Delivered 50% 1 of 2 accounts');
    expect(page).toContain('Not delivered (audience) 0% 0 of 1 account');
    expect(page).toContain(`/api/v1/campaigns/${c.key}/events`);
    expect(page).not.toContain('Import an export');

    const list = textOf(await renderToHtml(await CampaignsPage()));
    expect(list).toContain(`${name} In-app message Intercom`);
    expect(list).not.toContain('New campaign');

    setTestLocale('ja');
    try {
      const ja = textOf(await renderToHtml(await CampaignPage({ params: Promise.resolve({ id: String(c.id) }) }), 'ja'));
      expect(ja).toContain('Tier 別ファネル');
      expect(ja).toContain('アプリ内メッセージ · Intercom');
      expect(ja).toContain('配信あり 50% 2 アカウント中 1 アカウント');
    } finally {
      setTestLocale('en');
    }
  });

  it('give a manager the way to create, import and edit, and the empty state says what to do', async () => {
    await signInAs(await createUser('manager'));
    const form = textOf(await renderToHtml(await NewCampaignPage()));
    expect(form).toContain('Goal window (days)');
    expect(form).toContain('Step-email sequence');
    const c = (await insertCampaign(await getDb(), { key: `empty-${tag()}`, name: `Empty ${tag()}`, channel: 'email', tool: 'touchplan_smtp', audience: '', startsOn: '2026-11-01' }))!;
    const page = textOf(await renderToHtml(await CampaignPage({ params: Promise.resolve({ id: String(c.id) }) })));
    expect(page).toContain('Import an export');
    expect(page).toContain('Nothing delivered yet. Import the sending tool');
    expect(page).toContain('No goal event is set.');
    expect(page).toContain('No imports yet.');
  });

  it('show the key read-only on the edit form once deliveries arrived under it', async () => {
    const db = await getDb();
    await signInAs(await createUser('manager'));
    const c = (await insertCampaign(db, { key: `locked-${tag()}`, name: `Locked ${tag()}`, channel: 'email', tool: 'hubspot', audience: '', startsOn: '2026-11-01' }))!;
    const keyInput = async () => /<input[^>]*name="key"[^>]*>/.exec(await renderToHtml(await EditCampaignPage({ params: Promise.resolve({ id: String(c.id) }) })))![0];
    expect(await keyInput()).not.toContain('readOnly');
    expect(await keyInput()).not.toContain('readonly');
    const account = await createAccount({ arr: '100000' });
    await recordCampaignEvents(db, c.id, [{ accountId: account.id, contactId: null, recipient: `account:${account.id}`, outcome: 'delivered', occurredAt: new Date('2026-11-02T00:00:00Z') }], 'import');
    expect(await keyInput()).toMatch(/readOnly=""|readonly=""/);
    expect(textOf(await renderToHtml(await EditCampaignPage({ params: Promise.resolve({ id: String(c.id) }) })))).toContain('In use: the API address and alert webhooks carry it');
  });
});
