import { Analytics } from '@segment/analytics-node';
import { expect, test } from './test';
import { storageState } from './helpers';
import { baseURL } from '../playwright.config';

// Issue 13: an admin makes a write key; the official Segment SDK, pointed at
// Touchplan, sends identify, group and track; the messages appear in the
// debugger, and within the minute job the account's signals and health move.
// Then the admin changes a weight of the health model, reads the preview and
// applies it.

test('the Segment SDK sends to Touchplan: the debugger shows it and the account’s health follows', async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();

  // The demo's 15th account sends no usage: its usage signals have no data.
  await page.goto('/accounts/15?tab=signals');
  const header = await page.getByRole('heading', { level: 1 }).locator('xpath=following-sibling::p[1]').innerText();
  const domain = header.split(' · ')[0]!.trim();
  const activeUsers = page.getByRole('row').filter({ hasText: 'Active users (30 days)' });
  await expect(activeUsers).toContainText('No data');

  await page.goto('/admin/signals');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('SDK e2e');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.locator('code').filter({ hasText: /^tpk_/ }).innerText();

  // The SDK keeps only the origin of `host`: the path goes in `path`.
  const analytics = new Analytics({ writeKey: key, host: baseURL, path: '/api/v1/batch', flushAt: 10, flushInterval: 200 });
  const failures: unknown[] = [];
  analytics.on('error', (e) => failures.push(e));
  analytics.identify({ userId: 'sdk-user-1', traits: { email: 'sdk@example.jp' } });
  analytics.group({ userId: 'sdk-user-1', groupId: domain, traits: { name: 'SDK account' } });
  analytics.track({ userId: 'sdk-user-1', event: 'Integration Connected', properties: { via: 'e2e' } });
  analytics.track({ userId: 'sdk-user-1', event: 'Logged In' });
  await analytics.closeAndFlush({ timeout: 10_000 });
  expect(failures).toEqual([]);

  await page.reload();
  const debuggerCard = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Debugger' }) });
  await expect(debuggerCard.getByRole('row').filter({ hasText: 'Integration Connected' }).first()).toContainText('Accepted');
  await expect(debuggerCard.getByRole('row').filter({ hasText: 'sdk-user-1' }).first()).toBeVisible();

  // The health job runs every minute: the account's usage signals then have data.
  await expect(async () => {
    await page.goto('/accounts/15?tab=signals');
    await expect(page.getByRole('row').filter({ hasText: 'Active users (30 days)' })).not.toContainText('No data', { timeout: 1000 });
  }).toPass({ timeout: 100_000, intervals: [5000] });
  await admin.close();
});

test('an admin changes a weight of the health model, reads the preview and applies it', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/health');
  const apply = page.getByRole('button', { name: /Apply as version \d+/ });
  await expect(apply).toBeDisabled();
  await page.getByLabel('Weight — adoption').fill('60');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region').or(page.locator('section[aria-live]'));
  await expect(page.getByRole('heading', { name: 'What this changes' })).toBeVisible();
  await expect(preview.getByText(/account(s)? change(s)? band|No account changes band/)).toBeVisible();
  // Editing after the preview asks for another one before applying.
  await page.getByLabel('Weight — adoption').fill('61');
  await expect(page.getByText('Edited since the preview')).toBeVisible();
  await expect(apply).toBeDisabled();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByText(/Version \d+ applied: every score follows within a minute/)).toBeVisible();
  await admin.close();
});
