import { expect, test } from './test';
import { storageState, uniqueEmail } from './helpers';
import { mailServer, mailText, type ReceivedMail } from '../tests/mail';

// The content library end to end: a CSM adds a contact, shares a template
// with the account, the contact's email arrives at a real SMTP server, the
// contact opens the tracked link in it, and the account's touches show both
// the share and the open. The app server sends to E2E_PORT + 25 (set only for
// `next start` in scripts/e2e-server.mjs); this spec listens there.

const smtpPort = Number(process.env.E2E_PORT || 3100) + 25;
const received: ReceivedMail[] = [];
const smtp = mailServer(received);

test.beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', resolve);
  });
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const unique = () => Math.random().toString(36).slice(2, 8);

test('a CSM shares a template with an account; the contact gets it by email, opens it, and the timeline shows both touches', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();

  // A template in the library.
  const title = `Renewal checklist ${unique()}`;
  const target = `https://example.com/templates/renewal-${unique()}`;
  await page.goto('/content?new=1');
  const newItem = page.locator('form', { has: page.getByRole('button', { name: 'Add to library' }) });
  await newItem.getByLabel('Kind').selectOption({ label: 'Template' });
  await newItem.getByLabel('Title').fill(title);
  await newItem.getByRole('textbox', { name: 'Link' }).fill(target);
  await newItem.getByRole('button', { name: 'Add to library' }).click();
  await page.waitForURL(/\/content\/\d+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // One of the CSM's accounts, and a contact on it.
  const accountName = `Content e2e ${unique()}`;
  await page.goto('/accounts/new');
  await page.getByLabel('Name').fill(accountName);
  await page.getByLabel('Domain').fill(`content-${unique()}.example`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: accountName })).toBeVisible();
  const accountUrl = page.url();
  // The people are the page's Contacts section.
  await page.goto(`${accountUrl}?tab=contacts`);
  const contacts = page.locator('section', { has: page.getByRole('heading', { name: /^Contacts/ }) });
  const contactName = 'Hanako Yamada';
  const contactEmail = uniqueEmail('hanako');
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  await contacts.getByRole('textbox', { name: 'Name', exact: true }).fill(contactName);
  await contacts.getByRole('textbox', { name: 'Email', exact: true }).fill(contactEmail);
  await contacts.getByLabel('Preferred language').selectOption('en');
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  await expect(contacts.getByText('Contact added.')).toBeVisible();
  await expect(contacts.getByRole('cell', { name: contactEmail })).toBeVisible();

  // Share the template with the account: one tracked link, emailed.
  await page.goto(`${accountUrl}?tab=contacts`);
  await contacts.getByRole('button', { name: 'Share content' }).click();
  await contacts.getByLabel('Content to share').selectOption({ label: title });
  await contacts.getByRole('button', { name: 'Share with this account' }).click();
  await expect(contacts.getByText('Shared with 1 account: 1 tracked link.')).toBeVisible({ timeout: 15_000 });
  await expect(contacts.getByText('Emails are on their way')).toBeVisible();

  // The queue sends it: the contact's email arrives with their own link.
  await expect.poll(() => received.filter((m) => m.to === contactEmail).length, { timeout: 60_000, message: 'the share email to reach the SMTP server' }).toBe(1);
  const text = mailText(received.find((m) => m.to === contactEmail)!.raw);
  expect(text).toContain(title);
  const link = text.match(/https?:\/\/[^\s"'<>]+\/c\/[0-9a-f]{64}/)?.[0];
  expect(link, 'a tracked link in the email').toBeTruthy();

  // The contact opens it (not signed in): it counts the open and redirects to the template.
  const opened = await request.get(link!, { maxRedirects: 0 });
  expect(opened.status()).toBe(302);
  expect(opened.headers()['location']).toBe(target);

  // The account's touches: the share and the contact's open, newest first.
  await page.goto(accountUrl);
  const touches = page.locator('section', { has: page.getByRole('heading', { name: 'Touches', exact: true }) });
  const rows = touches.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`Opened: ${title} · ${contactName}`);
  await expect(rows.nth(1)).toContainText(`Shared: ${title}`);
  await expect(touches.getByRole('link', { name: /^All/ })).toContainText('2');
  await csm.close();
});
