import { expect, test } from './test';
import { storageState } from './helpers';

test('an admin finds a time zone by typing, and keeps the holiday country and closed days', async ({ browser }) => {
  // Two saves and a reload.
  test.setTimeout(60_000);
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/workspace');

  // The time zone: a combobox that filters as you type, chosen with the keyboard.
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toHaveValue('(UTC+09:00) Asia/Tokyo');
  await zone.fill('new york');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /America\/New York/ })).toBeVisible();
  await zone.press('Enter');
  await expect(zone).toHaveValue(/^\(UTC−0[45]:00\) America\/New York$/);
  await expect(zone).toHaveAttribute('aria-expanded', 'false');
  // Typing an offset finds Tokyo among the zones nine hours ahead; Escape keeps the choice made.
  await zone.fill('+9');
  await expect(page.getByRole('option', { name: '(UTC+09:00) Asia/Tokyo' })).toBeVisible();
  await zone.press('Escape');
  await expect(zone).toHaveValue(/America\/New York/);

  // Holidays: Japan's (the demo's), with the year-end closure every year by default.
  await expect(page.getByRole('combobox', { name: 'Public holidays of' })).toHaveValue('Japan (JP)');
  const closed = page.getByRole('group', { name: 'Closed days' });
  await expect(closed.getByLabel('Name')).toHaveValue('Year-end closure');
  await expect(closed.getByLabel('Every year')).toBeChecked();
  await expect(closed.getByLabel('First day')).toHaveValue('12-29');
  await expect(closed.getByLabel('Last day')).toHaveValue('01-03');
  await closed.getByRole('button', { name: 'Add closed days' }).click();
  await closed.getByLabel('Name').nth(1).fill('Foundation day');
  await closed.getByLabel('First day').nth(1).fill('2027-06-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Workspace settings saved.')).toBeVisible();

  await page.reload();
  await expect(zone).toHaveValue(/America\/New York/);
  await expect(closed.getByLabel('Name').nth(1)).toHaveValue('Foundation day');
  await expect(closed.getByLabel('Last day').nth(1)).toHaveValue('2027-06-01');

  // Back as the other specs expect it: Tokyo, only the year-end closure.
  await zone.fill('tokyo');
  await zone.press('ArrowDown');
  await zone.press('Enter');
  await expect(zone).toHaveValue('(UTC+09:00) Asia/Tokyo');
  await closed.getByRole('button', { name: 'Remove Foundation day' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Workspace settings saved.')).toBeVisible();
  await admin.close();
});

test('the profile time zone is searchable too, and offers the workspace zone first', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await page.goto('/settings');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  // Until scripts run it is a plain select (also a combobox); the searchable one says whether it is open.
  await expect(zone).toHaveAttribute('aria-expanded', 'false');
  await zone.click();
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveText(/^Workspace time zone \(.+\)$/);
  await zone.fill('london');
  await expect(page.getByRole('option', { name: /Europe\/London/ })).toBeVisible();
  await zone.press('Escape');
  await expect(zone).toHaveAttribute('aria-expanded', 'false');
  await csm.close();
});
