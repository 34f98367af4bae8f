import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

export { expect };

/**
 * Playwright's `test`, failing any test during which a page reported a
 * Content-Security-Policy violation. Every spec imports `test` from here, so
 * the whole suite checks that the policy blocks nothing the app needs. The
 * contexts specs open with `browser.newContext()` are watched too. A test
 * that provokes violations on purpose reads and empties `cspViolations`.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, provide) => {
      const violations: string[] = [];
      const newContext = browser.newContext.bind(browser);
      // Patched for this test only, so contexts made by hand report as well.
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const context = await newContext(...args);
        await watch(context, violations);
        return context;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  // Playwright's own context for `page`: made after cspViolations, watched the same way.
  context: async ({ context, cspViolations }, provide) => {
    await watch(context, cspViolations);
    await provide(context);
  },
});

const watched = new WeakSet<BrowserContext>();

async function watch(context: BrowserContext, violations: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  // The browser's own report, from each page's document (bindings and init scripts bypass the CSP).
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => void violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sample || 'no sample'}) at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // A page's buttons work once React has hydrated it (components/hydration-mark.tsx): every
  // navigation by goto waits for that, or for a page with no app scripts (a raw route's HTML).
  context.on('page', (page) => {
    const goto = page.goto.bind(page);
    page.goto = async (...args: Parameters<typeof goto>) => {
      const response = await goto(...args);
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true' || !document.querySelector('script[src*="/_next/"]'), undefined, { timeout: 20_000 });
      return response;
    };
  });
  // Refusals the event does not cover (workers, before the listener exists) still reach the console.
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(`${msg.page()?.url()}: ${msg.text()}`);
  });
}
