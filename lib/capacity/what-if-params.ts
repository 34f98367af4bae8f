import type { Move, Tier } from './what-if';

// A what-if lives in its URL, so it can be shared, bookmarked and built with
// plain GET forms: `move=from.to.tier.count` (an id, `none` for nobody, −n
// for the n-th CSM added), `cap=id.hours`, `hire=hours`, `rule=tier.index.every` (the
// index-th rule of the tier's current playbook, from 0).
// Entries that do not parse are dropped; the forms check their fields first.

export type WhatIfParams = {
  moves: Move[];
  capacity: Map<number, number>;
  hires: number[];
  cadences: Map<string, number>;
  /** New tier thresholds (LTV, whole currency units): `t1` and `t2`, Tier 1 above Tier 2. */
  thresholds?: { tier1: string; tier2: string };
};

const maxEntries = 20;
export const maxCapacityHours = 744;
export const maxEvery = 120;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).slice(0, maxEntries);
const int = (s: string | undefined) => (s !== undefined && /^-?\d{1,6}$/.test(s) ? Number(s) : null);
const who = (s: string | undefined): number | null | undefined => (s === 'none' ? null : (int(s) ?? undefined));
const whoText = (id: number | null) => (id === null ? 'none' : String(id));

export function readWhatIf(params: Record<string, string | string[] | undefined>): WhatIfParams {
  const moves: Move[] = [];
  for (const raw of list(params.move)) {
    const [f, t, tier, n] = raw.split('.');
    const from = who(f);
    const to = who(t);
    const count = int(n);
    const tierN = int(tier);
    if (from === undefined || to === undefined || count === null || count < 1 || (tierN !== 1 && tierN !== 2 && tierN !== 3)) continue;
    moves.push({ from, to, tier: tierN as Tier, count });
  }
  const capacity = new Map<number, number>();
  for (const raw of list(params.cap)) {
    const [id, hours] = raw.split('.').map(int);
    if (id !== null && id !== undefined && hours !== null && hours !== undefined && hours >= 0 && hours <= maxCapacityHours) capacity.set(id, hours);
  }
  const hires = list(params.hire)
    .map(int)
    .filter((h): h is number => h !== null && h >= 0 && h <= maxCapacityHours);
  const cadences = new Map<string, number>();
  for (const raw of list(params.rule)) {
    const [tier, index, every] = raw.split('.').map(int);
    if ((tier === 1 || tier === 2 || tier === 3) && index !== null && index !== undefined && index >= 0 && every !== null && every !== undefined && every >= 1 && every <= maxEvery)
      cadences.set(ruleKey(tier, index), every);
  }
  const t1 = wholeMoney(one(params.t1));
  const t2 = wholeMoney(one(params.t2));
  const thresholds = t1 !== null && t2 !== null && BigInt(t1) > BigInt(t2) ? { tier1: t1, tier2: t2 } : undefined;
  return { moves, capacity, hires, cadences, ...(thresholds && { thresholds }) };
}

/** A whole amount of money as digits, without separators or currency signs; null when it is not one. */
function wholeMoney(s: string): string | null {
  const v = s.normalize('NFKC').replace(/[,\s¥$€]/g, '');
  return /^\d{1,15}$/.test(v) ? BigInt(v).toString() : null;
}

/** The URL query of a what-if (and `month` when given), in a stable order. */
export function whatIfQuery(w: WhatIfParams, month?: string): string {
  const q = new URLSearchParams();
  if (month) q.set('month', month);
  for (const m of w.moves) q.append('move', `${whoText(m.from)}.${whoText(m.to)}.${m.tier}.${m.count}`);
  for (const [id, hours] of w.capacity) q.append('cap', `${id}.${hours}`);
  for (const h of w.hires) q.append('hire', String(h));
  for (const [key, every] of w.cadences) q.append('rule', `${key}.${every}`);
  if (w.thresholds) {
    q.set('t1', w.thresholds.tier1);
    q.set('t2', w.thresholds.tier2);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether the what-if changes anything. */
export const isEmptyWhatIf = (w: WhatIfParams) => !w.moves.length && !w.capacity.size && !w.hires.length && !w.cadences.size && !w.thresholds;

/** A rule of a tier's current playbook, by its place in it. */
export const ruleKey = (tier: number, index: number) => `${tier}.${index}`;

export type WhatIfForm = 'move' | 'cap' | 'hire' | 'rule' | 'tiers';
export type WhatIfFormErrors = Partial<Record<string, 'required' | 'count' | 'hours' | 'every' | 'samePlace' | 'money' | 'tier1AboveTier2'>>;

const whole = (s: string, min: number, max: number) => (/^\d{1,6}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null);

/**
 * A change submitted by one of the what-if's GET forms (`add` names which),
 * checked field by field: the what-if with it added, or what is wrong beside
 * each field (the page shows the form again with what was typed).
 */
export function addFromForm(w: WhatIfParams, params: Record<string, string | string[] | undefined>): { form: WhatIfForm | null; next: WhatIfParams | null; errors: WhatIfFormErrors } {
  const form = one(params.add) as WhatIfForm;
  if (!['move', 'cap', 'hire', 'rule', 'tiers'].includes(form)) return { form: null, next: null, errors: {} };
  const errors: WhatIfFormErrors = {};
  const person = (field: string, allowNobody: boolean): number | null | undefined => {
    const v = one(params[field]);
    if (allowNobody && v === 'none') return null;
    const n = int(v);
    if (n === null) errors[field] = 'required';
    return n ?? undefined;
  };
  const next: WhatIfParams = { ...w, moves: [...w.moves], capacity: new Map(w.capacity), hires: [...w.hires], cadences: new Map(w.cadences) };
  if (form === 'move') {
    const from = person('move_from', true);
    const to = person('move_to', true);
    const tier = whole(one(params.move_tier), 1, 3);
    if (tier === null) errors.move_tier = 'required';
    const count = whole(one(params.move_count), 1, 5000);
    if (count === null) errors.move_count = 'count';
    if (from !== undefined && to !== undefined && from === to) errors.move_to = 'samePlace';
    if (!Object.keys(errors).length) next.moves.push({ from: from!, to: to!, tier: tier as Tier, count: count! });
  } else if (form === 'cap') {
    const id = person('cap_user', false);
    const hours = whole(one(params.cap_hours), 0, maxCapacityHours);
    if (hours === null) errors.cap_hours = 'hours';
    if (!Object.keys(errors).length) next.capacity.set(id!, hours!);
  } else if (form === 'hire') {
    const hours = whole(one(params.hire_hours), 0, maxCapacityHours);
    if (hours === null) errors.hire_hours = 'hours';
    else if (next.hires.length < maxEntries) next.hires.push(hours);
  } else if (form === 'tiers') {
    const tier1 = wholeMoney(one(params.tier_t1));
    const tier2 = wholeMoney(one(params.tier_t2));
    if (tier1 === null) errors.tier_t1 = 'money';
    if (tier2 === null) errors.tier_t2 = 'money';
    if (tier1 !== null && tier2 !== null && BigInt(tier1) <= BigInt(tier2)) errors.tier_t1 = 'tier1AboveTier2';
    if (!Object.keys(errors).length) next.thresholds = { tier1: tier1!, tier2: tier2! };
  } else {
    const key = one(params.rule_key);
    if (!/^[123]\.\d{1,3}$/.test(key)) errors.rule_key = 'required';
    const every = whole(one(params.rule_every), 1, maxEvery);
    if (every === null) errors.rule_every = 'every';
    if (!Object.keys(errors).length) next.cadences.set(key, every!);
  }
  return { form, next: Object.keys(errors).length ? null : next, errors };
}
