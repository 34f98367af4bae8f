import { describe, expect, it } from 'vitest';
import { bandOf, componentPoints, componentProblems, defaultComponents, healthScore, roundHalfUp, type HealthComponent } from './model';

const comp = (o: Partial<HealthComponent>): HealthComponent => ({ key: 'k', kind: 'usage', measure: 'active_users_30d', at0: 0, at50: 5, at100: 10, weight: 1, ...o });
const bands = { poorMax: 50, averageMax: 75 };

describe('componentPoints', () => {
  it('interpolates linearly between the anchors and clamps outside them', () => {
    const c = comp({ at0: 0, at50: 4, at100: 10 });
    expect([-1, 0, 2, 4, 7, 10, 50].map((v) => componentPoints(v, c))).toEqual([0, 0, 25, 50, 75, 100, 100]);
  });

  it('reads either direction: fewer tickets is better', () => {
    const tickets = comp({ at0: 8, at50: 3, at100: 0 });
    expect([10, 8, 5.5, 3, 1.5, 0].map((v) => componentPoints(v, tickets))).toEqual([0, 0, 25, 50, 75, 100]);
  });
});

describe('healthScore', () => {
  const model = { components: [comp({ key: 'a', weight: 3 }), comp({ key: 'b', weight: 1 }), comp({ key: 'c', weight: 1, at0: 10, at50: 5, at100: 0 })], ...bands };

  it('weights the points of the components with data', () => {
    // a: 10 → 100 (w 3), b: 5 → 50 (w 1), c: 0 → 100 (w 1): (300 + 50 + 100) / 5 = 90
    const values: Record<string, number> = { a: 10, b: 5, c: 0 };
    expect(healthScore((c) => values[c.key] ?? null, model)).toMatchObject({ score: 90, band: 'good', dataShare: 1 });
  });

  it('leaves missing data out, rescales the remaining weights and says what share had data', () => {
    const values: Record<string, number | null> = { a: null, b: 5, c: 0 };
    const r = healthScore((c) => values[c.key] ?? null, model);
    // (50 + 100) / 2 = 75: average, with 2 of 5 weight units of data.
    expect(r).toMatchObject({ score: 75, band: 'average', dataShare: 0.4 });
    expect(r.parts.map((p) => [p.component.key, p.points, p.share])).toEqual([
      ['a', null, 0],
      ['b', 50, 0.5],
      ['c', 100, 0.5],
    ]);
  });

  it('has no score when nothing has data', () => {
    expect(healthScore(() => null, model)).toMatchObject({ score: null, band: null, dataShare: 0 });
  });

  it('rounds half up', () => {
    // a: 2.5 → 25 (w 1), b: 5 → 50 (w 1): 37.5 → 38
    const m = { components: [comp({ key: 'a' }), comp({ key: 'b' })], ...bands };
    const values: Record<string, number> = { a: 2.5, b: 5 };
    expect(healthScore((c) => values[c.key]!, m).score).toBe(38);
    expect([0.5, 1.5, 62.5, 62.49999999999, 74.4999].map(roundHalfUp)).toEqual([1, 2, 63, 63, 74]);
  });
});

describe('bands', () => {
  it('are poor 0–50, average 51–75, good 76–100 by default, and move with the model', () => {
    expect([0, 50, 51, 75, 76, 100].map((s) => bandOf(s, bands))).toEqual(['poor', 'poor', 'average', 'average', 'good', 'good']);
    expect(bandOf(55, { poorMax: 60, averageMax: 80 })).toBe('poor');
  });
});

describe('componentProblems', () => {
  it('needs the middle anchor strictly between the others, a positive weight, and an event for a custom count', () => {
    expect(componentProblems(comp({}))).toEqual({});
    expect(componentProblems(comp({ at0: 8, at50: 3, at100: 0 }))).toEqual({});
    expect(componentProblems(comp({ at50: 12 }))).toEqual({ at50: 'validation.midBetween' });
    expect(componentProblems(comp({ at100: 0 }))).toEqual({ at100: 'validation.anchorsEqual' });
    expect(componentProblems(comp({ weight: 0 }))).toEqual({ weight: 'validation.tooSmall' });
    expect(componentProblems(comp({ measure: 'event_30d', event: ' ' }))).toEqual({ event: 'validation.required' });
  });

  it('accepts the default model', () => {
    expect(defaultComponents.map(componentProblems)).toEqual(defaultComponents.map(() => ({})));
    expect(defaultComponents.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
});
