import { expect, test } from './test';
import { demo, demoPassword, expectSignedInAs, formAlert, openUserMenu, signIn, storageState, uniqueEmail } from './helpers';

test.describe('signing in', () => {
  for (const role of ['admin', 'manager', 'csm'] as const) {
    test(`a ${role} signs in and sees what their role allows`, async ({ page }) => {
      await signIn(page, demo[role].email);
      await expectSignedInAs(page, demo[role].name);
      await expect(page.getByRole('heading', { name: `Welcome, ${demo[role].name}` })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(role === 'admin' ? 1 : 0);
      await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    });
  }

  test('a wrong password shows one generic message', async ({ page }) => {
    await signIn(page, demo.manager.email, 'not-the-password');
    await expect(formAlert(page)).toHaveText('That email and password do not match an active account.');
    await signIn(page, uniqueEmail('nobody'), 'not-the-password');
    await expect(formAlert(page)).toHaveText('That email and password do not match an active account.');
  });

  test('an empty submit says what is missing next to each field, without a sign-in attempt', async ({ page }) => {
    const attempts: string[] = [];
    page.on('request', (r) => r.url().includes('/api/auth/callback') && attempts.push(r.url()));
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password');
    await expect(page.getByLabel('Email')).toBeFocused();
    await expect(formAlert(page)).toHaveCount(0);

    await page.getByLabel('Email').fill(demo.manager.email);
    await expect(page.getByText('Enter your email')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password');
    await expect(page.getByLabel('Password')).toBeFocused();
    expect(attempts).toEqual([]);

    // Empty submits were never attempts: five of them leave the email unthrottled.
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedInAs(page, demo.manager.name);
  });

  test('the sixth failed attempt for an email is throttled', async ({ page }) => {
    const email = uniqueEmail('throttled');
    for (let i = 1; i <= 5; i++) {
      await signIn(page, email, `wrong-password-${i}`);
      await expect(formAlert(page)).toHaveText('That email and password do not match an active account.');
    }
    await signIn(page, email, 'wrong-password-6');
    await expect(formAlert(page)).toHaveText(/Too many failed attempts for this email\. Try again in 15 minutes\./);
  });

  test('a signed-out visit goes to sign-in and comes back after', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers$/);
    await signIn(page, demo.admin.email);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  });

  test('a callback to another site is ignored', async ({ page }) => {
    await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await signIn(page, demo.csm.email);
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });

  test('sign out ends the session and is in the audit log', async ({ page, browser }) => {
    await signIn(page, demo.csm.email);
    await expectSignedInAs(page, demo.csm.name);
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);

    const admin = await browser.newContext({ storageState: storageState('admin') });
    const audit = await admin.newPage();
    await audit.goto('/admin/audit?action=auth.');
    const latestSignOut = audit.getByRole('listitem').filter({ hasText: 'signed out' }).first();
    await expect(latestSignOut).toContainText(`${demo.csm.name} signed out`);
    await admin.close();
  });

  test('responses carry security headers and the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    await signIn(page, demo.manager.email);
    await expectSignedInAs(page, demo.manager.name);
    const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });
});
