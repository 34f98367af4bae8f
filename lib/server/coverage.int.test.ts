import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertCampaign, recordCampaignEvents } from '@/db/queries/campaigns';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { accounts, coverageDirty, coverageObligations, coverageRuns, playbookRules, playbookVersions, tierHistory, touches } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import type { TouchKind } from '@/lib/vocabulary';
import { recomputeChangedCoverage, recomputeCoverage } from './coverage';

// The stored obligations, worked out from the ledger, tier history and
// playbook versions (the rules themselves are unit-tested in lib/coverage).
const at = (date: string) => new Date(`${date}T12:00:00+09:00`);

async function playbook(tier: number, rules: { touchKind: TouchKind; campaignId?: number; every: number; unit: 'day' | 'week' | 'month' }[], createdAt: string | Date) {
  const db = await getDb();
  const version = ((await currentPlaybooks(db)).find((p) => p.tier === tier)?.version ?? 0) + 1;
  const [row] = await db.insert(playbookVersions).values({ tier, version, createdAt: typeof createdAt === 'string' ? at(createdAt) : createdAt }).returning({ id: playbookVersions.id });
  if (rules.length) await db.insert(playbookRules).values(rules.map((r, position) => ({ ...r, position, playbookVersionId: row!.id, hours: '0', bookAheadDays: 0 })));
}

async function tier2Account(entered: string, touched: [TouchKind, string][] = []) {
  const db = await getDb();
  const account = await createAccount();
  await db.update(accounts).set({ tier: 2, createdAt: at('2025-03-01') }).where(eq(accounts.id, account.id));
  await db.insert(tierHistory).values({ accountId: account.id, at: at(entered), kind: 'computed', fromTier: 1, toTier: 2, reason: {} });
  if (touched.length) await db.insert(touches).values(touched.map(([kind, date]) => ({ accountId: account.id, kind, touchModel: 'low' as const, occurredAt: at(date) })));
  return account.id;
}

const stored = async (accountId: number) =>
  (await (await getDb()).select().from(coverageObligations).where(eq(coverageObligations.accountId, accountId)).orderBy(asc(coverageObligations.due), asc(coverageObligations.id))).map(
    (o) => [o.tier, o.touchKind, o.due, o.status, o.metOn],
  );

describe('recomputing coverage', () => {
  it('stores each account\'s chain of obligations, the same rows however often it runs', async () => {
    await playbook(2, [{ touchKind: 'content_shared', every: 3, unit: 'month' }], '2025-06-01');
    const silent = await tier2Account('2026-01-10', [['content_shared', '2026-08-01'], ['content_opened', '2026-03-01']]);
    const prompt = await tier2Account('2026-01-10', [['content_shared', '2026-03-20']]);

    const first = await recomputeCoverage({ accountIds: [silent, prompt], now: at('2026-08-15') });
    expect(first.accounts).toBe(2);
    const expected = {
      [silent]: [
        [2, 'content_shared', '2026-04-10', 'missed', null],
        [2, 'content_shared', '2026-07-10', 'late', '2026-08-01'],
        [2, 'content_shared', '2026-11-01', 'not_yet_due', null],
      ],
      [prompt]: [
        [2, 'content_shared', '2026-04-10', 'on_time', '2026-03-20'],
        [2, 'content_shared', '2026-06-20', 'overdue', null],
      ],
    };
    expect({ [silent]: await stored(silent), [prompt]: await stored(prompt) }).toEqual(expected);

    await recomputeCoverage({ accountIds: [silent, prompt], now: at('2026-08-15') });
    expect({ [silent]: await stored(silent), [prompt]: await stored(prompt) }).toEqual(expected);
    const [run] = await (await getDb()).select().from(coverageRuns).orderBy(asc(coverageRuns.id)).limit(1);
    expect(run).toMatchObject({ scope: 'accounts', asOf: '2026-08-15', accounts: 2 });
  });

  it('ends the open obligation uncounted on a tier change and starts the new tier\'s rules', async () => {
    const db = await getDb();
    await playbook(3, [{ touchKind: 'program_attended', every: 1, unit: 'month' }], '2025-06-01');
    const account = await tier2Account('2026-01-10');
    await db.update(accounts).set({ tier: 3 }).where(eq(accounts.id, account));
    await db.insert(tierHistory).values({ accountId: account, at: at('2026-03-01'), kind: 'override', fromTier: 2, toTier: 3, reason: {} });
    await recomputeCoverage({ accountIds: [account], now: at('2026-04-15') });
    const rows = await stored(account);
    expect(rows).toContainEqual([2, 'content_shared', '2026-04-10', 'ended', null]);
    expect(rows).toContainEqual([3, 'program_attended', '2026-04-01', 'overdue', null]);
  });

  it('recomputes every account when none are named, and drops obligations a new playbook no longer asks', async () => {
    const account = await tier2Account('2026-01-10');
    const all = await recomputeCoverage({ now: at('2026-02-01') });
    expect(all.accounts).toBeGreaterThanOrEqual(1);
    expect(await stored(account)).not.toEqual([]);
    // Tier 2's playbook from Feb 1 asks nothing: the open obligation ends that day.
    await playbook(2, [], '2026-02-01');
    await recomputeCoverage({ now: at('2026-02-02') });
    expect((await stored(account)).map((r) => r[3])).toEqual(['ended']);
  });

  it('works out again, within the minute job, only the accounts whose touches or tier changed; everything after a playbook change', async () => {
    const db = await getDb();
    // Tier 2 asks again (the test above left it asking nothing from Feb 1).
    await playbook(2, [{ touchKind: 'content_shared', every: 3, unit: 'month' }], '2026-02-02');
    const touched = await tier2Account('2026-01-10');
    const untouched = await tier2Account('2026-01-10');
    expect((await recomputeChangedCoverage()).scope).toBe('all'); // first run today
    expect(await db.select().from(coverageDirty)).toEqual([]);
    expect((await recomputeChangedCoverage()).scope).toBe('none');

    await db.insert(touches).values({ accountId: touched, kind: 'content_shared', touchModel: 'low', occurredAt: at('2026-03-01') });
    expect((await db.select().from(coverageDirty)).map((d) => d.accountId)).toEqual([touched]);
    const before = await stored(untouched);
    expect(await recomputeChangedCoverage()).toEqual({ scope: 'accounts', accounts: 1 });
    expect(await stored(touched)).toContainEqual([2, 'content_shared', '2026-05-02', 'on_time', '2026-03-01']);
    expect(await stored(untouched)).toEqual(before);
    expect(await db.select().from(coverageDirty)).toEqual([]);

    // Deleting touches marks too; deleting the account (its touches go with it) is not blocked.
    await db.delete(touches).where(eq(touches.accountId, touched));
    expect((await db.select().from(coverageDirty)).map((d) => d.accountId)).toEqual([touched]);
    await db.delete(accounts).where(eq(accounts.id, touched));
    expect(await recomputeChangedCoverage()).toEqual({ scope: 'accounts', accounts: 1 });

    await playbook(2, [{ touchKind: 'content_shared', every: 1, unit: 'month' }], new Date());
    expect((await recomputeChangedCoverage()).scope).toBe('all');
  });
});

describe('a playbook rule on one campaign', () => {
  it('is met only by that campaign\'s deliveries, while a rule on any campaign takes either', async () => {
    const db = await getDb();
    const campaign = (key: string) => insertCampaign(db, { key, name: key, channel: 'email_sequence', tool: 'hubspot', audience: 'tier=3', startsOn: '2026-01-01', goalEvent: null, goalWindowDays: 14 });
    const onboarding = (await campaign('onboarding-rule-test'))!;
    const newsletter = (await campaign('newsletter-rule-test'))!;
    await playbook(3, [{ touchKind: 'campaign_delivered', campaignId: onboarding.id, every: 1, unit: 'month' }, { touchKind: 'campaign_delivered', every: 1, unit: 'month' }], '2025-06-01');
    const account = await createAccount();
    await db.update(accounts).set({ tier: 3, createdAt: at('2026-06-01') }).where(eq(accounts.id, account.id));
    const deliver = (campaignId: number, date: string) =>
      recordCampaignEvents(db, campaignId, [{ accountId: account.id, contactId: null, recipient: `ops@${account.id}.example.jp`, outcome: 'delivered', occurredAt: at(date) }], 'import');
    await deliver(newsletter.id, '2026-06-20');
    await deliver(onboarding.id, '2026-07-25');

    await recomputeCoverage({ accountIds: [account.id], now: at('2026-08-15') });
    const rows = await db.select().from(coverageObligations).where(eq(coverageObligations.accountId, account.id)).orderBy(asc(coverageObligations.due), asc(coverageObligations.campaignId));
    expect(rows.map((o) => [o.campaignId, o.due, o.status, o.metOn])).toEqual([
      [onboarding.id, '2026-07-01', 'late', '2026-07-25'],
      [null, '2026-07-01', 'on_time', '2026-06-20'],
      [null, '2026-07-20', 'late', '2026-07-25'],
      [onboarding.id, '2026-08-25', 'not_yet_due', null],
      [null, '2026-08-25', 'not_yet_due', null],
    ]);
  });
});
