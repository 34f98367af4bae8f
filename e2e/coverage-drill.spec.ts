import { expect, test } from './test';
import { storageState } from './helpers';

// Issue 12: a manager finds a Tier 1 account that missed its promise from the
// coverage chart, drills down and plans the missing activity. The demo's
// Tier 1 gaps are overdue on-site visits and meetings (and a QBR when the
// seed has one): the test takes a QBR gap if there is one, else a visit.

test('a manager drills from the Tier 1 bar to the overdue gap and plans the missing activity', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/coverage');
  const chart = page.getByRole('figure', { name: 'Coverage by tier' });
  await expect(chart).toBeVisible();

  // The chart's numbers are behind "Show as table", and downloadable.
  await chart.getByText('Show as table').click();
  await expect(chart.getByRole('table').getByRole('rowheader', { name: 'Tier 1' })).toBeVisible();
  await expect(chart.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /^\/coverage\/csv\/tiers/);

  await chart.getByRole('link', { name: /^Tier 1: coverage/ }).click();
  await expect(page).toHaveURL(/tier=1#gaps$/);
  const gaps = page.locator('#gaps');
  await expect(gaps.getByText('Showing: Tier 1 · Overdue · Missed')).toBeVisible();

  const rows = gaps.getByRole('row').filter({ has: page.getByRole('link', { name: 'Plan it' }) });
  const qbr = rows.filter({ hasText: 'QBR' });
  const row = (await qbr.count()) ? qbr.first() : rows.filter({ hasText: 'On-site visit' }).first();
  await expect(row).toBeVisible();
  const type = (await qbr.count()) ? 'QBR' : 'On-site visit';
  const account = (await row.getByRole('link').first().textContent())!;
  await expect(row.getByText(/Overdue|Missed/)).toBeVisible();

  await row.getByRole('link', { name: 'Plan it' }).click();
  await expect(page.getByRole('heading', { name: 'Plan from playbook' })).toBeVisible();
  await expect(page.getByText(`Only ${account}.`)).toBeVisible();
  // Keep only the missing activity.
  await page.getByRole('checkbox', { name: `Keep all for ${account}` }).uncheck();
  const proposal = page.getByRole('checkbox', { name: new RegExp(`^Keep ${type} due `) }).first();
  const planned = (await proposal.getAttribute('aria-label'))!;
  await proposal.check();
  const sponsor = page.getByLabel(/^Executive sponsor of /).first();
  if (type === 'QBR' && (await sponsor.count())) await sponsor.fill('取締役 佐々木');
  await page.getByRole('button', { name: 'Create 1 activity' }).click();
  await expect(page.getByText('Created 1 activity.')).toBeVisible();

  // Planned: the plan no longer proposes it.
  await page.reload();
  await expect(page.getByText(`Only ${account}.`)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: planned, exact: true })).toHaveCount(0);
  await manager.close();
});
