import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { findAccount, insertAccount } from '@/db/queries/accounts';
import { currentPolicy } from '@/db/queries/tier-policies';
import { accountHealth, accounts } from '@/db/schema';
import { tierColumns } from '@/lib/tiering/tier-columns';
import type { AccountInput } from '@/lib/validation/account';

export function accountValues(overrides: Partial<AccountInput> = {}): AccountInput {
  const tag = randomBytes(4).toString('hex');
  return {
    name: `Account ${tag}`,
    domain: `acct-${tag}.example.jp`,
    externalId: null,
    industry: 'SaaS',
    employees: 120,
    arr: '1000000',
    grossMarginPct: '80',
    annualChurnPct: '10',
    growthPotential: 'medium',
    churnRisk: 'low',
    lifecycleStage: 'adopting',
    renewalDate: '2027-03-31',
    notes: null,
    ownerId: null,
    ...overrides,
  };
}

/** Inserts an account directly (no action), with its tier columns computed. */
export async function createAccount(overrides: Partial<AccountInput> = {}) {
  const db = await getDb();
  const values = accountValues(overrides);
  const cols = tierColumns(values, null, await currentPolicy(db), '2026-11-22');
  const id = await insertAccount(db, { ...values, ...cols });
  return (await findAccount(db, id))!;
}

/** A Tier 3 account carrying a Tier 1 override that ended in 2020. */
export async function accountWithExpiredOverride() {
  const db = await getDb();
  const account = await createAccount({ arr: '100000' }); // Tier 3
  await db
    .update(accounts)
    .set({ overrideTier: 1, overrideReason: 'Event sponsor', overrideUntil: '2020-01-01', tier: 1, tierSource: 'override' })
    .where(eq(accounts.id, account.id));
  return account;
}

/** Gives an account its current health band as the minute job writes it; null: scored, but no signal had data yet. */
export async function setHealthBand(accountId: number, band: 'poor' | 'average' | 'good' | null) {
  const score = band === null ? null : { poor: 30, average: 60, good: 90 }[band];
  const values = { day: '2026-11-22', modelVersion: 1, score, band, dataShare: band === null ? '0' : '1' };
  await (await getDb()).insert(accountHealth).values({ accountId, ...values }).onConflictDoUpdate({ target: accountHealth.accountId, set: values });
}
