import { chromium } from '@playwright/test';
const base = 'http://localhost:3200';
const path = process.argv[2] ?? '/coverage';
const tag = process.argv[3] ?? 'coverage';
const who = process.env.WHO ?? 'manager@touchplan.example';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const lang of ['en', 'ja']) {
  for (const width of [1440, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'ja' ? 'ja-JP' : 'en-US', extraHTTPHeaders: { 'accept-language': lang } });
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.locator('input[type=email]').fill(who);
    await page.locator('input[type=password]').fill('touchplan-demo-2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `/tmp/shots-lead/${tag}-${lang}-${width}.png`, fullPage: true });
    console.log(lang, width);
    await ctx.close();
  }
}
await browser.close();
