import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accounts } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { findAccount } from './accounts';
import { endExpiredOverrides, listTierHistory } from './tier-history';

describe('endExpiredOverrides', () => {
  it('returns accounts to their computed tier the day after the end date, once, with history', async () => {
    const db = await getDb();
    const ending = await createAccount({ arr: '100000' }); // Tier 3
    const lasting = await createAccount({ arr: '100000' });
    const set = (id: number, until: string) =>
      db.update(accounts).set({ overrideTier: 1, overrideReason: 'Event sponsor', overrideUntil: until, tier: 1, tierSource: 'override' }).where(eq(accounts.id, id));
    await set(ending.id, '2026-11-21');
    await set(lasting.id, '2026-11-22');
    expect(await endExpiredOverrides(db, '2026-11-22')).toBe(1);
    expect(await findAccount(db, ending.id)).toMatchObject({ tier: 3, tierSource: 'computed', overrideTier: null, overrideUntil: null });
    expect(await findAccount(db, lasting.id)).toMatchObject({ tier: 1, tierSource: 'override' });
    const [h] = await listTierHistory(db, ending.id);
    expect(h).toMatchObject({ kind: 'override_ended', fromTier: 1, toTier: 3, actorName: null });
    expect(await endExpiredOverrides(db, '2026-11-22')).toBe(0);
  });
});
