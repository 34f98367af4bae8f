import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { storageState } from './helpers';

// Refusals and misses answer with their real HTTP status (checked before the
// page streams behind its loading state) and keep the app's header.

test.use({ storageState: storageState('csm') });

const header = (page: Page) => page.getByRole('button', { name: /Account menu for 田中 美咲/ });

test("a CSM opening another CSM's edit page gets HTTP 403 inside the app", async ({ page }) => {
  await page.goto('/accounts?owner=all');
  const row = page.getByRole('row').filter({ hasText: '高橋 翔' }).first();
  const href = await row.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/accounts\/\d+$/);

  const response = await page.goto(`${href}/edit`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(header(page)).toBeVisible();
  await page.screenshot({ path: 'test-results/playwright/status-403.png', fullPage: true });

  // Reading it is allowed.
  expect((await page.goto(href!))?.status()).toBe(200);
});

test('a missing account, or an id no account can have, is HTTP 404 inside the app', async ({ page }) => {
  for (const path of ['/accounts/99999', '/accounts/99999999999', '/accounts/99999/edit']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(header(page)).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/playwright/status-404.png', fullPage: true });
});

test('out-of-range ids, pages and filters answer without a server error', async ({ page }) => {
  expect((await page.request.get('/activities/99999999999/ics')).status()).toBe(404);
  for (const path of ['/accounts?owner=99999999999', '/accounts?page=1e300', '/accounts?page=Infinity', '/accounts?q=a%00b', '/schedule?page=1e300', '/plan?csm=99999999999']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  expect((await page.goto('/plan?account=99999999999'))?.status()).toBeLessThan(500);
});
