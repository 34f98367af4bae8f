import { expect, test } from './test';
import { storageState } from './helpers';

test('a CSM plans their book from the playbook, leaves one out, and only that one is proposed again', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Plan from playbook' })).toBeVisible();

  // Proposals come grouped by account; in the setup playbooks only Tier 1 has rules.
  const accounts = page.locator('section[aria-labelledby^="plan-account-"]');
  await expect(accounts.first()).toBeVisible();
  // A year ahead, so there are several whatever is already booked.
  await page.getByLabel('Plan ahead').selectOption({ label: 'Next 12 months' });
  await expect(page).toHaveURL(/horizon=12/);
  await expect(accounts.first()).toBeVisible();
  const accountCount = await accounts.count();
  for (let i = 0; i < accountCount; i++) await expect(accounts.nth(i).getByTitle('Tier 1', { exact: true })).toBeVisible();
  // The columns say what they are, and proposals follow how the account's meetings are held (demo: on Google Meet).
  await expect(page.getByText('Meeting length (min)').first()).toBeVisible();
  await expect(page.getByText('Hours incl. preparation').first()).toBeVisible();
  await expect(page.getByText(/Hours incl\. preparation is what the playbook counts for each activity/)).toBeVisible();
  await expect(page.getByText(/^As last time: Google Meet/).first()).toBeVisible();
  const sponsor = page.getByLabel(/^Executive sponsor of /).first();
  if (await sponsor.count()) {
    const id = await sponsor.getAttribute('id');
    await expect(page.locator(`label[for="${id}"]`)).toHaveText('Executive sponsor');
  }
  const keepBoxes = page.getByRole('checkbox', { name: /^Keep .+ due / });
  const total = await keepBoxes.count();
  expect(total).toBeGreaterThan(1);
  await expect(page.getByText(`${total} of ${total} kept`)).toBeVisible();

  // Leave out the last proposal of the first account.
  const first = accounts.first();
  const accountName = (await first.getByRole('heading').textContent())!;
  const leftOut = first.getByRole('checkbox', { name: /^Keep .+ due / }).last();
  const leftOutLabel = (await leftOut.getAttribute('aria-label'))!;
  await leftOut.uncheck();
  await expect(page.getByText(`${total - 1} of ${total} kept`)).toBeVisible();

  await page.getByRole('button', { name: `Create ${total - 1} activit${total - 1 === 1 ? 'y' : 'ies'}` }).click();
  await expect(page.getByText(`Created ${total - 1} activit${total - 1 === 1 ? 'y' : 'ies'}.`)).toBeVisible();

  // Reloaded: what was created is covered; the one left out is still owed.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^Keep .+ due / })).toHaveCount(1);
  await expect(accounts).toHaveCount(1);
  await expect(accounts.first().getByRole('heading')).toHaveText(accountName);
  await expect(page.getByRole('checkbox', { name: leftOutLabel, exact: true })).toBeChecked();

  // From the account page, the plan for that one account.
  await accounts.first().getByRole('link', { name: accountName }).click();
  await page.getByRole('link', { name: 'Plan from playbook' }).click();
  await expect(page.getByText(`Only ${accountName}.`)).toBeVisible();
  await page.getByLabel('Plan ahead').selectOption({ label: 'Next 12 months' });
  await expect(page).toHaveURL(/account=\d+&horizon=12/);
  await expect(page.getByRole('checkbox', { name: leftOutLabel, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Create 1 activity' }).click();
  await expect(page.getByText('Created 1 activity.')).toBeVisible();
  await expect(page.getByText('Nothing left to plan')).toBeVisible();
  await expect(page.getByText(/Every Tier 1 account here is covered through/)).toBeVisible();
  await csm.close();
});

test('a manager chooses whose book to plan', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/plan');
  await expect(page.getByText('Whose book?')).toBeVisible();
  await page.getByLabel('CSM').selectOption({ label: '高橋 翔' });
  await expect(page).toHaveURL(/csm=\d+/);
  // Either proposals with this CSM's capacity, or the statement that everything is covered.
  await expect(page.getByText("高橋 翔's capacity").or(page.getByText('Nothing left to plan')).or(page.getByText('Nothing to plan from'))).toBeVisible();
  await page.getByLabel('Plan ahead').selectOption({ label: 'Next 12 months' });
  await expect(page).toHaveURL(/horizon=12/);
  await manager.close();
});
