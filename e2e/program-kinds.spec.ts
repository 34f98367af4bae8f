import { expect, test } from './test';
import { openAccountSection, storageState } from './helpers';

test('an admin adds a community program kind, and the new-program form offers it', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  // Next to Content kinds in the admin sections.
  await page.goto('/admin/content-kinds');
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Program kinds' }).click();
  await expect(page).toHaveURL(/\/admin\/program-kinds$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Program kinds' })).toBeVisible();

  const name = `Customer advisory board ${Date.now().toString(36)}`;
  const form = page.getByRole('heading', { name: 'New program kind' }).locator('..');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Touch model').selectOption({ label: 'Community' });
  await form.getByRole('button', { name: 'Add kind' }).click();
  await expect(form.getByText('Program kind added.')).toBeVisible();
  // Its line in the list: the name, its touch model and how many programs use it.
  const line = page.getByRole('listitem').filter({ hasText: name }).getByRole('paragraph').first();
  await expect(line).toHaveText(new RegExp(`^${name}\\s*Community\\s*No programs$`));

  await page.goto('/programs/new');
  await expect(page.getByLabel('Kind').locator('option', { hasText: name })).toHaveCount(1);
  await page.getByLabel('Kind').selectOption({ label: name });
  await admin.close();
});

test('on a phone the contacts card keeps the name readable, with the email under it', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager'), viewport: { width: 390, height: 844 } });
  const page = await manager.newPage();
  // A demo account (every one has contacts); other specs add accounts without any.
  await page.goto(`/accounts?q=${encodeURIComponent('Hoshi Analytics')}`);
  await page.locator('tbody a[href^="/accounts/"]').first().click();
  await expect(page).toHaveURL(/\/accounts\/\d+$/);
  await openAccountSection(page, 'Contacts', 'contacts');
  const card = page.locator('section', { has: page.getByRole('heading', { name: /^Contacts/ }) });
  const firstRow = card.locator('tbody tr').first();
  const nameCell = firstRow.locator('td').first();
  // The name column has most of the card, not a sliver beside the email and roles.
  expect((await nameCell.boundingBox())!.width).toBeGreaterThan(200);
  const email = nameCell.getByRole('link', { name: /@/ });
  await expect(email).toBeVisible();
  // Wholly on the screen once scrolled to: wrapped, not cut off at the right edge.
  await email.scrollIntoViewIfNeeded();
  await expect(email).toBeInViewport({ ratio: 1 });
  await manager.close();
});
