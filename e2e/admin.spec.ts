import { expect, test } from './test';
import { storageState } from './helpers';

test('an admin reaches every admin page from one Admin entry, with the sections as tabs', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin'), viewport: { width: 1024, height: 800 } });
  const page = await admin.newPage();
  await page.goto('/');
  const main = page.getByRole('navigation', { name: 'Main' });
  // At 1024 px every entry of the main navigation fits: none is scrolled out of sight.
  for (const link of await main.getByRole('link').all()) await expect(link).toBeInViewport();
  await main.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('link', { name: /^Playbooks/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/playbooks$/);
  const tabs = page.getByRole('navigation', { name: 'Admin sections' });
  await expect(tabs.getByRole('link', { name: 'Playbooks' })).toHaveAttribute('aria-current', 'page');
  await tabs.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  await expect(main.getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
  await admin.close();
});

test('a manager has no Admin entry and is refused the admin pages', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  expect((await page.goto('/admin'))?.status()).toBe(403);
  await manager.close();
});
