import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { parseCsv } from '../lib/csv/parse';
import { demo, storageState } from './helpers';

test.use({ storageState: storageState('manager') });

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

const count = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

test('a bad row shows its line, column and reason; importing only the valid rows creates the others', async ({ page }) => {
  const t = tag();
  await page.goto('/accounts/import');
  await expect(page.getByRole('heading', { name: 'Import accounts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download a template' })).toHaveAttribute('href', '/accounts/import/template');

  const csv = [
    'name,domain,employees,arr,gross_margin_pct,annual_churn_pct,owner_email',
    `E2E Alpha ${t},alpha-${t}.example,120,8000000,80,10,${demo.csm.email}`,
    `E2E Beta ${t},beta-${t}.example,many,100,50,10,`,
    `E2E Gamma ${t},gamma-${t}.example,5,,,,`,
  ].join('\n');
  await chooseFile(page, 'accounts.csv', csv);

  const problem = page.getByRole('row').filter({ hasText: 'Enter a whole number.' });
  await expect(problem.getByRole('cell')).toHaveText(['3', 'employees', 'many', 'Enter a whole number.'], { useInnerText: true });
  await expect(count(page, 'To create')).toHaveText('2');
  await expect(count(page, 'With errors')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Import all rows' })).toBeDisabled();
  await expect(page.getByText('Import all rows is off because 1 row has errors.')).toBeVisible();

  await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeFocused();
  await expect(count(page, 'Created')).toHaveText('2');
  await expect(count(page, 'Skipped (rows with errors)')).toHaveText('1');
  await expect(page.getByRole('link', { name: 'Go to the account list' })).toHaveAttribute('href', '/accounts');

  // The accounts are there: the export has the two valid rows and not the bad one.
  const exported = await page.request.get(`/accounts/export?q=${t}`);
  const names = parseCsv(await exported.text()).rows.map((r) => r.cells[1]);
  expect(names.sort()).toEqual([`E2E Alpha ${t}`, `E2E Gamma ${t}`]);
});

test('the export downloads, and importing it back creates nothing and changes nothing', async ({ page }) => {
  const t = tag();
  await page.goto('/accounts/import');
  // Whole yen: the workspace is in JPY, which has no minor units.
  await chooseFile(page, 'one.csv', `name,domain,arr,gross_margin_pct,annual_churn_pct\n"E2E Round, ${t}",round-${t}.example,1234567,66.5,12\n`);
  await page.getByRole('button', { name: 'Import all rows' }).click();
  await expect(count(page, 'Created')).toHaveText('1');
  await page.getByRole('button', { name: 'Import another file' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export all accounts' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = await readFile((await download.path())!);
  const table = parseCsv(file.toString('utf8'));
  expect(table.headers.slice(0, 3)).toEqual(['external_id', 'name', 'domain']);
  expect(table.rows.map((r) => r.cells[1])).toContain(`E2E Round, ${t}`);
  const rows = new Intl.NumberFormat('en-US').format(table.rows.length);

  await chooseFile(page, download.suggestedFilename(), file);
  await expect(page.getByText('Read as UTF-8')).toBeVisible();
  await expect(count(page, 'Rows')).toHaveText(rows);
  await expect(count(page, 'To create')).toHaveText('0');
  await expect(count(page, 'To update')).toHaveText(rows);
  await expect(count(page, 'With errors')).toHaveText('0');
  await expect(page.getByRole('heading', { name: 'Rows with errors' })).toHaveCount(0);
  // ltv and the tier columns are for reading; the import leaves them out.
  await expect(page.getByRole('combobox', { name: 'Imports as, for CSV column tier_reason' })).toHaveValue('');

  await page.getByRole('button', { name: 'Import all rows' }).click();
  await expect(count(page, 'Unchanged')).toHaveText(rows);
  await expect(count(page, 'Updated')).toHaveText('0');
});

test('a 15 MB file reaches the upload route whole (the proxy in front must not cut it at 10 MiB)', async ({ page }) => {
  const t = tag();
  // One account, and a column the import does not map that makes the file 15 MB.
  const csv = `name,domain,notes\nE2E Big ${t},big-${t}.example,${'x'.repeat(15 * 1024 * 1024)}\n`;
  const response = await page.request.post('/accounts/import/upload', {
    multipart: { intent: 'preview', file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, data: { totalRows: 1, invalidRows: 0 } });
});
