import { describe, expect, it } from 'vitest';
import { whatIf, type WhatIfPerson } from './what-if';
import { addFromForm, isEmptyWhatIf, readWhatIf, whatIfQuery } from './what-if-params';

// Tier 1 owes 4 h per account a month, Tier 2 0.5 h, Tier 3 nothing.
const perAccount = { 1: 4, 2: 0.5, 3: 0 } as const;
const aya: WhatIfPerson = { id: 1, name: 'Aya', capacity: 120, timeOff: 40, hosted: 6, book: { 1: 20, 2: 10 } }; // owes 91 of 80
const ken: WhatIfPerson = { id: 2, name: 'Ken', capacity: 120, timeOff: 0, hosted: 0, book: { 1: 5, 3: 100 } }; // owes 20 of 120
const base = { people: [aya, ken], unassigned: { 1: 2 }, perAccount: { ...perAccount } };
const none = { moves: [], capacity: new Map(), hires: [], perAccount: {} };

describe('capacity what-if', () => {
  it('changes nothing without a scenario', () => {
    const r = whatIf(base, none);
    for (const row of r.rows) expect(row.after).toEqual(row.before);
    expect(r.rows[0]!.before).toMatchObject({ owed: 91, available: 80, over: true, accounts: 30 });
    expect(r.unassigned.before).toEqual({ owed: 8, accounts: 2 });
    // Aya's 30 accounts (20 of them Tier 1) and the 2 nobody owns.
    expect(r.atRisk.before).toEqual({ accounts: 32, tier1: 22 });
    expect(r.atRisk.after).toEqual(r.atRisk.before);
  });

  it('moves hours with the accounts, and the accounts out of risk', () => {
    const r = whatIf(base, { ...none, moves: [{ from: 1, to: 2, tier: 1, count: 5 }, { from: null, to: 2, tier: 1, count: 2 }] });
    expect(r.rows[0]!.after).toMatchObject({ owed: 71, over: false, accounts: 25 });
    expect(r.rows[1]!.after).toMatchObject({ owed: 48, accounts: 112, utilisation: 0.4 });
    expect(r.unassigned.after).toEqual({ owed: 0, accounts: 0 });
    expect(r.atRisk.after).toEqual({ accounts: 0, tier1: 0 });
    // Team totals and headcount do not change with who owns what.
    expect(r.tiers.map((t) => t.after.owed)).toEqual(r.tiers.map((t) => t.before.owed));
    expect(r.problems).toEqual([]);
  });

  it('moves what the book holds and says so when asked for more, and refuses unknown people', () => {
    const r = whatIf(base, { ...none, moves: [{ from: 2, to: 1, tier: 1, count: 9 }, { from: 2, to: 99, tier: 3, count: 1 }, { from: 1, to: 1, tier: 2, count: 1 }] });
    expect(r.rows[1]!.after.accounts).toBe(100);
    expect(r.rows[0]!.after.accounts).toBe(35);
    expect(r.problems).toEqual([
      { index: 0, reason: 'notEnough', available: 5 },
      { index: 1, reason: 'unknownPerson', available: 0 },
      { index: 2, reason: 'samePlace', available: 10 },
    ]);
  });

  it('adds CSMs who can take accounts, and changes capacity', () => {
    const r = whatIf(base, { ...none, hires: [100], capacity: new Map([[1, 160]]), moves: [{ from: 1, to: -1, tier: 2, count: 10 }] });
    const hire = r.rows.find((row) => row.added)!;
    expect(hire).toMatchObject({ id: -1, before: null, after: { owed: 5, available: 100, accounts: 10, over: false } });
    // 160 h less 40 h off = 120 h for 86 h owed.
    expect(r.rows[0]!.after).toMatchObject({ owed: 86, available: 120, over: false });
  });

  it('changes every book and the headcount when a playbook asks more', () => {
    const r = whatIf(base, { ...none, perAccount: { 3: 0.25 } });
    expect(r.rows[1]!.after.owed).toBe(45);
    const tier3 = r.tiers.find((t) => t.tier === 3)!;
    expect(tier3.before).toMatchObject({ accounts: 100, owed: 0, headcount: 0 });
    expect(tier3.after.owed).toBe(25);
    expect(tier3.after.headcount).toBeCloseTo(25 / 110);
  });
});

describe('what-if with new tier thresholds', () => {
  it('starts the books after from their accounts re-tiered, and the headcount follows', () => {
    // Aya's 20 Tier 1 accounts: 15 stay, 5 drop to Tier 2; Ken's stay; one unassigned drops to Tier 3.
    const retiered = new Map<number | null, Partial<Record<1 | 2 | 3, number>>>([[1, { 1: 15, 2: 15 }], [2, { 1: 5, 3: 100 }], [null, { 1: 1, 3: 1 }]]);
    const r = whatIf(base, { ...none, retiered, moves: [{ from: 1, to: 2, tier: 2, count: 15 }] });
    expect(r.rows[0]!.after).toMatchObject({ owed: 66, accounts: 15, over: false });
    expect(r.rows[1]!.after).toMatchObject({ accounts: 120, owed: 27.5 });
    const tier1 = r.tiers.find((t) => t.tier === 1)!;
    expect(tier1.before.accounts).toBe(27);
    expect(tier1.after).toMatchObject({ accounts: 21, owed: 84 });
    expect(r.atRisk.after).toEqual({ accounts: 2, tier1: 1 });
  });
});

describe('what-if in the URL', () => {
  it('reads what it writes, and drops what does not parse', () => {
    const w = readWhatIf({ move: ['1.none.2.5', 'none.-1.1.3', 'x.2.1.1', '1.2.4.1', '1.2.1.0'], cap: ['1.160', '2.9999'], hire: ['110', 'abc'], rule: ['2.0.6', '2.1.0', '4.0.1'] });
    expect(w.moves).toEqual([{ from: 1, to: null, tier: 2, count: 5 }, { from: null, to: -1, tier: 1, count: 3 }]);
    expect([...w.capacity]).toEqual([[1, 160]]);
    expect(w.hires).toEqual([110]);
    expect([...w.cadences]).toEqual([['2.0', 6]]);
    expect(whatIfQuery(w, '2026-11')).toBe('?month=2026-11&move=1.none.2.5&move=none.-1.1.3&cap=1.160&hire=110&rule=2.0.6');
    expect(readWhatIf(Object.fromEntries([...new URLSearchParams(whatIfQuery(w)).keys()].map((k) => [k, new URLSearchParams(whatIfQuery(w)).getAll(k)])))).toEqual(w);
    expect(isEmptyWhatIf(readWhatIf({}))).toBe(true);
    expect(isEmptyWhatIf(w)).toBe(false);
  });
});

describe('what-if forms', () => {
  const empty = readWhatIf({});
  it('adds a checked change', () => {
    const r = addFromForm(empty, { add: 'move', move_from: '3', move_to: 'none', move_tier: '2', move_count: '12' });
    expect(r.errors).toEqual({});
    expect(r.next!.moves).toEqual([{ from: 3, to: null, tier: 2, count: 12 }]);
    expect(addFromForm(empty, { add: 'rule', rule_key: '1.0', rule_every: '6' }).next!.cadences.get('1.0')).toBe(6);
    expect(addFromForm(empty, { add: 'hire', hire_hours: '120' }).next!.hires).toEqual([120]);
    expect(addFromForm(empty, { add: 'cap', cap_user: '4', cap_hours: '0' }).next!.capacity.get(4)).toBe(0);
  });
  it('says what is wrong beside each field and adds nothing', () => {
    expect(addFromForm(empty, { add: 'move', move_from: '3', move_to: '3', move_tier: '', move_count: '0' })).toEqual({
      form: 'move', next: null, errors: { move_to: 'samePlace', move_tier: 'required', move_count: 'count' },
    });
    expect(addFromForm(empty, { add: 'cap', cap_user: '', cap_hours: '800' }).errors).toEqual({ cap_user: 'required', cap_hours: 'hours' });
    expect(addFromForm(empty, { add: 'rule', rule_key: 'x', rule_every: '121' }).errors).toEqual({ rule_key: 'required', rule_every: 'every' });
    expect(addFromForm(empty, {}).form).toBeNull();
    expect(addFromForm(empty, { add: 'tiers', tier_t1: '1,000', tier_t2: '5000' }).errors).toEqual({ tier_t1: 'tier1AboveTier2' });
    expect(addFromForm(empty, { add: 'tiers', tier_t1: '1.5', tier_t2: '' }).errors).toEqual({ tier_t1: 'money', tier_t2: 'money' });
    const tiers = addFromForm(empty, { add: 'tiers', tier_t1: '¥60,000,000', tier_t2: '4000000' }).next!;
    expect(tiers.thresholds).toEqual({ tier1: '60000000', tier2: '4000000' });
    expect(whatIfQuery(tiers)).toBe('?t1=60000000&t2=4000000');
    expect(readWhatIf({ t1: '60000000', t2: '4000000' }).thresholds).toEqual(tiers.thresholds);
    expect(readWhatIf({ t1: '1', t2: '4000000' }).thresholds).toBeUndefined();
  });
});
