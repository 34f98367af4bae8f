import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import { storageState } from './helpers';

// The sample Zoom report (samples/README.md) names demo contacts: five
// matched (three came, two registered and never joined), one new person at
// 宇治運輸's domain, and two people nobody knows.
const sample = 'samples/zoom-webinar-attendee-report.csv';

test('a manager imports a Zoom attendee report for a past webinar, adds a new attendee as a contact, and the account shows the attendance', async ({ browser }) => {
  // A build of pages on first visit, several actions and an upload.
  test.setTimeout(120_000);
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();

  // The webinar the report is from, held on 5 Nov 2026 (the program form takes a past date; invitations cannot).
  const title = `Report webinar ${Date.now().toString(36)}`;
  await page.goto('/programs/new');
  await page.getByLabel('Kind').selectOption({ label: 'Webinar' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date').fill('2026-11-05');
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('Online link (Zoom, Teams…)').fill('https://zoom.example/w/8452210');
  await page.getByRole('button', { name: 'Create program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The report, chosen as a user would. The new person's address is this attempt's own, so a
  // retry meets her as new again (the first attempt made her a contact).
  const email = `ayaka.kobayashi.${Date.now().toString(36)}@uji-unyu.co.jp`;
  const report = { name: 'zoom-webinar-attendee-report.csv', mimeType: 'text/csv', buffer: Buffer.from(readFileSync(sample, 'utf8').replace('ayaka.kobayashi@uji-unyu.co.jp', email)) };
  const importer = page.locator('[data-attendance-import]');
  await expect(importer.getByText('Import attendee report')).toBeVisible();
  await importer.locator('input[type="file"]').setInputFiles(report);
  const outcome = page.locator('[data-attendance-outcome]');
  await expect(outcome.getByText('zoom-webinar-attendee-report.csv imported: a Zoom webinar report.')).toBeVisible();
  const figure = (label: string) => outcome.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(figure('Matched to contacts')).toHaveText('5');
  await expect(figure('Attended')).toHaveText('3');
  await expect(figure('No-shows')).toHaveText('2');
  await expect(figure('Invitations created')).toHaveText('5');
  await expect(figure('At a known account')).toHaveText('1');
  await expect(figure('Unmatched')).toHaveText('2');
  await expect(outcome).toContainText('2 hosts and panelists were left out.');

  // The page's figures are read again: three attended, two no-shows to follow up.
  await expect(page.locator('[data-funnel] [data-step="attended"]').first()).toHaveText('3');
  await expect(page.getByRole('heading', { name: 'No-shows to follow up' }).locator('xpath=ancestor::section')).toContainText('前田 拓也');

  // The people to resolve: the one at a known account first.
  const unmatched = page.locator('[data-unmatched]');
  await expect(page.getByRole('heading', { name: 'People to resolve (3)' })).toBeVisible();
  await expect(unmatched.locator('[data-unmatched-row]')).toHaveText([/小林 彩花/, /Kenji Ono/, /佐藤（営業企画部）/]);
  const newPerson = unmatched.locator('[data-unmatched-row="小林 彩花"]');
  await expect(newPerson).toContainText(`${email} · 55 min`);
  const accountHref = await newPerson.getByRole('link').getAttribute('href');
  expect(accountHref).toMatch(/^\/accounts\/\d+$/);
  // Nobody at a known account for the others: they can be matched or dismissed, not added.
  await expect(unmatched.locator('[data-unmatched-row="Kenji Ono"]').getByRole('button', { name: /as a contact/ })).toHaveCount(0);

  // The same file again changes nothing, and says so.
  await importer.locator('input[type="file"]').setInputFiles(report);
  await expect(outcome.getByText('zoom-webinar-attendee-report.csv was already imported for this session: nothing changed.', { exact: false })).toBeVisible();

  // A file that is not a report: the parser's reason beside the control, nothing changed.
  await importer.locator('input[type="file"]').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from('name,arr\nAcme,100\n') });
  await expect(importer.getByRole('alert')).toContainText('This is not a Zoom or Teams attendee report');
  await expect(page.locator('[data-funnel] [data-step="attended"]').first()).toHaveText('3');

  // One click adds her as a contact of that account, attended.
  await newPerson.getByRole('button', { name: /^Add 小林 彩花 as a contact of / }).click();
  await expect(newPerson).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'People to resolve (2)' })).toBeVisible();
  await expect(page.locator('[data-funnel] [data-step="attended"]').first()).toHaveText('4');

  // The account: her among its contacts, and her attendance among its low-touch touches, on 5 Nov 2026.
  await page.goto(`${accountHref}?tab=contacts`);
  // The contacts card writes the email twice (under the name on phones, in its own column on wider screens): the one shown.
  await expect(page.getByRole('link', { name: email })).toBeVisible();
  await page.goto(`${accountHref}?touches=low`);
  const touches = page.locator('#touches').locator('xpath=ancestor::section');
  const attended = touches.getByRole('listitem').filter({ hasText: 'Attended a program' }).filter({ hasText: '小林 彩花' });
  // Newest first: the demo's later touches may push it to an older page.
  for (let n = 2; n <= 10 && (await attended.count()) === 0; n++) {
    await touches.getByRole('link', { name: 'Older' }).click();
    await page.waitForURL(new RegExp(`touchesPage=${n}`));
  }
  // (A retry's first attempt left a namesake's attendance on the same day.)
  await expect(attended.first()).toContainText('Nov 5, 2026');
  await manager.close();
});
