import type { Format } from '@/lib/format';

// The signal values behind an alert, in words: the same for a rule's preview
// (admin) and a raised task's why (the inbox). Each caller passes its own
// catalog (`say` reads keys such as "daysSinceSeen" under its own prefix) and
// the reader's formatters, so numbers, lists and dates read as elsewhere in
// the app (never an ISO date).

export const valueWordKeys = ['daysSinceSeen', 'neverSeen', 'pricingViews', 'scoreWas', 'score', 'unusedFeatures', 'renewalDate', 'nps'] as const;
export type ValueWordKey = (typeof valueWordKeys)[number];

type Say = (key: ValueWordKey, values?: Record<string, string | number>) => string;

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** One phrase per value the alert recorded, in a fixed order: last seen, pricing views, health, unused features, renewal, NPS. */
export function valueWords(values: Record<string, unknown>, say: Say, format: Pick<Format, 'date' | 'list' | 'number'>): string[] {
  const words: string[] = [];
  if ('daysSinceSeen' in values) {
    const days = num(values.daysSinceSeen);
    words.push(days === null ? say('neverSeen') : say('daysSinceSeen', { days }));
  }
  const views = num(values.pricingViews);
  if (views !== null) words.push(say('pricingViews', { count: views }));
  const score = num(values.score);
  const then = num(values.scoreThen);
  if (score !== null) words.push(then !== null ? say('scoreWas', { score, then }) : say('score', { score }));
  if (Array.isArray(values.unusedFeatures) && values.unusedFeatures.length) words.push(say('unusedFeatures', { features: format.list(values.unusedFeatures.map(String)) }));
  if (typeof values.renewalDate === 'string') words.push(say('renewalDate', { date: format.date(values.renewalDate) }));
  const nps = num(values.nps);
  if (nps !== null) words.push(say('nps', { nps: format.number(nps) }));
  return words;
}
