import { expect, test } from './test';
import { openAccountSection, storageState } from './helpers';

test('a CSM invites chosen contacts of their own account to an upcoming session from the account page', async ({ browser }) => {
  // Pages built on first visit and two actions.
  test.setTimeout(90_000);
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();

  // A study session three weeks ahead, hosted by the CSM.
  const title = `Admin study session ${Date.now().toString(36)}`;
  await page.goto('/programs/new');
  await page.getByLabel('Kind').selectOption({ label: 'Study session' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date').fill(new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel('Start time').fill('16:00');
  await page.getByLabel('Venue').fill('Tokyo office 8F');
  await page.getByRole('button', { name: 'Create program' }).click();
  await expect(page).toHaveURL(/\/programs\/\d+$/);

  // One of the CSM's own accounts, from My book.
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { name: 'My book' })).toBeVisible();
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/accounts\/\d+$/);
  await openAccountSection(page, 'Contacts', 'contacts');

  await page.getByRole('button', { name: 'Invite to a program' }).click();
  const session = page.getByLabel('Session');
  const option = session.locator('option', { hasText: title });
  await session.selectOption((await option.getAttribute('value'))!);

  // Everyone who has not opted out is ticked; leave the first one out.
  const people = page.getByRole('group', { name: 'Contacts to invite' }).getByRole('checkbox');
  const ticked = (await people.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).filter(Boolean).length;
  expect(ticked).toBeGreaterThan(0);
  let left: string | null = null;
  let invited = ticked;
  if (ticked > 1) {
    const first = page.getByRole('group', { name: 'Contacts to invite' }).locator('label', { has: page.locator('input:checked') }).first();
    left = (await first.locator('span.font-medium').textContent())!;
    await first.getByRole('checkbox').uncheck();
    invited--;
  }
  await page.getByRole('button', { name: new RegExp(`^Invite ${invited} contacts?$`) }).click();
  await expect(page.getByText(new RegExp(`${invited} contacts? invited; 0 already were`))).toBeVisible();

  // The program page lists exactly those invited, on that session.
  await page.getByRole('link', { name: 'Open the program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const rows = page.locator('#invitations ~ div table tbody tr');
  await expect(rows).toHaveCount(invited);
  if (left) await expect(rows.filter({ hasText: left })).toHaveCount(0);
  await csm.close();
});
