import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { accounts, playbookRules, playbookVersions, tierHistory } from '@/db/schema';
import { recomputeCoverage } from '@/lib/server/coverage';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import CoveragePage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const at = (date: string) => new Date(`${date}T12:00:00+09:00`);
const render = (params: Record<string, string> = {}) => CoveragePage({ searchParams: Promise.resolve(params) });
const digest = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as { digest?: string } | null)?.digest;

/** A Tier 2 account of `ownerId` owing a content share every 3 months since Jan 10, with none given. */
async function silentAccount(ownerId: number, name: string) {
  const db = await getDb();
  const account = await createAccount({ name, ownerId });
  await db.update(accounts).set({ tier: 2, createdAt: at('2025-03-01') }).where(eq(accounts.id, account.id));
  await db.insert(tierHistory).values({ accountId: account.id, at: at('2026-01-10'), kind: 'computed', fromTier: 1, toTier: 2, reason: {} });
  return account.id;
}

async function tier2Playbook() {
  const db = await getDb();
  const version = ((await currentPlaybooks(db)).find((p) => p.tier === 2)?.version ?? 0) + 1;
  const [row] = await db.insert(playbookVersions).values({ tier: 2, version, createdAt: at('2025-06-01') }).returning({ id: playbookVersions.id });
  await db.insert(playbookRules).values({ playbookVersionId: row!.id, position: 0, touchKind: 'content_shared', every: 3, unit: 'month', hours: '0', bookAheadDays: 0 });
}

describe('/coverage', () => {
  it('sends a visitor without a session to sign in', async () => {
    await signInAs(null);
    expect(await digest(render())).toMatch(/^NEXT_REDIRECT;replace;\/login/);
  });

  it('shows a CSM their own book only, a manager everyone by CSM, with the missed obligations behind the figures', async () => {
    // The Tier 2 setup playbook of the migrations is newer (today): remove it so only ours applies.
    const db = await getDb();
    await db.delete(playbookVersions).where(eq(playbookVersions.tier, 2));
    await tier2Playbook();
    const csm = await createUser('csm');
    const colleague = await createUser('csm');
    await silentAccount(csm.id, 'Hinode Shokai');
    await silentAccount(colleague.id, 'Kaede Logistics');
    await recomputeCoverage();

    await signInAs(csm);
    const mine = textOf(await renderToHtml(await render({ period: 'custom', from: '2026-04-01', to: '2026-07-31' })));
    expect(mine).toContain('Hinode Shokai');
    expect(mine).toContain('Missed');
    expect(mine).not.toContain('Kaede Logistics');
    expect(mine).not.toContain('By CSM');

    await signInAs(await createUser('manager'));
    const all = textOf(await renderToHtml(await render({ period: 'custom', from: '2026-04-01', to: '2026-07-31', status: 'missed' })));
    expect(all).toContain('Hinode Shokai');
    expect(all).toContain('Kaede Logistics');
    expect(all).toContain('By CSM');
    expect(all).toContain(csm.name);

    // A manager narrowing to one CSM sees that book only.
    const one = textOf(await renderToHtml(await render({ period: 'custom', from: '2026-04-01', to: '2026-07-31', csm: String(colleague.id) })));
    expect(one).toContain('Kaede Logistics');
    expect(one).not.toContain('Hinode Shokai');
  });

  it('charts coverage by tier (each bar a link to its gaps), by CSM for managers, by month and by rule, each with its table and CSV', async () => {
    const db = await getDb();
    await db.delete(playbookVersions).where(eq(playbookVersions.tier, 2));
    await tier2Playbook();
    const csm = await createUser('csm');
    await silentAccount(csm.id, 'Izumi Kikai');
    await recomputeCoverage();
    const params = { period: 'custom', from: '2026-04-01', to: '2026-07-31' };

    await signInAs(await createUser('manager'));
    const html = await renderToHtml(await render(params));
    const text = textOf(html);
    for (const title of ['Coverage by tier', 'Coverage by month', 'Coverage by CSM', 'By playbook rule']) expect(text).toContain(title);
    // The Tier 2 bar opens Tier 2's overdue and missed obligations, like the counts table.
    expect(html).toMatch(/<a href="\/coverage\?period=custom&amp;from=2026-04-01&amp;to=2026-07-31&amp;tier=2#gaps" aria-label="Tier 2: coverage 0%, \d+ due, \d+ overdue or missed\. Show the obligations\."/);
    expect(html).toContain('href="/coverage/csv/tiers?period=custom&amp;from=2026-04-01&amp;to=2026-07-31"');
    expect(html).toContain('href="/coverage/csv/trend?');
    expect(text).toContain('Show as table');
    // The rule row opens that rule's obligations only.
    const ruleHref = /href="(\/coverage\?[^"]*rule=2\.k\.content_shared\.3\.month[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(ruleHref).toBeDefined();
    const byRule = textOf(await renderToHtml(await render(Object.fromEntries(new URL(ruleHref!, 'http://x').searchParams))));
    expect(byRule).toContain('Rule: Tier 2 · Content shared · every 3 months');
    expect(byRule).toContain('Izumi Kikai');

    await signInAs(csm);
    const mine = textOf(await renderToHtml(await render(params)));
    expect(mine).toContain('Coverage by tier');
    expect(mine).not.toContain('Coverage by CSM');
  });

  it('a CSM cannot read a colleague\'s book through the URL', async () => {
    const csm = await createUser('csm');
    const colleague = await createUser('csm');
    await silentAccount(colleague.id, 'Sakura Kogyo');
    await recomputeCoverage();
    await signInAs(csm);
    const text = textOf(await renderToHtml(await render({ period: 'custom', from: '2026-04-01', to: '2026-07-31', csm: String(colleague.id) })));
    expect(text).not.toContain('Sakura Kogyo');
  });
});
