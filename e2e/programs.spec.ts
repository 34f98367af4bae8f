import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import { storageState } from './helpers';

type Catalog = { public: { register: string; status: { registered: string } } };
const catalog = (lang: string): Catalog => JSON.parse(readFileSync(`lib/i18n/messages/${lang}.programs.json`, 'utf8'));
const [en, ja] = [catalog('en'), catalog('ja')];

// The invitee's page speaks their own language (the demo's contacts are mostly Japanese), else the browser's.
const either = (a: string, b: string) => new RegExp(`^(${[a, b].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

test('a manager creates a webinar, invites the Tier 2 audience, and an invitee registers through their link', async ({ browser }) => {
  // A build of pages on first visit, two actions and a second browser.
  test.setTimeout(90_000);
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  // Programs sits in the main navigation.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
  await page.getByRole('link', { name: 'New program' }).click();
  await expect(page).toHaveURL(/\/programs\/new$/);

  const title = `Dashboard webinar ${Date.now().toString(36)}`;
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Kind').selectOption({ label: 'Webinar' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date').fill(day);
  await page.getByLabel('Start time').fill('15:00');
  await page.getByLabel('Online link (Zoom, Teams…)').fill('https://zoom.example/j/123');
  await page.getByLabel('Seats').fill('100');
  await page.getByRole('button', { name: 'Create program' }).click();

  // The program's page: its first session, nobody invited yet.
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Nobody is invited yet.').first()).toBeVisible();

  // The Tier 2 audience, counted live, then invited.
  await page.getByRole('checkbox', { name: 'Tier 2' }).check();
  const invite = page.getByRole('button', { name: /^Invite \d+ contacts?$/ });
  await expect(invite).toBeVisible();
  const contacts = Number((await invite.textContent())!.match(/\d+/)![0]);
  expect(contacts).toBeGreaterThan(0);
  await invite.click();
  await expect(page.getByText(new RegExp(`${contacts} contacts? invited`))).toBeVisible();

  // Invitations are listed, each with the invitee's own link, all Tier 2.
  const table = page.locator('#invitations ~ div table');
  await expect(table.getByText('Invited', { exact: true }).first()).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('Tier 2');
  const link = await table.locator('a[data-invitation-link]:visible').first().getAttribute('href');
  expect(link).toMatch(/^\/r\/[0-9a-f]{64}$/);

  // The invitee, signed in nowhere, registers.
  const invitee = await browser.newContext();
  const mine = await invitee.newPage();
  await mine.goto(link!);
  await mine.getByRole('button', { name: either(en.public.register, ja.public.register) }).click();
  await expect(mine.getByText(either(en.public.status.registered, ja.public.status.registered))).toBeVisible();
  await invitee.close();

  // The program page counts them.
  await page.reload();
  await expect(page.locator('[data-funnel] [data-step="registered"]').first()).toHaveText('1');
  await expect(table.getByText('Registered', { exact: true })).toHaveCount(1);

  // And the list shows the program with its figures.
  await page.goto(`/programs?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(String(contacts));
  await manager.close();
});
