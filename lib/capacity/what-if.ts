import { bookHours, capacityFigures, headcountNeeded, type CapacityFigures } from './capacity';

// A capacity what-if (issue 12): the month as it stands, and as it would be
// after moving accounts between books, changing someone's capacity, adding
// CSMs or changing what a tier's playbook asks. Nothing is written: this
// works on the month's grouped figures (accounts per owner and tier), so it
// costs the same at 100 or 100,000 accounts.

export type Tier = 1 | 2 | 3;
export const whatIfTiers: readonly Tier[] = [1, 2, 3];

/** Someone's month as it stands: their book by tier, the hours that stay with them (hosted sessions and task estimates), capacity and time off. */
export type WhatIfPerson = { id: number; name: string; capacity: number; timeOff: number; hosted: number; book: Partial<Record<Tier, number>> };

/** `from`/`to`: a person's id, a new CSM's (negative: −1 is the first added), or null for nobody. */
export type Move = { from: number | null; to: number | null; tier: Tier; count: number };

export type Scenario = {
  moves: readonly Move[];
  /** New capacity hours a month, by person id (new CSMs' included). */
  capacity: ReadonlyMap<number, number>;
  /** Capacity hours of each CSM added, in order: the first is id −1. */
  hires: readonly number[];
  /** Hours a tier's playbook owes per account a month after its cadences change (unchanged tiers absent). */
  perAccount: Partial<Record<Tier, number>>;
  /** Each owner's book by tier after new tier thresholds (absent: the tiers stay). Moves apply after. */
  retiered?: ReadonlyMap<number | null, Partial<Record<Tier, number>>>;
};

export type Side = Pick<CapacityFigures, 'owed' | 'available' | 'utilisation' | 'over'> & { accounts: number };
export type WhatIfRow = { id: number; name: string | null; added: boolean; before: Side | null; after: Side };
export type MoveProblem = { index: number; reason: 'notEnough' | 'samePlace' | 'unknownPerson'; available: number };

export type WhatIfResult = {
  rows: WhatIfRow[];
  unassigned: { before: { owed: number; accounts: number }; after: { owed: number; accounts: number } };
  tiers: { tier: Tier; before: { accounts: number; perAccount: number; owed: number; headcount: number }; after: { accounts: number; perAccount: number; owed: number; headcount: number } }[];
  /** Accounts whose owner is over capacity, or who have none: their promised touches are at risk. */
  atRisk: { before: { accounts: number; tier1: number }; after: { accounts: number; tier1: number } };
  problems: MoveProblem[];
};

type Books = Map<number | null, Record<Tier, number>>;

const emptyBook = (): Record<Tier, number> => ({ 1: 0, 2: 0, 3: 0 });
const sum = (book: Record<Tier, number>) => book[1] + book[2] + book[3];

function side(book: Record<Tier, number>, hosted: number, capacity: number, timeOff: number, perAccount: Record<Tier, number>): Side {
  const f = capacityFigures({ owed: bookHours(book, perAccount) + hosted, booked: 0, delivered: 0, capacity, timeOff });
  return { owed: f.owed, available: f.available, utilisation: f.utilisation, over: f.over, accounts: sum(book) };
}

/**
 * The month before and after the scenario. Moves apply in order; one that
 * asks for more accounts than the book holds by then moves what is there and
 * is reported in `problems` (so is a move to or from someone unknown, which
 * moves nothing). Time off and hosted sessions stay with the person.
 */
export function whatIf(base: { people: readonly WhatIfPerson[]; unassigned: Partial<Record<Tier, number>>; perAccount: Record<Tier, number> }, scenario: Scenario): WhatIfResult {
  const perAfter: Record<Tier, number> = { ...base.perAccount, ...scenario.perAccount };
  const before: Books = new Map([[null, { ...emptyBook(), ...base.unassigned }]]);
  for (const p of base.people) before.set(p.id, { ...emptyBook(), ...p.book });
  const after: Books = new Map([...before].map(([id, b]) => [id, scenario.retiered ? { ...emptyBook(), ...scenario.retiered.get(id) } : { ...b }]));
  scenario.hires.forEach((_, i) => after.set(-(i + 1), emptyBook()));

  const problems: MoveProblem[] = [];
  scenario.moves.forEach((m, index) => {
    const from = after.get(m.from);
    const to = after.get(m.to);
    if (!from || !to) return problems.push({ index, reason: 'unknownPerson', available: 0 });
    if (m.from === m.to) return problems.push({ index, reason: 'samePlace', available: from[m.tier] });
    const count = Math.min(Math.max(0, Math.trunc(m.count)), from[m.tier]);
    if (count < m.count) problems.push({ index, reason: 'notEnough', available: from[m.tier] });
    from[m.tier] -= count;
    to[m.tier] += count;
  });

  const rows: WhatIfRow[] = base.people.map((p) => ({
    id: p.id,
    name: p.name,
    added: false,
    before: side(before.get(p.id)!, p.hosted, p.capacity, p.timeOff, base.perAccount),
    after: side(after.get(p.id)!, p.hosted, scenario.capacity.get(p.id) ?? p.capacity, p.timeOff, perAfter),
  }));
  scenario.hires.forEach((hours, i) => {
    const id = -(i + 1);
    rows.push({ id, name: null, added: true, before: null, after: side(after.get(id)!, 0, scenario.capacity.get(id) ?? hours, 0, perAfter) });
  });

  const tierAccounts = (books: Books, tier: Tier) => [...books.values()].reduce((n, b) => n + b[tier], 0);
  const tiers = whatIfTiers.map((tier) => {
    const accounts = tierAccounts(before, tier);
    const accountsAfter = tierAccounts(after, tier);
    const owedBefore = accounts * base.perAccount[tier];
    const owedAfter = accountsAfter * perAfter[tier];
    return {
      tier,
      before: { accounts, perAccount: base.perAccount[tier], owed: owedBefore, headcount: headcountNeeded(owedBefore) },
      after: { accounts: accountsAfter, perAccount: perAfter[tier], owed: owedAfter, headcount: headcountNeeded(owedAfter) },
    };
  });

  const risk = (books: Books, pick: (r: WhatIfRow) => Side | null) => {
    const none = books.get(null)!;
    let accounts = sum(none);
    let tier1 = none[1];
    for (const r of rows) {
      const s = pick(r);
      if (!s?.over) continue;
      const book = books.get(r.id)!;
      accounts += sum(book);
      tier1 += book[1];
    }
    return { accounts, tier1 };
  };
  const none = { before: before.get(null)!, after: after.get(null)! };
  return {
    rows,
    unassigned: {
      before: { owed: bookHours(none.before, base.perAccount), accounts: sum(none.before) },
      after: { owed: bookHours(none.after, perAfter), accounts: sum(none.after) },
    },
    tiers,
    atRisk: { before: risk(before, (r) => r.before), after: risk(after, (r) => r.after) },
    problems,
  };
}
