import { openUserMenu, storageState } from './helpers';
import { expect, test } from './test';

const policyHeaders = (headers: { name: string; value: string }[]) => headers.filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);

test('a page sends one policy whose scripts need the nonce of that response, and Next puts it on its scripts', async ({ request }) => {
  const first = await request.get('/login');
  const [policy, ...more] = policyHeaders(first.headersArray());
  expect(more).toEqual([]);
  const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(policy ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const second = policyHeaders((await request.get('/login')).headersArray())[0];
  expect(second).not.toContain(nonce);
});

test('route handlers and static files send one policy, which runs nothing', async ({ request }) => {
  const csrf = await request.get('/api/auth/csrf');
  expect(policyHeaders(csrf.headersArray())).toEqual(["default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"]);
  expect(policyHeaders((await request.get('/icon.svg')).headersArray())).toHaveLength(1);
});

test.describe('as a CSM', () => {
  test.use({ storageState: storageState('csm') });

  test('a script injected into the page does not run, while the app does', async ({ page, cspViolations }) => {
    // As if escaping had failed: the server's HTML, its headers kept, with markup an attacker chose.
    await page.route('**/accounts', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-encoding'];
      delete headers['content-length'];
      const injected = '<script>window.__injected = "inline"</script><img src="/missing.png" onerror="window.__injected = \'handler\'">';
      await route.fulfill({ response, headers, body: (await response.text()).replace(/<body[^>]*>/, (tag) => tag + injected) });
    });
    await page.goto('/accounts');
    await openUserMenu(page); // the app's own scripts ran and hydrated the page
    // (A script added through page.evaluate would run: DevTools' code bypasses the page's CSP, so it proves nothing.)
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    await expect.poll(() => cspViolations.filter((v) => /script-src-(elem|attr)/.test(v)).length).toBe(2);
    cspViolations.length = 0; // provoked on purpose
  });
});
