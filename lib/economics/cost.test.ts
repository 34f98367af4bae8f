import { describe, expect, it } from 'vitest';
import { accountEconomics, costSharePct, costToServe, exceedsShare, perEach, roundMoney, tierEconomics, totalEconomics, type CostSettings } from './cost';

const settings: CostSettings = { hourlyCost: '8000', tooling: { 1: '3000', 2: '2000', 3: '500' }, thresholdPct: '20' };

describe('costToServe', () => {
  it('is hours × hourly cost + tooling per account per month × months', () => {
    // 48 h × ¥8,000 + ¥3,000 × 12 = ¥384,000 + ¥36,000
    expect(costToServe({ hours: '48', hourlyCost: '8000', toolingPerMonth: '3000', months: 12 })).toBe('420000.00000000');
  });

  it('multiplies tooling by the number of accounts for a tier total, labour by the hours alone', () => {
    expect(costToServe({ hours: '10', hourlyCost: '100', toolingPerMonth: '5', months: 12, accounts: 1000 })).toBe('61000.00000000');
  });

  it('stays exact where floats are not: 0.1 h × $0.30 + $0.20 × 3 months, and a third of an hour', () => {
    expect(0.1 * 0.3 + 0.2 * 3).not.toBe(0.63);
    expect(costToServe({ hours: '0.1', hourlyCost: '0.30', toolingPerMonth: '0.20', months: 3 })).toBe('0.63000000');
    expect(costToServe({ hours: '0.333333', hourlyCost: '85.50', toolingPerMonth: '0', months: 12 })).toBe('28.49997150');
  });

  it('keeps amounts past the range of a float exact', () => {
    expect(costToServe({ hours: '123456789.123456', hourlyCost: '99999999999999.99', toolingPerMonth: '0', months: 12 })).toBe('12345678912345598765432.10876544');
  });

  it('is nothing without hours or costs', () => {
    expect(costToServe({ hours: '0', hourlyCost: '0', toolingPerMonth: '0', months: 12 })).toBe('0.00000000');
  });

  it('refuses what is not an amount rather than guess', () => {
    expect(() => costToServe({ hours: '-1', hourlyCost: '8000', toolingPerMonth: '0', months: 12 })).toThrow();
    expect(() => costToServe({ hours: '1.0000001', hourlyCost: '8000', toolingPerMonth: '0', months: 12 })).toThrow();
  });
});

describe('roundMoney', () => {
  it('rounds half up to the currency minor units', () => {
    expect(roundMoney('1234.50000000', 0)).toBe('1235');
    expect(roundMoney('1234.49999999', 0)).toBe('1234');
    expect(roundMoney('28.49997150', 2)).toBe('28.50');
    expect(roundMoney('0.00500000', 2)).toBe('0.01');
    expect(roundMoney('0.00499999', 2)).toBe('0.00');
  });
});

describe('perEach', () => {
  it('splits an exact amount evenly, rounding the last decimal half up; none for no accounts', () => {
    expect(perEach('100.00000000', 3)).toBe('33.33333333');
    expect(perEach('200.00000000', 3)).toBe('66.66666667');
    expect(perEach('100', 0)).toBeNull();
  });
});

describe('costSharePct', () => {
  it('is cost ÷ ARR in percent, one decimal half up', () => {
    expect(costSharePct('420000', '2100000', 12)).toBe('20.0');
    expect(costSharePct('1', '3', 12)).toBe('33.3');
    expect(costSharePct('2', '3', 12)).toBe('66.7');
  });

  it('compares a part of a year with the ARR of those months', () => {
    // 8 months of a running fiscal year: ARR ¥1,200,000 earns ¥800,000 by then.
    expect(costSharePct('160000', '1200000', 8)).toBe('20.0');
  });

  it('has no share without ARR, or with ARR of zero', () => {
    expect(costSharePct('100', null, 12)).toBeNull();
    expect(costSharePct('100', '0', 12)).toBeNull();
  });
});

describe('exceedsShare', () => {
  it('is over only past the line: exactly 20 % is not over, a yen more is', () => {
    expect(exceedsShare('200000', '1000000', 12, '20')).toBe(false);
    expect(exceedsShare('200000.00000001', '1000000', 12, '20')).toBe(true);
    expect(exceedsShare('199999.99999999', '1000000', 12, '20')).toBe(false);
  });

  it('takes a threshold with decimals and a part of a year', () => {
    expect(exceedsShare('12500', '100000', 12, '12.5')).toBe(false);
    expect(exceedsShare('12501', '100000', 12, '12.5')).toBe(true);
    // 6 months: ARR 100,000 earns 50,000; 20 % of it is 10,000.
    expect(exceedsShare('10000', '100000', 6, '20')).toBe(false);
    expect(exceedsShare('10001', '100000', 6, '20')).toBe(true);
  });

  it('never flags unknown ARR; flags zero ARR as soon as anything is spent', () => {
    expect(exceedsShare('1000000', null, 12, '20')).toBe(false);
    expect(exceedsShare('0.01', '0', 12, '20')).toBe(true);
    expect(exceedsShare('0', '0', 12, '20')).toBe(false);
  });
});

describe('tierEconomics', () => {
  it('sums a tier: labour for its hours, tooling for each account, the average and the share of its ARR', () => {
    const tier = tierEconomics({ tier: 1, accounts: 3, arr: '30000000', ltv: '240000000', hours: '150.5' }, settings, 12);
    // 150.5 h × 8,000 = 1,204,000; 3,000 × 12 × 3 = 108,000
    expect(tier.cost).toBe('1312000.00000000');
    expect(tier.perAccount).toBe('437333.33333333');
    expect(tier.sharePct).toBe('4.4');
    expect(tier.ltv).toBe('240000000');
  });

  it('has no average or share for an empty tier', () => {
    const tier = tierEconomics({ tier: 3, accounts: 0, arr: '0', ltv: '0', hours: '0' }, settings, 12);
    expect(tier).toMatchObject({ cost: '0.00000000', perAccount: null, sharePct: null });
  });
});

describe('accountEconomics', () => {
  it('costs one account with its tier tooling and says whether it is over the line', () => {
    // 23.5 h × 8,000 + 2,000 × 12 = 212,000 on ARR 1,000,000: 21.2 % > 20 %
    expect(accountEconomics({ tier: 2, arr: '1000000.00', hours: '23.500000' }, settings, 12)).toEqual({ cost: '212000.00000000', sharePct: '21.2', over: true });
    expect(accountEconomics({ tier: 3, arr: '1000000.00', hours: '0' }, settings, 12)).toEqual({ cost: '6000.00000000', sharePct: '0.6', over: false });
  });
});

describe('totalEconomics', () => {
  it('adds each tier with its own tooling, then averages over every account and takes the share of all ARR', () => {
    const tiers = [
      tierEconomics({ tier: 1, accounts: 2, arr: '20000000.00', ltv: '160000000', hours: '100.333333' }, settings, 12),
      tierEconomics({ tier: 2, accounts: 1, arr: '3000000.50', ltv: '9000000', hours: '0.666667' }, settings, 12),
      tierEconomics({ tier: 3, accounts: 0, arr: '0', ltv: '0', hours: '0' }, settings, 12),
    ];
    const total = totalEconomics(tiers, 12);
    // 100.333333 × 8,000 + 3,000 × 12 × 2 = 874,666.664; 0.666667 × 8,000 + 2,000 × 12 = 29,333.336
    expect(total).toEqual({ accounts: 3, arr: '23000000.50', ltv: '169000000.00', hours: '101.000000', cost: '904000.00000000', perAccount: '301333.33333333', sharePct: '3.9' });
  });
});
