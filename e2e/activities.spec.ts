import { expect, test } from './test';
import { storageState } from './helpers';

test('a CSM schedules a QBR on their Tier 1 account, confirms a warning, and logs the outcome', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await page.goto('/accounts/new');
  const name = `QBR account ${Math.random().toString(36).slice(2, 8)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`qbr-${Math.random().toString(36).slice(2, 8)}.example`);
  await page.getByLabel('ARR (JPY)').fill('8000000');
  await page.getByLabel('Gross margin %').fill('80');
  await page.getByLabel('Annual churn %').fill('10');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'QBR ★' });
  await page.getByLabel('Date').fill('2020-04-14');
  await page.getByLabel('Time').fill('14:00');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByText('Name the customer\'s executive sponsor for this activity.')).toBeVisible();
  await page.getByLabel('Executive sponsor (required)').fill('取締役 佐々木');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByText('This time is in the past.')).toBeVisible();
  await page.getByRole('button', { name: 'Schedule anyway' }).click();
  await expect(page.getByText('Activity scheduled.')).toBeVisible();
  await expect(page.getByText('Overdue', { exact: true })).toBeVisible();
  // The header's figures: the next touch, overdue.
  const glance = page.getByRole('region', { name: 'Account at a glance' });
  await expect(glance.getByRole('link', { name: /^Next touch/ })).toHaveText(/Apr 14, 2020\s*overdue/);

  await page.getByText('Log the outcome, cancel or mark a no-show').click();
  await page.getByLabel('Outcome').fill('Renewal terms agreed; expansion to two plants');
  await page.getByRole('button', { name: 'Mark completed' }).click();
  // The activity itself (the timeline below repeats the outcome).
  await expect(page.getByText('Renewal terms agreed; expansion to two plants').first()).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(glance.getByRole('link', { name: /^Last touch/ })).toContainText('Apr 14, 2020');
  await csm.close();
});
