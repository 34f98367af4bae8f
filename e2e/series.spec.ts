import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { storageState } from './helpers';

const tag = () => Math.random().toString(36).slice(2, 8);

/** A new Tier 1 account of the signed-in CSM, its page open. */
async function tier1Account(page: Page, label: string) {
  await page.goto('/accounts/new');
  const name = `${label} ${tag()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`${label.toLowerCase().replace(/\W+/g, '-')}-${tag()}.example`);
  await page.getByLabel('ARR (JPY)').fill('8000000');
  await page.getByLabel('Gross margin %').fill('80');
  await page.getByLabel('Annual churn %').fill('10');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Confirms the warnings if the action asked (the demo CSM's calendar may already be busy). */
async function confirmIfAsked(page: Page, label: string, done: RegExp | string) {
  const confirm = page.getByRole('button', { name: label });
  // The first match: the activities card, above the timeline that repeats what changed.
  await expect(confirm.or(page.getByText(done).first())).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.getByText(done).first()).toBeVisible();
}

test('a CSM schedules a monthly second-Tuesday series, edits one occurrence, then the whole series', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await tier1Account(page, 'Series account');

  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Regular meeting ★' });
  await page.getByLabel('Date').fill('2027-01-12');
  await page.getByLabel('Time').fill('07:10');
  // The choices follow the start date: January 12, 2027 is the second Tuesday.
  await page.getByLabel('Repeat').selectOption({ label: 'Monthly on the second Tuesday' });
  await expect(page.getByLabel('Until', { exact: true })).toHaveValue('2028-01-12');
  await page.getByLabel('Until', { exact: true }).fill('2027-06-30');
  await expect(page.getByText('6 dates: Jan 12, Feb 9, Mar 9, Apr 13, …')).toBeVisible();
  await page.getByRole('button', { name: 'Schedule series' }).click();
  await confirmIfAsked(page, 'Schedule anyway', 'Series scheduled: 6 occurrences.');

  const block = page.getByRole('region', { name: 'Series: Regular meeting' });
  await expect(block.getByText('Monthly on the second Tuesday at 7:10 AM · until Jun 30, 2027')).toBeVisible();
  await expect(block.getByText('Next 6 occurrences')).toBeVisible();
  await expect(block.getByText('Jan 12, 2027, 7:10 AM')).toBeVisible();

  // One occurrence moves on its own.
  await block.getByRole('button', { name: 'Edit this occurrence' }).first().click();
  await block.getByLabel('Date').fill('2027-01-14');
  await block.getByLabel('Time').fill('15:00');
  await block.getByLabel('Agenda').fill('Year-start planning');
  await block.getByRole('button', { name: 'Save this occurrence' }).click();
  await confirmIfAsked(page, 'Save anyway', 'Jan 14, 2027, 3:00 PM');
  await expect(block.getByText('Changed on its own')).toBeVisible();
  await expect(block.getByText('Year-start planning')).toBeVisible();

  // The whole series: a new time and two more months. The moved occurrence stays where it is.
  await block.getByRole('button', { name: 'Edit the whole series' }).first().click();
  await block.getByLabel('Time').fill('07:40');
  await block.getByLabel('Until').fill('2027-08-31');
  await block.getByLabel('Customer attendees').fill('佐藤 花子, 情報システム部');
  await block.getByRole('button', { name: 'Save the series' }).click();
  await confirmIfAsked(page, 'Save anyway', 'Monthly on the second Tuesday at 7:40 AM · until Aug 31, 2027');
  await expect(block.getByText('Next 8 occurrences')).toBeVisible();
  await expect(block.getByText(/Customer: 佐藤 花子 \(情報システム部\)/).first()).toBeVisible();
  await expect(block.getByText('Jan 14, 2027, 3:00 PM')).toBeVisible();
  await expect(block.getByText('Feb 9, 2027, 7:40 AM')).toBeVisible();
  await block.getByText('Show 5 more').click();
  await expect(block.getByText('Aug 10, 2027, 7:40 AM')).toBeVisible();
  await csm.close();
});

test('the series preview flags Japanese holidays and weekends, and moving them is what gets booked', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await tier1Account(page, 'Holiday series account');

  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Regular meeting ★' });
  await page.getByLabel('Date').fill('2027-05-03');
  await page.getByLabel('Time').fill('15:00');
  await page.getByLabel('Repeat').selectOption({ value: 'monthly' });
  await page.getByLabel('Until', { exact: true }).fill('2027-11-30');
  // Monthly on the 3rd: 5/3 Constitution Day, 7/3 a Saturday, 10/3 a Sunday, 11/3 Culture Day.
  const flagged = page.getByRole('group', { name: '4 dates fall on a weekend, holiday or closed day:' });
  await expect(flagged.getByText('Mon, May 3, 2027: Constitution Day')).toBeVisible();
  await expect(flagged.getByText('Sat, Jul 3, 2027: weekend')).toBeVisible();
  await expect(flagged.getByText('Wed, Nov 3, 2027: Culture Day')).toBeVisible();
  await expect(flagged.getByLabel('Keep them on those days')).toBeChecked();
  await flagged.getByLabel('Move each to the next working day').check();
  await expect(flagged.getByText('Mon, May 3, 2027: Constitution Day, moves to Thu, May 6, 2027')).toBeVisible();
  await expect(page.getByText('7 dates: May 6, Jun 3, Jul 5, Aug 3, …')).toBeVisible();
  await flagged.getByLabel('Skip them').check();
  await expect(page.getByText('3 dates: Jun 3, Aug 3, Sep 3')).toBeVisible();
  await flagged.getByLabel('Move each to the next working day').check();
  await page.getByRole('button', { name: 'Schedule series' }).click();
  await confirmIfAsked(page, 'Schedule anyway', 'Series scheduled: 7 occurrences.');

  // Booked as previewed: the holiday occurrence on the next working day, at the same time.
  const block = page.getByRole('region', { name: 'Series: Regular meeting' });
  await expect(block.getByText('May 6, 2027, 3:00 PM')).toBeVisible();
  await expect(block.getByText('May 3, 2027, 3:00 PM')).toHaveCount(0);
  await csm.close();
});

test('a CSM completes a QBR and books the next one from the offer', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await tier1Account(page, 'Next QBR account');

  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'QBR ★' });
  await page.getByLabel('Date').fill('2026-11-10');
  await page.getByLabel('Time').fill('14:00');
  await page.getByLabel('Executive sponsor (required)').fill('取締役 佐々木');
  await page.getByLabel('Customer attendees').fill('佐々木, CFO');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await confirmIfAsked(page, 'Schedule anyway', 'Activity scheduled.');

  await page.getByRole('button', { name: 'Log the outcome, cancel or mark a no-show' }).click();
  await page.getByLabel('Outcome').fill('Renewal agreed; two more plants in Q2');
  await page.getByRole('button', { name: 'Mark completed' }).click();

  // The heading follows the date as it is changed, so the region is found by its start.
  const offer = page.getByRole('region', { name: /^Book the next QBR on/ });
  await expect(offer.getByRole('heading', { name: 'Book the next QBR on February 10, 2027' })).toBeVisible();
  await expect(offer.getByText('The playbook asks for one every 3 months.')).toBeVisible();
  await expect(offer.getByText('Same as last time: sponsor 取締役 佐々木 · 佐々木 (CFO)')).toBeVisible();
  await expect(offer.getByLabel('Time')).toHaveValue('14:00');
  await offer.getByLabel('Date').fill('2027-02-12');
  await offer.getByLabel('Time').fill('10:30');
  await expect(offer.getByRole('heading', { name: 'Book the next QBR on February 12, 2027' })).toBeVisible();
  await offer.getByRole('button', { name: 'Book the next QBR' }).click();
  await confirmIfAsked(page, 'Book anyway', 'Booked: QBR on Feb 12, 2027 at 10:30 AM.');

  // The activity itself (the timeline below repeats the outcome).
  await expect(page.getByText('Renewal agreed; two more plants in Q2').first()).toBeVisible();
  await expect(page.getByText('Feb 12, 2027, 10:30 AM').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Account at a glance' }).getByRole('link', { name: /^Next touch/ })).toContainText('Feb 12, 2027');
  await csm.close();
});
