import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Analytics } from '@segment/analytics-node';
import { expect, test } from './test';
import { demo, storageState } from './helpers';
import { baseURL } from '../playwright.config';

// Issue 14, end to end: an admin points the in-app nudge webhook at this
// test's receiver and writes a rule for silent Tier 3 accounts whose first
// rung is that nudge. The receiver gets a signed nudge for a silent account
// of the CSM's; the account then comes back (sign-ins) and views the pricing
// page three times through the ingestion API, so the demo's Tier 3 rule puts
// a task in the CSM's inbox; the CSM completes it by logging the call, and
// the nudge's episode closes now that the account is active again. (The
// ladder's "a task N days after the nudge" is timed in
// lib/server/tech-touch.int.test.ts: a browser test cannot wait days.)

type Nudge = { type: string; message: { name: string } | null; account: { id: number; name: string; domain: string; owner: string | null } | null };

let receiver: Server;
const nudges: Nudge[] = [];
let secret = '';
const port = Number(new URL(baseURL).port) + 26;

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signed = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      if (!secret || req.headers['x-touchplan-signature'] !== signed) return void res.writeHead(401).end();
      nudges.push(JSON.parse(body.toString('utf8')) as Nudge);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test('a silent Tier 3 account gets the nudge, then a task lands in its CSM’s inbox, who completes it by logging a call; the episode closes when the account is active again', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await (await browser.newContext({ storageState: storageState('admin') })).newPage();

  // The webhook, with the secret the page shows; a signed test reaches the receiver.
  await admin.goto('/admin/alerts');
  await admin.getByLabel('Webhook URL').fill(`http://127.0.0.1:${port}/nudges`);
  await admin.getByRole('button', { name: 'Save webhook' }).click();
  await expect(admin.getByText('Webhook saved.')).toBeVisible();
  await admin.getByRole('button', { name: 'Show', exact: true }).click();
  secret = await admin.locator('code').filter({ hasText: /^whsec_/ }).innerText();
  await admin.getByRole('button', { name: 'Send a test' }).click();
  await expect(admin.getByText('Test delivered: your receiver answered 204.')).toBeVisible();
  expect(nudges.map((n) => n.type)).toEqual(['test']);

  // The rule: no activity for 14 days in Tier 3 → an in-app nudge first.
  await admin.getByRole('button', { name: 'New rule' }).click();
  await admin.getByLabel('Name', { exact: true }).fill('E2E silent Tier 3');
  const conditions = admin.getByRole('group', { name: 'Conditions' });
  await expect(conditions.getByRole('combobox')).toHaveValue('no_activity');
  await conditions.getByLabel('Days', { exact: true }).fill('14');
  await admin.getByLabel('Tier 3', { exact: true }).check();
  await admin.getByLabel('Close after (days false)').fill('0');
  await admin.getByLabel('A tech touch first, then a task for a human if needed').check();
  await expect(admin.getByRole('combobox', { name: 'Channel' })).toHaveValue('webhook');
  await admin.getByLabel('Message name (what your in-app tool shows)').fill('e2e-welcome-back');
  await expect(admin.getByText(/\d+ accounts? match(es)? now/)).toBeVisible();
  await admin.getByRole('button', { name: 'Save rule' }).click();
  await expect(admin.getByText('Rule created.')).toBeVisible();
  await admin.getByRole('button', { name: 'Check now' }).click();
  await expect(admin.getByText(/Checking every rule now/)).toBeVisible();

  // Signed nudges arrive, one per silent account; one of them is the CSM's.
  await expect.poll(() => nudges.filter((n) => n.message?.name === 'e2e-welcome-back' && n.account?.owner === demo.csm.email).length, { timeout: 60_000 }).toBeGreaterThan(0);
  const account = nudges.find((n) => n.message?.name === 'e2e-welcome-back' && n.account?.owner === demo.csm.email)!.account!;
  const ruleRow = admin.getByRole('row').filter({ hasText: 'E2E silent Tier 3' });
  await admin.reload();
  const openBefore = Number(/(\d+) open/.exec(await ruleRow.innerText())![1]);
  expect(openBefore).toBeGreaterThan(0);

  // The nudge is a tech touch on the account's timeline.
  await admin.goto(`/accounts/${account.id}`);
  await expect(admin.getByText('Alert nudge: E2E silent Tier 3 (in-app message)')).toBeVisible();

  // The account comes back: sign-ins and three pricing-page views, through a write key and Segment's SDK.
  await admin.goto('/admin/signals');
  await admin.getByRole('textbox', { name: 'Name', exact: true }).fill('Alerts e2e');
  await admin.getByRole('button', { name: 'Create key' }).click();
  const key = await admin.locator('code').filter({ hasText: /^tpk_/ }).innerText();
  const analytics = new Analytics({ writeKey: key, host: baseURL, path: '/api/v1/batch', flushAt: 10, flushInterval: 200 });
  analytics.identify({ userId: 'alerts-e2e-user', traits: { email: 'back@example.jp' } });
  analytics.group({ userId: 'alerts-e2e-user', groupId: account.domain });
  analytics.track({ userId: 'alerts-e2e-user', event: 'Logged In' });
  for (let i = 0; i < 3; i++) analytics.track({ userId: 'alerts-e2e-user', event: 'Pricing' });
  await analytics.closeAndFlush({ timeout: 10_000 });

  // Within the minute's health run and the evaluation after it, the CSM has the pricing task.
  const csm = await (await browser.newContext({ storageState: storageState('csm') })).newPage();
  const task = csm.getByRole('listitem').filter({ hasText: account.name }).filter({ hasText: /3 pricing-page views/ });
  await expect(async () => {
    await csm.goto('/tasks');
    await expect(task).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 150_000, intervals: [5000] });

  await task.locator('summary').click();
  await task.getByLabel('What came of it').fill('Called the champion: a pricing question, answered');
  await task.getByLabel('Log the call or meeting as a touch').check();
  const touchType = await task.getByLabel('Type').locator('option:checked').innerText();
  await task.getByRole('button', { name: 'Complete' }).click();
  // Done: it leaves the inbox, and the call is a touch on the account's timeline, after the nudge.
  await expect(task).toHaveCount(0);
  await csm.goto(`/accounts/${account.id}`);
  await expect(csm.getByText(`${touchType} held`).first()).toBeVisible();

  // The account is active again: the nudge's episode closed (closes as soon as false).
  await expect(async () => {
    await admin.goto('/admin/alerts');
    await expect(admin.getByRole('row').filter({ hasText: 'E2E silent Tier 3' })).toContainText(`${openBefore - 1} open`, { timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [5000] });
  await admin.context().close();
  await csm.context().close();
});
