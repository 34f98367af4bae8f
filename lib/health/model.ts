// The health model (DOMAIN.md "Signals, health and alerts"): weighted
// components, each scoring one measure 0–100 by three anchor values, linear
// between them and clamped (either direction: more logins is better, more
// tickets worse). Missing data is left out and the remaining weights
// rescaled; the score says what share of its weight had data.

export const measures = [
  'active_users_30d',
  'active_users_7d',
  'days_since_seen',
  'feature_adoption',
  'usage_trend',
  'pricing_views_7d',
  'tickets_30d',
  'nps',
  'days_since_human_touch',
  'pulse',
  'event_30d',
] as const;
export type Measure = (typeof measures)[number];

export const componentKinds = ['usage', 'engagement', 'support', 'survey', 'pulse', 'touch', 'custom'] as const;
export type ComponentKind = (typeof componentKinds)[number];

export type HealthComponent = {
  /** Stable within a model: names the component in breakdowns. */
  key: string;
  kind: ComponentKind;
  measure: Measure;
  /** For `event_30d`: the event counted over 30 days. */
  event?: string | null;
  /** The measure's values scoring 0, 50 and 100 points. */
  at0: number;
  at50: number;
  at100: number;
  /** Relative weight, > 0. */
  weight: number;
};

export type HealthModel = { version: number; components: HealthComponent[]; poorMax: number; averageMax: number };

export const bands = ['poor', 'average', 'good'] as const;
export type Band = (typeof bands)[number];

/** Version 1, what a new workspace starts with. */
export const defaultComponents: HealthComponent[] = [
  { key: 'active_users', kind: 'usage', measure: 'active_users_30d', at0: 0, at50: 3, at100: 10, weight: 15 },
  { key: 'usage_trend', kind: 'usage', measure: 'usage_trend', at0: -50, at50: 0, at100: 30, weight: 10 },
  { key: 'last_seen', kind: 'engagement', measure: 'days_since_seen', at0: 30, at50: 7, at100: 1, weight: 20 },
  { key: 'adoption', kind: 'engagement', measure: 'feature_adoption', at0: 0, at50: 40, at100: 80, weight: 15 },
  { key: 'tickets', kind: 'support', measure: 'tickets_30d', at0: 8, at50: 3, at100: 0, weight: 10 },
  { key: 'nps', kind: 'survey', measure: 'nps', at0: 0, at50: 7, at100: 10, weight: 10 },
  { key: 'pulse', kind: 'pulse', measure: 'pulse', at0: 0, at50: 50, at100: 100, weight: 10 },
  { key: 'human_touch', kind: 'touch', measure: 'days_since_human_touch', at0: 120, at50: 60, at100: 14, weight: 10 },
];

/** Points (0–100, unrounded) for `value`: linear between the anchors, clamped outside them. */
export function componentPoints(value: number, c: Pick<HealthComponent, 'at0' | 'at50' | 'at100'>): number {
  // Either direction: read the anchors so that the measure rises from at0 to at100.
  const up = c.at100 > c.at0;
  const v = up ? value : -value;
  const [a0, a50, a100] = up ? [c.at0, c.at50, c.at100] : [-c.at0, -c.at50, -c.at100];
  if (v <= a0) return 0;
  if (v >= a100) return 100;
  return v <= a50 ? (50 * (v - a0)) / (a50 - a0) : 50 + (50 * (v - a50)) / (a100 - a50);
}

/** A score's band: poor up to poorMax, average up to averageMax, good above. */
export function bandOf(score: number, m: Pick<HealthModel, 'poorMax' | 'averageMax'>): Band {
  return score <= m.poorMax ? 'poor' : score <= m.averageMax ? 'average' : 'good';
}

/** Half up to a whole number, after dropping float noise (62.49999999 from 62.5 stays 63). */
export const roundHalfUp = (x: number) => Math.floor(Math.round(x * 1e6) / 1e6 + 0.5);

export type HealthPart = { component: HealthComponent; value: number | null; points: number | null; weight: number; /** Of the weights that had data, 0–1; 0 without data. */ share: number };
export type HealthResult = { score: number | null; band: Band | null; dataShare: number; parts: HealthPart[] };

/** The score of one account from its measures' values (null: no data). */
export function healthScore(valueOf: (c: HealthComponent) => number | null, m: Pick<HealthModel, 'components' | 'poorMax' | 'averageMax'>): HealthResult {
  const total = m.components.reduce((s, c) => s + c.weight, 0);
  const scored = m.components.map((c) => {
    const value = valueOf(c);
    return { component: c, value, points: value === null ? null : componentPoints(value, c), weight: c.weight };
  });
  const withData = scored.filter((p) => p.points !== null).reduce((s, p) => s + p.weight, 0);
  const parts = scored.map((p) => ({ ...p, share: p.points === null || !withData ? 0 : p.weight / withData }));
  if (!withData) return { score: null, band: null, dataShare: 0, parts };
  const score = roundHalfUp(parts.reduce((s, p) => s + (p.points ?? 0) * p.share, 0));
  return { score, band: bandOf(score, m), dataShare: total ? withData / total : 0, parts };
}

/** Why a component cannot be saved, by field; empty when it can. */
export function componentProblems(c: HealthComponent): Partial<Record<'at0' | 'at50' | 'at100' | 'weight' | 'event', string>> {
  const problems: Partial<Record<'at0' | 'at50' | 'at100' | 'weight' | 'event', string>> = {};
  if (![c.at0, c.at50, c.at100, c.weight].every(Number.isFinite)) return { at0: 'validation.number' };
  if (c.at0 === c.at100) problems.at100 = 'validation.anchorsEqual';
  else if (!(Math.min(c.at0, c.at100) < c.at50 && c.at50 < Math.max(c.at0, c.at100))) problems.at50 = 'validation.midBetween';
  if (!(c.weight > 0)) problems.weight = 'validation.tooSmall';
  if (c.measure === 'event_30d' && !c.event?.trim()) problems.event = 'validation.required';
  return problems;
}

/** An account's signals as numbers (null: no data), by measure; `event_30d` by event name. */
export type SignalValues = Record<Exclude<Measure, 'event_30d'>, number | null> & { events30d: Record<string, number> | null };

/** A component's value among an account's signals. */
export function valueFor(values: SignalValues, c: HealthComponent): number | null {
  if (c.measure === 'event_30d') return values.events30d === null ? null : (values.events30d[c.event ?? ''] ?? 0);
  return values[c.measure];
}
