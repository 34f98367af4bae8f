import { expect, test } from './test';
import { demo, openUserMenu, signIn, storageState } from './helpers';

test('a Japanese browser gets the Japanese sign-in page', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  await expect(page.getByLabel('メールアドレス')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await context.close();
});

test('the sign-in page can switch language', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a user switches the workspace to Japanese from the user menu, and it sticks', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('manager') });
  const page = await context.newPage();
  await page.goto('/');
  await openUserMenu(page);
  await page.getByRole('menuitemradio', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: `ようこそ、${demo.manager.name} さん` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'ホーム' })).toBeVisible();
  // Saved on the user: a fresh English browser still gets Japanese after sign-in.
  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await signIn(other, demo.manager.email);
  await expect(other.getByRole('heading', { name: `ようこそ、${demo.manager.name} さん` })).toBeVisible();
  // Back to English for the other tests.
  await page.getByRole('button', { name: /アカウントメニュー/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${demo.manager.name}` })).toBeVisible();
  await fresh.close();
  await context.close();
});
