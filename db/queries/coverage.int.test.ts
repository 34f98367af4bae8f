import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { accounts, playbookRules, playbookVersions, tierHistory, touches } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import type { TouchKind } from '@/lib/vocabulary';
import { recomputeCoverage } from '@/lib/server/coverage';
import { openObligations } from './coverage';

// DOMAIN.md's coverage cases (a rule every 3 months, entering the tier on
// Jan 10), with a touch-kind rule: any content shared with the account. The
// coverage job works the chains out as of a day; the account page reads each
// rule's open obligation from them.
const at = (date: string) => new Date(`${date}T12:00:00+09:00`);

async function playbook(tier: number, rules: { touchKind?: TouchKind; activityTypeId?: number; every: number; unit: 'day' | 'week' | 'month' }[], createdAt: string) {
  const db = await getDb();
  const version = ((await currentPlaybooks(db)).find((p) => p.tier === tier)?.version ?? 0) + 1;
  const [row] = await db.insert(playbookVersions).values({ tier, version, createdAt: at(createdAt) }).returning({ id: playbookVersions.id });
  await db.insert(playbookRules).values(rules.map((r, position) => ({ ...r, position, playbookVersionId: row!.id, hours: '0', bookAheadDays: 0 })));
}

/** A Tier 2 account that entered Tier 2 on Jan 10, with these touches. */
async function enteredJan10(touched: [TouchKind, string][] = []) {
  const db = await getDb();
  const account = await createAccount();
  await db.update(accounts).set({ tier: 2, createdAt: at('2025-03-01') }).where(eq(accounts.id, account.id));
  await db.insert(tierHistory).values({ accountId: account.id, at: at('2026-01-10'), kind: 'computed', fromTier: 1, toTier: 2, reason: {} });
  if (touched.length) await db.insert(touches).values(touched.map(([kind, date]) => ({ accountId: account.id, kind, touchModel: 'low' as const, occurredAt: at(date) })));
  return account.id;
}

/** The open obligations of these accounts once the coverage job has run on `today`. */
async function openOn(today: string, ids: number[]) {
  await recomputeCoverage({ accountIds: ids, now: at(today) });
  return openObligations(await getDb(), ids);
}

const dueOn = async (today: string, ...ids: number[]) => Object.fromEntries((await openOn(today, ids)).map((r) => [r.accountId, [r.touchKind, r.due, r.overdue]]));

describe('when a touch-kind rule is next due', () => {
  it('follows DOMAIN.md: any touch of the kind meets it, the next is due an interval after it, a missed one rolls on', async () => {
    await playbook(2, [{ touchKind: 'content_shared', every: 3, unit: 'month' }], '2025-06-01');
    const onTime = await enteredJan10([['content_shared', '2026-03-20']]);
    const late = await enteredJan10([['content_shared', '2026-05-02']]);
    const never = await enteredJan10();
    const twice = await enteredJan10([['content_shared', '2026-02-01'], ['content_shared', '2026-02-20']]);
    // Other kinds, and touches from before the account entered the tier, do not count.
    const otherKinds = await enteredJan10([['content_opened', '2026-03-20'], ['program_attended', '2026-03-21'], ['content_shared', '2026-01-05']]);

    expect(await dueOn('2026-04-01', onTime, never, twice, otherKinds)).toEqual({
      [onTime]: ['content_shared', '2026-06-20', false],
      [never]: ['content_shared', '2026-04-10', false],
      [twice]: ['content_shared', '2026-05-20', false],
      [otherKinds]: ['content_shared', '2026-04-10', false],
    });
    // Before the late share the Apr 10 obligation is overdue; after it the next is due Aug 2.
    expect(await dueOn('2026-04-20', late)).toEqual({ [late]: ['content_shared', '2026-04-10', true] });
    expect(await dueOn('2026-05-03', late)).toEqual({ [late]: ['content_shared', '2026-08-02', false] });
    // Nothing by Jul 10 (Apr 10 + 3 months): Apr 10 is missed and the open one is due Jul 10.
    expect(await dueOn('2026-07-10', never)).toEqual({ [never]: ['content_shared', '2026-04-10', true] });
    expect(await dueOn('2026-08-01', never)).toEqual({ [never]: ['content_shared', '2026-07-10', true] });
  });

  it('starts a rule added later from the day it was added, and a tier change from the change day', async () => {
    const db = await getDb();
    await playbook(3, [{ touchKind: 'program_attended', every: 1, unit: 'month' }], '2026-02-15');
    const account = await enteredJan10([['program_attended', '2026-02-01']]);
    // Tier 2's playbook (from the test above or the setup) does not apply once the account is Tier 3.
    await db.update(accounts).set({ tier: 3 }).where(eq(accounts.id, account));
    await db.insert(tierHistory).values({ accountId: account, at: at('2026-03-01'), kind: 'override', fromTier: 2, toTier: 3, reason: {} });
    expect(await dueOn('2026-03-05', account)).toEqual({ [account]: ['program_attended', '2026-04-01', false] });
    // Saved again with the same target: the rule keeps its start.
    await playbook(3, [{ touchKind: 'program_attended', every: 1, unit: 'month' }, { touchKind: 'campaign_delivered', every: 2, unit: 'week' }], '2026-03-03');
    const rows = await openOn('2026-03-05', [account]);
    expect(rows.map((r) => [r.touchKind, r.due])).toEqual([
      ['program_attended', '2026-04-01'],
      ['campaign_delivered', '2026-03-17'],
    ]);
    expect(rows[0]!.lastMet).toBeNull();
  });

  it('reads an activity-type rule from the same ledger', async () => {
    const db = await getDb();
    // The setup playbook, as if saved before the account was created.
    await db.update(playbookVersions).set({ createdAt: at('2025-01-01') }).where(eq(playbookVersions.tier, 1));
    const [version] = await db.select({ id: playbookVersions.id }).from(playbookVersions).where(eq(playbookVersions.tier, 1)).limit(1);
    const [meeting] = await db.select({ typeId: playbookRules.activityTypeId }).from(playbookRules).where(eq(playbookRules.playbookVersionId, version!.id)).limit(1);
    const account = await createAccount();
    await db.update(accounts).set({ tier: 1, createdAt: at('2026-01-10') }).where(eq(accounts.id, account.id));
    await db.insert(touches).values({ accountId: account.id, kind: 'activity_completed', touchModel: 'high', occurredAt: at('2026-03-03'), activityTypeId: meeting!.typeId });
    const rows = await openOn('2026-03-10', [account.id]);
    expect(rows.find((r) => r.activityTypeId === meeting!.typeId)).toMatchObject({ due: '2026-04-03', overdue: false, lastMet: '2026-03-03' });
  });
});
