import { type Browser } from '@playwright/test';
import { expect, test } from './test';
import { expectSignedInAs, formAlert, signIn, storageState, uniqueEmail } from './helpers';

async function createCsm(browser: Browser, name: string, email: string, password: string) {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('csm');
  await page.getByLabel('Initial password').fill(password);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`${name} can now sign in.`)).toBeVisible();
  return { admin, page };
}

test('an admin creates a CSM who can then sign in', async ({ browser }) => {
  const email = uniqueEmail('csm');
  const { admin } = await createCsm(browser, '山本 花子', email, 'maple-harbor-72');
  await admin.close();
  const csm = await browser.newContext();
  const page = await csm.newPage();
  await signIn(page, email, 'maple-harbor-72');
  await expectSignedInAs(page, '山本 花子');
  await csm.close();
});

test('the create form keeps what was typed and shows errors beside the fields', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/users/new');
  await page.getByLabel('Name').fill('Keep Me');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Initial password').fill('password');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Enter an email address like name@company.com.')).toBeVisible();
  await expect(page.getByText('This password is among the most common ones; choose another.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Keep Me');
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await admin.close();
});

test("a deactivated CSM's open session is refused on the next click", async ({ browser }) => {
  const email = uniqueEmail('leaver');
  const { admin, page: adminPage } = await createCsm(browser, 'Leaving CSM', email, 'maple-harbor-73');
  const csm = await browser.newContext();
  const csmPage = await csm.newPage();
  await signIn(csmPage, email, 'maple-harbor-73');
  await expectSignedInAs(csmPage, 'Leaving CSM');

  await adminPage.getByRole('button', { name: 'Deactivate' }).click();
  await expect(adminPage.getByText('This user cannot sign in.')).toBeVisible();

  await csmPage.getByRole('link', { name: 'Home' }).click();
  await expect(csmPage).toHaveURL(/\/login/);
  await signIn(csmPage, email, 'maple-harbor-73');
  await expect(formAlert(csmPage)).toHaveText('That email and password do not match an active account.');
  await csm.close();
  await admin.close();
});

test('a CSM is refused the admin pages', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  // Pages stream behind a loading state, so the refusal is in the page, not the status code.
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await csm.close();
});
