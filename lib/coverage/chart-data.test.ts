import { describe, expect, it } from 'vitest';
import { noCoverage } from './obligations';
import { countsCells, ratios, trendByMonth } from './chart-data';

const c = (due: number, onTime: number) => ({ ...noCoverage, due, onTime, missed: due - onTime });

describe('coverage chart data', () => {
  it('puts every series on every month, zero where nothing fell due', () => {
    const t = trendByMonth(
      [
        { month: '2026-01', tier: null, ...c(4, 3) },
        { month: '2026-01', tier: 1, ...c(4, 3) },
        { month: '2026-03', tier: null, ...c(2, 2) },
        { month: '2026-03', tier: 2, ...c(2, 2) },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(ratios(t.total)).toEqual([0.75, null, 1]);
    expect(ratios(t[1])).toEqual([0.75, null, null]);
    expect(ratios(t[2])).toEqual([null, null, 1]);
    expect(t[3].every((x) => x.due === 0)).toBe(true);
  });

  it('writes coverage in CSV as a percentage with one decimal, empty when nothing was due', () => {
    expect(countsCells(c(3, 2))).toEqual([3, 2, 0, 1, 0, 0, '66.7']);
    expect(countsCells(noCoverage).at(-1)).toBe('');
  });
});
