import { expect, type Page } from '@playwright/test';

export const demoPassword = 'touchplan-demo-2026';
export const demo = {
  admin: { email: 'admin@touchplan.example', name: '佐藤 遥' },
  manager: { email: 'manager@touchplan.example', name: '鈴木 健一' },
  csm: { email: 'misaki.tanaka@touchplan.example', name: '田中 美咲' },
} as const;
export type DemoRole = keyof typeof demo;

export const storageState = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = demoPassword) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByRole('button', { name: new RegExp(`Account menu for ${name}`) })).toBeVisible();
}

export function uniqueEmail(label: string) {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}

/** The error or status notice of the form on the page (Next's route announcer is an alert too). */
/**
 * Opens the user menu. A click that lands before the page has hydrated does
 * nothing, so it clicks again until the menu shows.
 */
export async function openUserMenu(page: Page) {
  await expect(async () => {
    if (!(await page.getByRole('menu').isVisible())) await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menu')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

export const formAlert = (page: Page) => page.locator('form [role="alert"]');

/** Opens a section of the account page (`?tab=…`) from its section links, as a reader would. */
export async function openAccountSection(page: Page, name: string, tab: string) {
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]tab=${tab}(&|$)`));
}
