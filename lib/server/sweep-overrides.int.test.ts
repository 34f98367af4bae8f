import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { tierHistory } from '@/db/schema';
import { accountWithExpiredOverride } from '@/tests/accounts';
import { sweepExpiredOverrides } from './sweep-overrides';

async function endings(accountId: number) {
  const db = await getDb();
  return db.select().from(tierHistory).where(and(eq(tierHistory.accountId, accountId), eq(tierHistory.kind, 'override_ended')));
}

describe('the override sweep', () => {
  it('ends overrides whose end date has passed in the workspace zone, with nobody opening the account', async () => {
    const account = await accountWithExpiredOverride();
    expect(await sweepExpiredOverrides()).toBeGreaterThanOrEqual(1);
    expect(await findAccount(await getDb(), account.id)).toMatchObject({ tier: 3, tierSource: 'computed' });
  });

  // The queue delivers a job at least once, so the sweep may run twice, or on two servers at once.
  it('ends each override once however many times it runs, one after another or side by side', async () => {
    const first = await accountWithExpiredOverride();
    await sweepExpiredOverrides();
    expect(await sweepExpiredOverrides()).toBe(0);
    expect(await endings(first.id)).toHaveLength(1);

    const second = await accountWithExpiredOverride();
    const ended = await Promise.all([sweepExpiredOverrides(), sweepExpiredOverrides()]);
    expect(ended[0] + ended[1]).toBe(1);
    expect(await endings(second.id)).toHaveLength(1);
    expect(await findAccount(await getDb(), second.id)).toMatchObject({ tier: 3, tierSource: 'computed', version: 2 });
  });
});
