import { request } from '@playwright/test';
import { expect, test } from './test';
import ICAL from 'ical.js';
import { openUserMenu, storageState } from './helpers';

// A CSM books a meeting, subscribes to their calendar feed, and a client
// with no cookie (as Google's servers are) reads it with a real iCalendar
// parser; then the CSM turns the feed off and the address stops working.

/** A date `days` from today in Tokyo (the demo workspace's zone), YYYY-MM-DD. */
function tokyoDate(days: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}

test('a CSM subscribes to their calendar feed, it parses with the right times, and turning it off makes it 404', async ({ browser, baseURL }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  await csm.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await csm.newPage();

  // A Tier 1 account and a regular meeting on it, 30 days ahead at 14:00 Tokyo time.
  const name = `Feed account ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/accounts/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`feed-${Math.random().toString(36).slice(2, 8)}.example`);
  await page.getByLabel('ARR (JPY)').fill('8000000');
  await page.getByLabel('Gross margin %').fill('80');
  await page.getByLabel('Annual churn %').fill('10');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const date = tokyoDate(30);
  await page.getByText('Schedule an activity').click();
  await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Regular meeting ★' });
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Time').fill('14:00');
  await page.getByLabel('Location or meeting link').fill('Tokyo HQ, Room 3; https://meet.example.com/x');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  // The demo CSM may already have something then: confirm the double-booking warning if it comes.
  const scheduled = page.getByText('Activity scheduled.');
  await expect(scheduled.or(page.getByRole('button', { name: 'Schedule anyway' }))).toBeVisible();
  if (!(await scheduled.isVisible())) await page.getByRole('button', { name: 'Schedule anyway' }).click();
  await expect(scheduled).toBeVisible();

  // The feed page, from the user menu.
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Calendar feed' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar feed' })).toBeVisible();
  await page.getByRole('button', { name: /Create feed address|Replace with a new address/ }).click();
  const replace = page.getByRole('button', { name: 'Replace address' });
  const shown = page.getByLabel('Feed address');
  await expect(shown.or(replace)).toBeVisible();
  if (await replace.isVisible()) await replace.click();
  await expect(page.getByText('it is shown only this once')).toBeVisible();
  const url = await shown.inputValue();
  expect(url).toMatch(new RegExp(`^${baseURL}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByText('Not fetched by a calendar app yet.')).toBeVisible();

  // A client without cookies, like a calendar server.
  const anonymous = await request.newContext({ baseURL });
  const response = await anonymous.get(url, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const event = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary === `Regular meeting · ${name}`);
  expect(event, 'the meeting is in the feed').toBeDefined();
  const [y, m, d] = date.split('-').map(Number);
  expect(event!.startDate.toJSDate().toISOString()).toBe(new Date(Date.UTC(y!, m! - 1, d!, 14 - 9)).toISOString());
  expect([event!.startDate.zone?.tzid, event!.startDate.hour, event!.startDate.minute]).toEqual(['Asia/Tokyo', 14, 0]);
  expect(event!.location).toBe('Tokyo HQ, Room 3; https://meet.example.com/x');
  expect(event!.description).toContain(`${baseURL}/accounts/`);

  // The same activity as a file: for a signed-in user, not for anyone else.
  const activityId = event!.uid.match(/^activity-(\d+)@/)![1];
  const file = await csm.request.get(`/activities/${activityId}/ics`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.ics"$/);
  expect(new ICAL.Event(new ICAL.Component(ICAL.parse(await file.text())).getFirstSubcomponent('vevent')!).uid).toBe(event!.uid);
  expect((await anonymous.get(`/activities/${activityId}/ics`, { maxRedirects: 0 })).status()).toBe(307);
  // The proxy lets exactly /feeds/ through without a cookie.
  expect((await anonymous.get('/feedsx', { maxRedirects: 0 })).status()).toBe(307);

  await page.reload();
  await expect(page.getByText(/Last fetched by a calendar app/)).toBeVisible();
  await page.getByRole('button', { name: 'Turn off the feed' }).click();
  await expect(page.getByText('The feed is off. Its address no longer works.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create feed address' })).toBeVisible();
  expect((await anonymous.get(url, { maxRedirects: 0 })).status()).toBe(404);
  await anonymous.dispose();
  await csm.close();
});
