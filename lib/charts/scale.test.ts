import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks, pointX, ratioTicks, stack, toPercent } from './scale';

describe('niceTicks', () => {
  it('ends on a round value at or above the largest', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });
  it('never steps below 1 for whole counts', () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceStep(3, 4)).toBe(1);
  });
  it('reads fractions', () => {
    expect(niceTicks(0.9, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('has an axis when nothing is counted', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('ratioTicks', () => {
  it('is 0 to 100 % in quarters', () => {
    expect(ratioTicks()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ratioTicks(0.4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('extends past 100 % for utilisation above capacity', () => {
    expect(ratioTicks(1.3)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  });
});

describe('toPercent and stack', () => {
  it('clamps to the plot', () => {
    expect(toPercent(5, 10)).toBe(50);
    expect(toPercent(15, 10)).toBe(100);
    expect(toPercent(-1, 10)).toBe(0);
    expect(toPercent(1, 0)).toBe(0);
  });
  it('lays segments end to end', () => {
    expect(stack([2, 0, 3], 10)).toEqual([
      { start: 0, width: 20 },
      { start: 20, width: 0 },
      { start: 20, width: 30 },
    ]);
  });
});

describe('pointX', () => {
  it('centres each month in its slot', () => {
    expect(pointX(0, 4)).toBe(12.5);
    expect(pointX(3, 4)).toBe(87.5);
    expect(pointX(0, 1)).toBe(50);
  });
});
