import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { parseCsv } from '../lib/csv/parse';
import { openAccountSection, storageState } from './helpers';

// A manager creates a tech-touch campaign for Tier 3, imports the sending
// tool's export (mapping the columns it does not recognise, seeing the row
// that matches nobody), reads the funnel and goal conversion, and finds the
// delivery on a reached account's timeline. Then the 360° account page of a
// demo Tier 1 account: tier, health, open tasks, touches.

test.use({ storageState: storageState('manager') });

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const count = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
/** A workspace day (Asia/Tokyo) `days` before today, as YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

async function accountsOf(page: Page, query: string) {
  const csv = parseCsv(await (await page.request.get(`/accounts/export?${query}`)).text());
  return csv.rows.map((r) => ({ name: r.cells[1]!, domain: r.cells[2]! }));
}

async function openAccount(page: Page, a: { name: string; domain: string }) {
  await page.goto(`/accounts?q=${encodeURIComponent(a.domain)}`);
  await page.getByRole('link', { name: a.name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: a.name })).toBeVisible();
}

test('a manager imports a campaign export, reads its funnel and conversion, and finds the delivery on the account', async ({ page }) => {
  const t = tag();
  const name = `E2E tour ${t}`;
  const [first, second] = await accountsOf(page, 'tier=3');

  await page.goto('/campaigns');
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Key').fill(`e2e-tour-${t}`);
  await page.getByLabel('Channel').selectOption({ label: 'Product tour' });
  await page.getByLabel('Sending tool').selectOption({ label: 'Pendo' });
  await page.getByLabel('Starts').fill(daysAgo(10));
  await page.getByLabel('Goal event').selectOption('Workflow Created');
  await page.getByLabel('Goal window (days)').fill('14');
  await page.getByRole('checkbox', { name: 'Tier 3' }).check();
  await expect(page.getByText(/^\d+ accounts with \d+ contacts$/)).toBeVisible();
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Nothing delivered yet.', { exact: false })).toBeVisible();
  const audience = Number((await page.getByText(/Audience: \d+ accounts/).textContent())!.match(/Audience: (\d+)/)![1]);

  await page.getByRole('link', { name: 'Import an export' }).click();
  await expect(page.getByRole('heading', { name: `Import ${name}'s outcomes` })).toBeVisible();
  // Pendo's words, and two headers the import does not know: mapped by hand.
  const csv = [
    'Company,What happened,When',
    `${first!.domain},Shown,${daysAgo(3)} 10:00`,
    `${first!.domain},guideCompleted,${daysAgo(3)} 10:04`,
    `${second!.domain},Shown,${daysAgo(2)} 15:30`,
    `nowhere-${t}.example,Shown,${daysAgo(2)} 15:31`,
  ].join('\n');
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'pendo-guides.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('combobox', { name: 'Imports as, for CSV column Company' })).toHaveValue('account');
  await page.getByRole('combobox', { name: 'Imports as, for CSV column What happened' }).selectOption('outcome');
  await expect(page.getByRole('combobox', { name: 'Imports as, for CSV column What happened' })).toHaveValue('outcome');
  await page.getByRole('combobox', { name: 'Imports as, for CSV column When' }).selectOption('occurred_at');

  await expect(count(page, 'To create')).toHaveText('3');
  await expect(count(page, 'With errors')).toHaveText('1');
  await expect(page.getByRole('row').filter({ hasText: `nowhere-${t}.example` })).toContainText('No contact has this email and no account matches it.');
  await page.getByRole('button', { name: 'Import only the 3 valid rows' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeFocused();
  await expect(count(page, 'Created')).toHaveText('3');
  await expect(count(page, 'Skipped (rows with errors)')).toHaveText('1');
  await page.getByRole('link', { name: 'Back to the campaign' }).click();

  // The funnel: two Tier 3 accounts delivered, one completed the tour.
  const tier3 = page.getByRole('figure', { name: 'Tier 3' });
  await tier3.getByText('Show as table').click();
  await expect(tier3.getByRole('row').filter({ hasText: 'Delivered' }).getByRole('cell').last()).toHaveText('2');
  await expect(tier3.getByRole('row').filter({ hasText: 'Completed' }).getByRole('cell').last()).toHaveText('1');
  // Conversion: the two reached accounts against the rest of the Tier 3 audience.
  await expect(page.locator('[data-group="delivered"]')).toContainText('of 2 accounts');
  await expect(page.locator('[data-group="comparison"]')).toContainText(`of ${audience - 2} accounts`);
  await expect(page.getByText(/^Difference: -?[\d.]+ points$/)).toBeVisible();
  const imported = page.getByRole('row').filter({ hasText: 'pendo-guides.csv' });
  await expect(imported.getByRole('cell')).toHaveText(['pendo-guides.csv', /\d/, '鈴木 健一', '3', '0', '1'], { useInnerText: true });

  await openAccount(page, first!);
  await expect(page.getByRole('link', { name: `Campaign: ${name} delivered (product tour)` })).toBeVisible();
  await openAccountSection(page, 'Campaigns', 'campaigns');
  const row = page.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('Delivered 1×');
  await expect(row).toContainText('completed 1');
});

test('the 360° page of a demo Tier 1 account shows its tier, health, open tasks and touches', async ({ page }) => {
  const [account] = await accountsOf(page, 'tier=1');
  await openAccount(page, account!);
  await expect(page.getByTitle('Tier 1').first()).toBeVisible();
  const glance = page.getByRole('region', { name: 'Account at a glance' });
  await expect(glance.getByRole('link', { name: /^Health/ })).toContainText(/\d+\s*(Good|Average|Poor)/);
  await expect(glance.getByRole('link', { name: /^Open tasks/ })).toHaveText(/^Open tasks\s*\d+/);
  await expect(glance.getByRole('link', { name: /^Last touch/ })).not.toContainText('No touch yet');

  // The timeline (the default section): the Tier 1 meetings held, each a touch.
  const touches = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Touches', exact: true }) });
  await expect(touches.getByRole('listitem').first()).toBeVisible();
  await expect(touches).toContainText('held');

  await openAccountSection(page, 'Tasks and alerts', 'tasks');
  await expect(page.getByRole('heading', { name: 'Open tasks', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Open alerts', exact: true })).toBeVisible();
});
