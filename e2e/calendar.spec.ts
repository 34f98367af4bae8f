import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { demo, storageState } from './helpers';

const unique = () => Math.random().toString(36).slice(2, 8);

/** A calendar date N days from today in the demo workspace's zone (Asia/Tokyo). */
function tokyoDate(daysFromToday: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

/** As the signed-in CSM: a new Tier 1 account of theirs, left open on its page. */
async function createTier1Account(page: Page, label: string) {
  const name = `${label} ${unique()}`;
  await page.goto('/accounts/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`cal-${unique()}.example`);
  await page.getByLabel('ARR (JPY)').fill('8000000');
  await page.getByLabel('Gross margin %').fill('80');
  await page.getByLabel('Annual churn %').fill('10');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return name;
}

/** A card on the page, found by its title. */
const panel = (page: Page, title: string) => page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) });

async function scheduleMeeting(page: Page, date: string, time: string) {
  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Regular meeting ★' });
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Time').fill(time);
  await page.getByLabel('Minutes', { exact: true }).fill('90');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
}

test('a CSM sees a meeting they scheduled in the week, month and agenda views and in Due soon', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  const name = await createTier1Account(page, '週次テスト');
  const day = tokyoDate(2);
  await scheduleMeeting(page, day, '15:30');
  await expect(page.getByText('Activity scheduled.')).toBeVisible();

  await page.getByRole('link', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My schedule' })).toBeVisible();
  await expect(panel(page, 'Due soon').getByRole('link', { name })).toBeVisible();

  await page.goto(`/schedule?view=week&date=${day}`);
  const calendar = page.getByRole('region', { name: 'Calendar', exact: true });
  const block = calendar.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
  await expect(block).toHaveCount(1);
  await expect(block).toContainText(/3:30\sPM/);
  await expect(block).toContainText('Regular meeting');
  await expect(block).toContainText('90 min');
  // In the column of its day.
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${day}T12:00:00Z`));
  await expect(calendar.getByRole('region', { name: new RegExp(`^${weekday}`) })).toContainText(name);

  // The week moves and comes back, keeping the view in the URL.
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(calendar.getByRole('link', { name })).toHaveCount(0);
  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(calendar.getByRole('link', { name })).toBeVisible();

  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  await expect(calendar.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  await page.getByRole('link', { name: 'Agenda', exact: true }).click();
  await expect(page).toHaveURL(/view=agenda/);
  await expect(calendar.getByText(/3:30\sPM–5:00\sPM/)).toBeVisible();
  await calendar.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await csm.close();
});

test('a manager opens the team calendar, filters by CSM and tier, and sees an overdue activity', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const csmPage = await csm.newPage();
  const name = await createTier1Account(csmPage, '期限超過テスト');
  const accountUrl = csmPage.url();
  await csm.close();

  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto(accountUrl);
  await scheduleMeeting(page, tokyoDate(-3), '09:00');
  await expect(page.getByText('This time is in the past.')).toBeVisible();
  await page.getByRole('button', { name: 'Schedule anyway' }).click();
  await expect(page.getByText('Activity scheduled.')).toBeVisible();

  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Team calendar' })).toBeVisible();
  await page.getByLabel('CSM', { exact: true }).selectOption({ label: demo.csm.name });
  await expect(page).toHaveURL(/csm=\d+/);
  const overdue = panel(page, 'Team overdue');
  const row = overdue.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toContainText('3 days late');
  await expect(row).toContainText(demo.csm.name);
  await expect(row).toContainText('Regular meeting');

  await page.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 3' });
  await expect(page).toHaveURL(/tier=3/);
  await expect(overdue.getByRole('link', { name })).toHaveCount(0);
  await page.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 1' });
  await expect(page).toHaveURL(/tier=1/);
  await expect(overdue.getByRole('link', { name })).toBeVisible();

  // Its week shows it as overdue on the calendar too, with the CSM's filter kept.
  const url = new URL(page.url());
  url.searchParams.set('view', 'week');
  url.searchParams.set('date', tokyoDate(-3));
  await page.goto(url.toString());
  const block = page.getByRole('region', { name: 'Calendar', exact: true }).getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
  await expect(block).toContainText('Overdue');
  await expect(page.getByLabel('CSM', { exact: true })).toHaveValue(/\d+/);
  await manager.close();
});

test('a CSM is refused the team calendar and does not see it in the menu', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Schedule', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Team', exact: true })).toHaveCount(0);
  const response = await page.goto('/team');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team calendar' })).toHaveCount(0);
  await csm.close();
});

test('a manager who runs no activities is told where to look', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/schedule');
  await expect(page.getByRole('heading', { name: "You don't run any activities yet" })).toBeVisible();
  await page.getByRole('link', { name: 'Open the team calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Team calendar' })).toBeVisible();
  await manager.close();
});
