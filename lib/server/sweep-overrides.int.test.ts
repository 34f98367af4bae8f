import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { accounts } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { sweepExpiredOverrides } from './sweep-overrides';

describe('the override sweep', () => {
  it('ends overrides whose end date has passed in the workspace zone, with nobody opening the account', async () => {
    const db = await getDb();
    const account = await createAccount({ arr: '100000' }); // Tier 3
    await db
      .update(accounts)
      .set({ overrideTier: 1, overrideReason: 'Event sponsor', overrideUntil: '2020-01-01', tier: 1, tierSource: 'override' })
      .where(eq(accounts.id, account.id));
    expect(await sweepExpiredOverrides()).toBeGreaterThanOrEqual(1);
    expect(await findAccount(db, account.id)).toMatchObject({ tier: 3, tierSource: 'computed' });
    expect(await sweepExpiredOverrides()).toBe(0);
  });
});
