import type * as Navigation from 'next/navigation';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listActivityTypes } from '@/db/queries/playbooks';
import { getWorkspace, saveWorkspace } from '@/db/queries/workspace';
import { activities, coverageObligations } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { cockpitFor } from '@/components/shell/nav-items';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { setTestLocale } from '@/tests/intl-server';
import { renderToHtml, textOf } from '@/tests/render-page';
import EconomicsPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

beforeAll(() => {
  // next.config.js turns on authInterrupts; forbidden() needs the same here.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
});

const render = (params: Record<string, string> = {}) => EconomicsPage({ searchParams: Promise.resolve(params) });
const digest = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as { digest?: string } | null)?.digest;
const unescape = (href: string) => href.replace(/&amp;/g, '&');

async function setCosts() {
  const db = await getDb();
  const w = await getWorkspace(db);
  await saveWorkspace(db, { ...w, csmHourCost: '8000', tier1ToolingCost: '3000', tier2ToolingCost: '2000', tier3ToolingCost: '500', costShareThresholdPct: '20' }, w.version);
}

/** A Tier 2 account served 24 hours in the last month (24 × ¥8,000 + ¥2,000 × 12 = ¥216,000, 21.6 % of ARR ¥1,000,000), and a Tier 1 account with 1 of 3 touches on time. */
async function accounts() {
  const db = await getDb();
  const csm = await createUser('csm', { name: 'Ishikawa Ren' });
  const costly = await createAccount({ name: 'Tsubame Bakery', arr: '1000000', ownerId: csm.id });
  const uncared = await createAccount({ name: 'Kanda Robotics', arr: '8000000', ownerId: csm.id });
  const meeting = (await listActivityTypes(db)).find((t) => t.key === 'regular_meeting')!.id;
  await db.insert(activities).values({ accountId: costly.id, activityTypeId: meeting, ownerId: csm.id, timeZone: 'Asia/Tokyo', durationMinutes: 1440, startsAt: new Date(Date.now() - 30 * 86_400_000), status: 'completed' });
  const today = todayIn('Asia/Tokyo');
  await db.insert(coverageObligations).values(
    (['on_time', 'missed', 'overdue'] as const).map((status, i) => ({ accountId: uncared.id, tier: 1, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const, due: addDays(today, -90 + i * 30), deadline: addDays(today, -90 + i * 30), status })),
  );
  return { costly, uncared };
}

describe('/coverage/economics', () => {
  it('sends a visitor without a session to sign in and refuses a CSM; the cockpit tab shows for managers and admins only', async () => {
    await signInAs(null);
    expect(await digest(render())).toMatch(/^NEXT_REDIRECT;replace;\/login/);
    const csm = await createUser('csm');
    await signInAs(csm);
    expect(await digest(render())).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await lastAudit()).toMatchObject({ action: 'access.denied', actorId: csm.id });
    expect(cockpitFor('csm').map((i) => i.href)).not.toContain('/coverage/economics');
    expect(cockpitFor('manager').map((i) => i.href)).toContain('/coverage/economics');
    expect(cockpitFor('admin').map((i) => i.href)).toContain('/coverage/economics');
  });

  it('says when no costs are set, and who sets them', async () => {
    await signInAs(await createUser('manager'));
    const text = textOf(await renderToHtml(await render()));
    expect(text).toContain('No costs are set yet');
    // The tier table's column headers are text (a function there broke the page once).
    expect(text).toContain('Hours delivered');
    expect(text).toContain('An admin sets them under Admin → Workspace.');
    await signInAs(await createUser('admin'));
    expect(textOf(await renderToHtml(await render()))).toContain('Set the cost of a CSM hour');
  });

  it('shows a manager cost to serve per tier, the account over the line and the Tier 1 account left without care, each with its override link', async () => {
    const { costly, uncared } = await accounts();
    await setCosts();
    await signInAs(await createUser('manager'));
    const html = await renderToHtml(await render());
    const text = textOf(html);
    expect(text).not.toContain('No costs are set yet');
    expect(text).toContain('Last 12 months');
    expect(text).toMatch(/Tier 2 1 ¥1,000,000 ¥216,000 21\.6%/);
    expect(text).toContain('Cost to serve as a share of ARR');
    expect(text).toMatch(/High-touch on low value.*Tsubame Bakery.*21\.6%.*Value left without care/);
    expect(text).toMatch(/Value left without care.*Kanda Robotics.*33%.*1 of 3 on time/);

    const links = [...html.matchAll(/href="(\/accounts\/\d+\?overrideTier[^"]+)"/g)].map((m) => new URL(unescape(m[1]!), 'http://x'));
    const toCostly = links.find((u) => u.pathname === `/accounts/${costly.id}`)!;
    expect(toCostly.searchParams.get('overrideTier')).toBe('3');
    expect(toCostly.searchParams.get('overrideReason')).toMatch(/^Cost to serve ¥216,000 is 21\.6% of ARR ¥1,000,000 \(.+\), over the 20% threshold: high-touch on low value\.$/);
    expect(toCostly.hash).toBe('#override');
    const toUncared = links.find((u) => u.pathname === `/accounts/${uncared.id}`)!;
    expect(toUncared.searchParams.get('overrideTier')).toBe('2');
    expect(toUncared.searchParams.get('overrideReason')).toMatch(/^Tier 1 coverage 33% \(1 of 3 touches on time, .+\): value left without care\.$/);
    expect(html).toContain('href="/coverage/economics/csv/accounts?period=last12"');
  });

  it('reads a fiscal year, and speaks Japanese', async () => {
    await signInAs(await createUser('manager'));
    setTestLocale('ja');
    try {
      const text = textOf(await renderToHtml(await render({ period: 'fy2024' }), 'ja'));
      expect(text).toContain('ユニットエコノミクス');
      expect(text).toContain('2024年度');
      expect(text).toContain('12 か月');
      expect(text).toContain('低価値へのハイタッチ');
      expect(text).toContain('手の届いていない価値');
    } finally {
      setTestLocale('en');
    }
  });
});
