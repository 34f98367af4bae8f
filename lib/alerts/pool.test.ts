import { describe, expect, it } from 'vitest';
import { assignMany, pickPoolMember, type PoolMember } from './pool';

const member = (userId: number, o: Partial<PoolMember> = {}): PoolMember => ({ userId, openPooledTasks: 0, freeHours: 40, lastAssignedAt: null, ...o });
const equals = (k: number, o: Partial<PoolMember> = {}) => Array.from({ length: k }, (_, i) => member(i + 1, o));
const spread = (counts: Record<number, number>) => Math.max(...Object.values(counts)) - Math.min(...Object.values(counts));

describe('pickPoolMember', () => {
  it('has nobody to pick in an empty pool', () => {
    expect(pickPoolMember([])).toBeNull();
  });

  it('picks the lowest load after the task, open pooled tasks per free hour', () => {
    // 1: (2 + 1) / 10 = 0.3; 2: (4 + 1) / 20 = 0.25; 3: (0 + 1) / 2 = 0.5
    const pick = pickPoolMember([member(1, { openPooledTasks: 2, freeHours: 10 }), member(2, { openPooledTasks: 4, freeHours: 20 }), member(3, { freeHours: 2 })]);
    expect(pick).toEqual({ userId: 2, reason: { openPooledTasks: 4, freeHours: 20, loadAfter: 0.25, tie: false } });
  });

  it('leaves out members without free hours while anyone has some', () => {
    const pick = pickPoolMember([member(1, { freeHours: 0 }), member(2, { freeHours: -5 }), member(3, { openPooledTasks: 30, freeHours: 1 })]);
    expect(pick?.userId).toBe(3);
  });

  it('breaks ties by turn: never assigned first, then least recently, then lowest userId', () => {
    const pick = pickPoolMember([member(1, { lastAssignedAt: 2000 }), member(2, { lastAssignedAt: 1000 }), member(3, { lastAssignedAt: 3000 })]);
    expect(pick).toMatchObject({ userId: 2, reason: { tie: true } });
    expect(pickPoolMember([member(1, { lastAssignedAt: 1000 }), member(2)])?.userId).toBe(2);
    expect(pickPoolMember([member(5), member(3), member(4)])?.userId).toBe(3);
    expect(pickPoolMember([member(5, { lastAssignedAt: 7 }), member(3, { lastAssignedAt: 7 })])?.userId).toBe(3);
  });

  it('counts loads equal within 1e-9 as a tie', () => {
    // 0.1 * 3 is 0.30000000000000004 in floating point.
    const members = [member(1, { openPooledTasks: 2, freeHours: 10, lastAssignedAt: 50 }), member(2, { openPooledTasks: 0, freeHours: 1 / (0.1 * 3), lastAssignedAt: 10 })];
    expect(pickPoolMember(members)).toMatchObject({ userId: 2, reason: { tie: true } });
  });

  it('says no tie when one member is clearly ahead, even among many', () => {
    expect(pickPoolMember([member(1, { openPooledTasks: 1 }), member(2), member(3, { openPooledTasks: 1 })])).toMatchObject({ userId: 2, reason: { tie: false } });
  });

  it('with nobody free, picks the fewest open pooled tasks, by turn among equals', () => {
    const members = [member(1, { freeHours: 0, openPooledTasks: 3 }), member(2, { freeHours: -2, openPooledTasks: 1, lastAssignedAt: 9 }), member(3, { freeHours: 0, openPooledTasks: 1, lastAssignedAt: 4 })];
    expect(pickPoolMember(members)).toEqual({ userId: 3, reason: { openPooledTasks: 1, freeHours: 0, loadAfter: null, tie: true } });
  });

  it('does not change its input', () => {
    const members = [member(1), member(2)];
    const copy = structuredClone(members);
    pickPoolMember(members);
    assignMany(members, 10);
    expect(members).toEqual(copy);
  });
});

describe('assignMany: fairness', () => {
  it.each([2, 3, 7])('keeps %i equal members within one task of each other over 100 assignments', (k) => {
    const counts = assignMany(equals(k), 100);
    expect(Object.values(counts).reduce((s, c) => s + c, 0)).toBe(100);
    expect(spread(counts)).toBeLessThanOrEqual(1);
  });

  it.each([2, 3, 7])('keeps %i equal members within one task after every single assignment', (k) => {
    for (let n = 1; n <= 100; n++) expect(spread(assignMany(equals(k), n))).toBeLessThanOrEqual(1);
  });

  it('keeps equal members with no free hours within one task too', () => {
    expect(spread(assignMany(equals(3, { freeHours: 0 }), 100))).toBeLessThanOrEqual(1);
  });

  it('gives the lagging member the next tasks until it catches up, then takes turns', () => {
    const members = [member(1, { openPooledTasks: 5 }), member(2, { openPooledTasks: 5 }), member(3, { openPooledTasks: 0 })];
    expect(assignMany(members, 5)).toEqual({ 1: 0, 2: 0, 3: 5 });
    const counts = assignMany(members, 100);
    const totals = members.map((m) => m.openPooledTasks + counts[m.userId]!);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
  });

  it('converges from unequal counts and remembered turns', () => {
    const members = [member(1, { openPooledTasks: 12, lastAssignedAt: 100 }), member(2, { openPooledTasks: 3, lastAssignedAt: 300 }), member(3, { openPooledTasks: 7, lastAssignedAt: 200 })];
    const counts = assignMany(members, 100);
    const totals = members.map((m) => m.openPooledTasks + counts[m.userId]!);
    // 2 and 3 catch up to 12 first; then turns go 1 (oldest turn, 100), 3, 2, … and the last round stops after 1 and 3.
    expect(counts).toMatchObject({ 1: 29, 3: 34 });
    expect(totals).toEqual([41, 40, 41]);
  });

  it('weights by free hours: twice the hours, about twice the tasks', () => {
    const counts = assignMany([member(1, { freeHours: 20 }), member(2, { freeHours: 10 })], 99);
    expect(counts[1]! + counts[2]!).toBe(99);
    expect(Math.abs(counts[1]! - 2 * counts[2]!)).toBeLessThanOrEqual(2);
  });

  it('weights three members 3 : 2 : 1 by their free hours', () => {
    const counts = assignMany([member(1, { freeHours: 30 }), member(2, { freeHours: 20 }), member(3, { freeHours: 10 })], 120);
    expect(counts[1]).toBeGreaterThanOrEqual(58);
    expect(counts[1]).toBeLessThanOrEqual(62);
    expect(counts[2]).toBeGreaterThanOrEqual(38);
    expect(counts[2]).toBeLessThanOrEqual(42);
    expect(counts[3]).toBeGreaterThanOrEqual(18);
    expect(counts[3]).toBeLessThanOrEqual(22);
  });

  it('assigns nothing in an empty pool and lists members who got nothing', () => {
    expect(assignMany([], 5)).toEqual({});
    expect(assignMany([member(1), member(2, { openPooledTasks: 10 })], 3)).toEqual({ 1: 3, 2: 0 });
  });
});
