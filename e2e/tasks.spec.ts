import { expect, test } from './test';
import { storageState } from './helpers';

// Working a task on /tasks: the change takes the row away with its form, so
// what became of the task is said above the list, and the focus waits there
// for a keyboard user whose button went with the row.

test('a CSM completes a task from the keyboard: its row goes, "Task completed" stays above the list with the focus', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageState('csm') })).newPage();
  const title = `E2E follow-up ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/tasks?new=1');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Add task' }).click();
  const row = page.getByRole('listitem').filter({ hasText: title });
  await expect(row).toBeVisible();

  await row.locator('summary').focus();
  await page.keyboard.press('Enter');
  await row.getByLabel('What came of it').fill('Sent the renewal deck');
  await row.getByLabel('What came of it').press('Enter');

  await expect(row).toHaveCount(0);
  const status = page.getByRole('status').filter({ hasText: `Task completed: ${title}` });
  await expect(status).toBeVisible();
  await expect(status.getByText(`Task completed: ${title}`)).toBeFocused();
  await page.context().close();
});
