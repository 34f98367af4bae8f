import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount, type AccountRow } from '@/db/queries/accounts';
import { countPendingRequests } from '@/db/queries/override-requests';
import { listTierHistory } from '@/db/queries/tier-history';
import { saveWorkspace } from '@/db/queries/workspace';
import type { PublicUser } from '@/db/queries/users';
import { accounts, tierOverrideRequests } from '@/db/schema';
import { createAccount as insertTestAccount, accountValues } from '@/tests/accounts';
import { auditRows, lastAudit } from '@/tests/audit';
import { createUser, errorKey, signInAs } from '@/tests/factories';
import {
  clearTierOverride,
  createAccount,
  decideOverrideRequest,
  reassignAccounts,
  requestTierOverride,
  setTierOverride,
  updateAccountDetails,
} from './actions';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let account: AccountRow;

beforeEach(async () => {
  people = {
    csm: await createUser('csm'),
    otherCsm: await createUser('csm'),
    manager: await createUser('manager'),
    admin: await createUser('admin'),
  };
  account = await insertTestAccount({ ownerId: people.csm.id });
});

const as = (caller: Caller) => signInAs(caller === 'anonymous' ? null : people[caller]);
const fresh = async () => (await findAccount(await getDb(), account.id))!;
const editPayload = async (changes: Record<string, unknown> = {}) => {
  const a = await fresh();
  return { ...accountValues(), name: a.name, domain: a.domain, id: a.id, version: a.version, ownerId: a.ownerId, ...changes };
};

// Every account action × every caller: allowed (true) or the refusal key.
const matrix: Record<string, { call: () => Promise<{ ok: boolean; error?: { key: string } }>; allowed: Caller[] }> = {
  'account.create': { call: () => createAccount(null, accountValues()), allowed: ['csm', 'otherCsm', 'manager', 'admin'] },
  'account.update': { call: async () => updateAccountDetails(null, await editPayload({ notes: 'changed' })), allowed: ['csm', 'manager', 'admin'] },
  'account.reassign': { call: () => reassignAccounts(null, { ids: [account.id], ownerId: people.otherCsm.id }), allowed: ['manager', 'admin'] },
  'account.override': {
    call: async () => setTierOverride(null, { id: account.id, version: (await fresh()).version, tier: 1, reason: 'Strategic logo', until: '' }),
    allowed: ['manager', 'admin'],
  },
  'account.clear_override': {
    call: async () => {
      const db = await getDb();
      await db.update(accounts).set({ overrideTier: 1, overrideReason: 'x', tier: 1, tierSource: 'override' }).where(eq(accounts.id, account.id));
      return clearTierOverride(null, { id: account.id, version: (await fresh()).version });
    },
    allowed: ['manager', 'admin'],
  },
  'account.approve_override': {
    call: async () => {
      const db = await getDb();
      const [request] = await db
        .insert(tierOverrideRequests)
        .values({ accountId: account.id, requestedBy: people.csm.id, requestedTier: 1, reason: 'Group company is Tier 1' })
        .returning({ id: tierOverrideRequests.id });
      return decideOverrideRequest(null, { requestId: request!.id, decision: 'approve', note: '' });
    },
    allowed: ['manager', 'admin'],
  },
  'account.request_override': {
    call: () => requestTierOverride(null, { id: account.id, tier: 1, reason: 'Board-level sponsor', until: '' }),
    allowed: ['csm'],
  },
};

describe.each(Object.entries(matrix))('%s', (name, { call, allowed }) => {
  it.each(['anonymous', 'csm', 'otherCsm', 'manager', 'admin'] as const)('as %s', async (caller) => {
    await as(caller);
    const result = await call();
    if (allowed.includes(caller)) {
      expect(result.ok).toBe(true);
      expect((await lastAudit())?.action).toBe(name);
    } else {
      expect(result.ok).toBe(false);
      expect(result.error?.key).toBe(caller === 'anonymous' ? 'errors.signedOut' : 'errors.forbidden');
      expect((await lastAudit())?.action).toBe('access.denied');
    }
  });
});

describe('creating and editing accounts', () => {
  it('computes LTV and tier, with the reason and a history row, when a CSM creates an account', async () => {
    await as('csm');
    // ¥8,000,000 ARR × 80 % × 10 y = ¥64,000,000 → Tier 1
    const result = await createAccount(null, accountValues({ arr: '8,000,000', ownerId: people.otherCsm.id }));
    const id = result.ok ? (result.data as { id: number }).id : 0;
    const created = (await findAccount(await getDb(), id))!;
    expect(created).toMatchObject({ ltv: '64000000', tier: 1, tierSource: 'computed', ownerId: people.csm.id });
    expect(created.tierReason).toEqual({ ltv: '64000000', missing: [], baseTier: 1, threshold: '50000000', raisedBy: null });
    expect((await listTierHistory(await getDb(), id)).map((h) => [h.kind, h.fromTier, h.toTier])).toEqual([['created', null, 1]]);
  });

  it('recomputes the tier in the same save when an input changes, and records it', async () => {
    await as('csm');
    expect(account.tier).toBe(2); // 1,000,000 × 80 % × 10 = 8,000,000
    const result = await updateAccountDetails(null, await editPayload({ arr: '500000', growthPotential: 'low' }));
    expect(result.ok).toBe(true);
    expect(await fresh()).toMatchObject({ ltv: '4000000', tier: 3 });
    const [latest] = await listTierHistory(await getDb(), account.id);
    expect(latest).toMatchObject({ kind: 'computed', fromTier: 2, toTier: 3 });
  });

  it('refuses the second of two edits from the same version, keeping the first', async () => {
    await as('csm');
    const stale = await editPayload();
    expect((await updateAccountDetails(null, { ...stale, notes: 'first' })).ok).toBe(true);
    expect(await updateAccountDetails(null, { ...stale, notes: 'second' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await fresh()).notes).toBe('first');
  });

  it('refuses a duplicate domain whatever its case, beside the domain field', async () => {
    await as('manager');
    const result = await createAccount(null, accountValues({ domain: `https://www.${account.domain.toUpperCase()}/` }));
    expect(result).toEqual({ ok: false, fieldErrors: { domain: { key: 'accounts.domainTaken' } } });
  });

  it('a CSM cannot move an account to another book; a manager can, only to a CSM', async () => {
    await as('csm');
    await updateAccountDetails(null, await editPayload({ ownerId: people.otherCsm.id }));
    expect((await fresh()).ownerId).toBe(people.csm.id);
    await as('manager');
    const toManager = await updateAccountDetails(null, await editPayload({ ownerId: people.manager.id }));
    expect(toManager).toEqual({ ok: false, fieldErrors: { ownerId: { key: 'accounts.ownerNotCsm' } } });
    expect((await updateAccountDetails(null, await editPayload({ ownerId: people.otherCsm.id }))).ok).toBe(true);
    expect((await fresh()).ownerId).toBe(people.otherCsm.id);
  });

  it('reassigns many accounts at once', async () => {
    const more = [await insertTestAccount({ ownerId: people.csm.id }), await insertTestAccount()];
    await as('admin');
    const result = await reassignAccounts(null, { ids: [account.id, ...more.map((a) => a.id)], ownerId: people.otherCsm.id });
    expect(result).toEqual({ ok: true, data: { count: 3 } });
    const rows = (await auditRows('account.reassign')).filter((r) => [account.id, ...more.map((a) => a.id)].map(String).includes(r.entityId!));
    expect(rows.map((r) => [r.entityId, r.before, r.after])).toContainEqual([String(account.id), { ownerId: people.csm.id }, { ownerId: people.otherCsm.id }]);
    expect(rows.find((r) => r.entityId === String(more[1]!.id))?.before).toEqual({ ownerId: null });
  });

  it('moves every account the filters match, and nothing when the list changed since it was counted', async () => {
    const tag = `bulk${Date.now()}`;
    const matching = [account, await insertTestAccount({ ownerId: people.csm.id, name: `${tag} one` }), await insertTestAccount({ name: `${tag} two` })];
    await (await getDb()).update(accounts).set({ name: `${tag} zero` }).where(eq(accounts.id, account.id));
    const other = await insertTestAccount({ ownerId: people.csm.id });
    await as('manager');
    const query = `q=${tag}&owner=all`;
    expect(await reassignAccounts(null, { matching: query, expected: 4, ownerId: people.otherCsm.id })).toEqual({
      ok: false,
      error: { key: 'accounts.matchingChanged', values: { count: 3 } },
    });
    expect((await fresh()).ownerId).toBe(people.csm.id);
    expect(await reassignAccounts(null, { matching: query, expected: 3, ownerId: people.otherCsm.id })).toEqual({ ok: true, data: { count: 3 } });
    const db = await getDb();
    const owners = await db.select({ id: accounts.id, ownerId: accounts.ownerId }).from(accounts).where(inArray(accounts.id, [...matching.map((a) => a.id), other.id]));
    expect(owners.filter((o) => o.ownerId === people.otherCsm.id).map((o) => o.id).sort()).toEqual(matching.map((a) => a.id).sort());
    expect(owners.find((o) => o.id === other.id)?.ownerId).toBe(people.csm.id);
    // Neither ids nor a filter: refused beside the selection.
    expect(await reassignAccounts(null, { ownerId: people.otherCsm.id })).toMatchObject({ ok: false, fieldErrors: { ids: { key: 'validation.selectAccounts' } } });
  });
});

describe('tier overrides', () => {
  it('win while active, keep the computed tier underneath, and return it when cleared', async () => {
    await as('manager');
    const set = await setTierOverride(null, { id: account.id, version: account.version, tier: 1, reason: 'Reference customer in manufacturing', until: '' });
    expect(set.ok).toBe(true);
    expect(await fresh()).toMatchObject({ tier: 1, computedTier: 2, tierSource: 'override', overrideReason: 'Reference customer in manufacturing' });
    // Editing inputs keeps the override on top.
    await updateAccountDetails(null, await editPayload({ arr: '100' }));
    expect(await fresh()).toMatchObject({ tier: 1, computedTier: 3 });
    expect((await clearTierOverride(null, { id: account.id, version: (await fresh()).version })).ok).toBe(true);
    expect(await fresh()).toMatchObject({ tier: 3, tierSource: 'computed', overrideTier: null });
    const kinds = (await listTierHistory(await getDb(), account.id)).map((h) => h.kind);
    expect(kinds).toEqual(['override_ended', 'computed', 'override']);
  });

  it('need a reason and an end date that is not past', async () => {
    await as('admin');
    const noReason = await setTierOverride(null, { id: account.id, version: account.version, tier: 1, reason: '', until: '' });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.key).toBe('validation.reasonRequired');
    const past = await setTierOverride(null, { id: account.id, version: account.version, tier: 1, reason: 'x', until: '2020-01-01' });
    expect(!past.ok && past.fieldErrors?.until?.key).toBe('validation.untilPast');
  });

  it('a CSM requests one for their own account, a manager approves it', async () => {
    await as('otherCsm');
    expect(errorKey(await requestTierOverride(null, { id: account.id, tier: 1, reason: 'x', until: '' }))).toBe('errors.forbidden');
    await as('csm');
    const requested = await requestTierOverride(null, { id: account.id, tier: 1, reason: 'Expanding to 5 subsidiaries', until: '2027-12-31' });
    const requestId = requested.ok ? (requested.data as { requestId: number }).requestId : 0;
    const waitingBefore = await countPendingRequests(await getDb());
    expect(errorKey(await requestTierOverride(null, { id: account.id, tier: 1, reason: 'again', until: '' }))).toBe('accounts.requestPending');
    expect(errorKey(await decideOverrideRequest(null, { requestId, decision: 'approve', note: '' }))).toBe('errors.forbidden');
    await as('manager');
    expect((await decideOverrideRequest(null, { requestId, decision: 'approve', note: 'Agreed' })).ok).toBe(true);
    expect(await fresh()).toMatchObject({ tier: 1, tierSource: 'override', overrideUntil: '2027-12-31', overrideBy: people.manager.id });
    const [req] = await (await getDb()).select().from(tierOverrideRequests).where(eq(tierOverrideRequests.id, requestId));
    expect(req).toMatchObject({ status: 'approved', decidedBy: people.manager.id });
    expect(await countPendingRequests(await getDb())).toBe(waitingBefore - 1);
    expect(errorKey(await decideOverrideRequest(null, { requestId, decision: 'reject', note: '' }))).toBe('accounts.requestDecided');
  });

  it('an approval whose end date has passed is refused at the top of the form', async () => {
    const db = await getDb();
    const [request] = await db
      .insert(tierOverrideRequests)
      .values({ accountId: account.id, requestedBy: people.csm.id, requestedTier: 1, reason: 'Campaign', until: '2020-01-31' })
      .returning({ id: tierOverrideRequests.id });
    await as('manager');
    const result = await decideOverrideRequest(null, { requestId: request!.id, decision: 'approve', note: '' });
    expect(result).toEqual({ ok: false, error: { key: 'accounts.requestExpired', values: { until: '2020-01-31' } } });
    expect((await decideOverrideRequest(null, { requestId: request!.id, decision: 'reject', note: 'expired' })).ok).toBe(true);
  });

  it('an edit ends an override whose end date has passed, in the same save', async () => {
    const db = await getDb();
    await db
      .update(accounts)
      .set({ overrideTier: 1, overrideReason: 'x', overrideUntil: '2020-01-01', tier: 1, tierSource: 'override' })
      .where(eq(accounts.id, account.id));
    await as('manager');
    expect((await updateAccountDetails(null, await editPayload({ notes: 'after the event' }))).ok).toBe(true);
    expect(await fresh()).toMatchObject({ tier: 2, tierSource: 'computed', overrideTier: null, overrideUntil: null });
  });

  it('records only real changes: the same amount written differently is not a change', async () => {
    await as('csm');
    await updateAccountDetails(null, await editPayload({ arr: '1,000,000', notes: 'n' }));
    const row = await lastAudit();
    expect(row?.after).toEqual({ notes: 'n' });
  });
});

describe('money input', () => {
  it('refuses a decimal comma instead of reading it as a bigger number', async () => {
    await as('manager');
    const result = await createAccount(null, accountValues({ arr: '1234,56' }));
    expect(!result.ok && result.fieldErrors?.arr?.key).toBe('validation.money');
    expect((await createAccount(null, accountValues({ arr: '1,234,567' }))).ok).toBe(true);
  });

  it("holds ARR to the workspace currency's own minor units, and says that rule", async () => {
    await as('manager');
    // The workspace is in yen: no decimals at all, and the message says so (not "at most 2 decimals").
    const yen = await createAccount(null, accountValues({ arr: '1200000.5' }));
    expect(!yen.ok && yen.fieldErrors?.arr).toEqual({ key: 'validation.moneyWhole', values: { currency: 'JPY' } });
    expect((await createAccount(null, accountValues({ arr: '1200000.00' }))).ok).toBe(true);
    const edit = await updateAccountDetails(null, await editPayload({ arr: '10.25' }));
    expect(!edit.ok && edit.fieldErrors?.arr?.key).toBe('validation.moneyWhole');
    // In dollars two decimals are fine, three are not.
    await saveWorkspace(await getDb(), { name: 'Touchplan', currency: 'USD', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4, holidayCountry: 'JP', closedDays: [] }, 0);
    expect((await createAccount(null, accountValues({ arr: '1234.56' }))).ok).toBe(true);
    const cents = await createAccount(null, accountValues({ arr: '1234.567' }));
    expect(!cents.ok && cents.fieldErrors?.arr).toEqual({ key: 'validation.moneyDecimals', values: { currency: 'USD', digits: 2 } });
    await saveWorkspace(await getDb(), { name: 'Touchplan', currency: 'JPY', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4, holidayCountry: 'JP', closedDays: [] }, 1);
  });

  it('refuses U+0000 in a text field beside the field, writing nothing', async () => {
    await as('manager');
    const values = accountValues({ name: 'Null\u0000 Co', notes: 'ok' });
    const result = await createAccount(null, values);
    expect(!result.ok && result.fieldErrors?.name?.key).toBe('validation.unstorable');
    const notes = await updateAccountDetails(null, await editPayload({ notes: 'a\u0000b' }));
    expect(!notes.ok && notes.fieldErrors?.notes?.key).toBe('validation.unstorable');
    const db = await getDb();
    expect(await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.domain, values.domain))).toEqual([]);
    expect((await fresh()).notes).toBe(account.notes);
  });

  it('answers an id beyond the integer range as not found, without reaching the database', async () => {
    await as('manager');
    const tooBig = 99_999_999_999;
    expect(errorKey(await updateAccountDetails(null, await editPayload({ id: tooBig })))).toBe('errors.notFound');
    expect(errorKey(await reassignAccounts(null, { ids: [account.id, tooBig], ownerId: people.otherCsm.id }))).toBe('errors.notFound');
    expect(errorKey(await setTierOverride(null, { id: String(tooBig), version: 0, tier: 1, reason: 'x', until: '' }))).toBe('errors.notFound');
    expect((await fresh()).ownerId).toBe(people.csm.id);
  });
});
