import { describe, expect, it } from 'vitest';
import { goalConversion } from './conversion';

describe('goalConversion', () => {
  it('counts delivered accounts whose goal came within the window after their first delivery', () => {
    const c = goalConversion(
      [
        { delivered: true, daysToGoal: 0, accounts: 2 },
        { delivered: true, daysToGoal: 14, accounts: 1 },
        { delivered: true, daysToGoal: 15, accounts: 3 },
        { delivered: true, daysToGoal: null, accounts: 4 },
      ],
      14,
    );
    expect(c.delivered).toEqual({ accounts: 10, converted: 3, rate: 0.3 });
  });

  it('compares with the audience accounts not delivered, counted from the campaign start', () => {
    const c = goalConversion(
      [
        { delivered: true, daysToGoal: 3, accounts: 5 },
        { delivered: true, daysToGoal: null, accounts: 5 },
        { delivered: false, daysToGoal: 7, accounts: 1 },
        { delivered: false, daysToGoal: 30, accounts: 2 },
        { delivered: false, daysToGoal: null, accounts: 7 },
      ],
      7,
    );
    expect(c.delivered.rate).toBe(0.5);
    expect(c.comparison).toEqual({ accounts: 10, converted: 1, rate: 0.1 });
    expect(c.lift).toBeCloseTo(0.4);
  });

  it('a shorter window converts fewer of the same accounts', () => {
    const rows = [
      { delivered: true, daysToGoal: 10, accounts: 1 },
      { delivered: false, daysToGoal: 10, accounts: 1 },
    ];
    expect(goalConversion(rows, 14).delivered.converted).toBe(1);
    expect(goalConversion(rows, 9).delivered.converted).toBe(0);
    expect(goalConversion(rows, 9).comparison.converted).toBe(0);
  });

  it('a goal before the window start does not count', () => {
    expect(goalConversion([{ delivered: true, daysToGoal: -1, accounts: 1 }], 14).delivered.converted).toBe(0);
  });

  it('gives no rate and no lift for an empty group', () => {
    const c = goalConversion([{ delivered: true, daysToGoal: 1, accounts: 4 }], 14);
    expect(c.comparison).toEqual({ accounts: 0, converted: 0, rate: null });
    expect(c.lift).toBeNull();
    expect(goalConversion([], 14)).toEqual({ delivered: { accounts: 0, converted: 0, rate: null }, comparison: { accounts: 0, converted: 0, rate: null }, lift: null });
  });

  it('refuses a window that is not a positive whole number of days', () => {
    expect(() => goalConversion([], 0)).toThrow(RangeError);
    expect(() => goalConversion([], 1.5)).toThrow(RangeError);
  });
});
