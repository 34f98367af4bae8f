import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { parseCsv } from '../lib/csv/parse';
import { openAccountSection, storageState } from './helpers';

// A CSM imports contacts for an account in their book, from the account
// list's "Import contacts": the preview lists the bad row, importing the
// valid rows adds the contact, and the account page shows it.

test.use({ storageState: storageState('csm') });

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const count = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

test('a CSM imports contacts for an account in their book', async ({ page }) => {
  const t = tag();
  // An account of the CSM's own book, from their export.
  const mine = parseCsv(await (await page.request.get('/accounts/export?owner=me')).text());
  const [, name, domain] = mine.rows[0]!.cells;

  await page.goto('/accounts');
  await page.getByRole('link', { name: 'Import contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download a template' })).toHaveAttribute('href', '/contacts/import/template');

  const csv = ['氏名,メールアドレス,役職,ロール', `E2E 花子 ${t},hanako-${t}@${domain},部長,"チャンピオン, 管理者"`, `E2E Bad ${t},not-an-email,,`].join('\n');
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(count(page, 'To create')).toHaveText('1');
  await expect(count(page, 'With errors')).toHaveText('1');
  const problem = page.getByRole('row').filter({ hasText: 'not-an-email' });
  await expect(problem.getByRole('cell').first()).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Import all rows' })).toBeDisabled();

  await page.getByRole('button', { name: 'Import only the 1 valid row' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeFocused();
  await expect(count(page, 'Created')).toHaveText('1');
  await expect(count(page, 'Skipped (rows with errors)')).toHaveText('1');

  await page.goto(`/accounts?q=${encodeURIComponent(domain!)}`);
  await page.getByRole('link', { name: name!, exact: true }).first().click();
  await openAccountSection(page, 'Contacts', 'contacts');
  // On the account's contacts card, with the title and both roles the cell named.
  const row = page.getByRole('row').filter({ hasText: `E2E 花子 ${t}` });
  await expect(row).toContainText('部長');
  await expect(row).toContainText('Champion');
  await expect(row).toContainText('Admin');
});
