import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '@/lib/scheduling/local-date';
import { defaultClosures, workingCalendar } from '@/lib/scheduling/holidays';
import { weekendsOnly } from '@/lib/scheduling/working-days';
import {
  planWindow,
  propose,
  proposalKey,
  tolerance,
  type ExistingActivity,
  type PlanRule,
  type Proposal,
} from './propose';

const MEETING = 1;
const QBR = 2;
const VISIT = 3;
const meeting: PlanRule = { activityTypeId: MEETING, every: 1, unit: 'month', hours: '1.5', bookAheadDays: 14 };
const qbr: PlanRule = { activityTypeId: QBR, every: 3, unit: 'month', hours: '5', bookAheadDays: 30 };
const visit: PlanRule = { activityTypeId: VISIT, every: 12, unit: 'month', hours: '8', bookAheadDays: 60 };
const tier1 = new Map([[1, [meeting, qbr, visit]]]);

const done = (accountId: number, activityTypeId: number, date: string, extra: Partial<ExistingActivity> = {}): ExistingActivity => ({
  accountId,
  activityTypeId,
  date,
  plannedDue: null,
  status: 'completed',
  ...extra,
});

function run(rules: Map<number, PlanRule[]>, existing: ExistingActivity[], today: string, horizonMonths = 3, accounts = [{ id: 1, tier: 1 }]) {
  return propose({ accounts, rules, existing, today, horizonMonths, calendar: weekendsOnly });
}
const pick = (ps: Proposal[]) => ps.map((p) => [p.activityTypeId, p.due, p.date, p.overdue]);

/** What creating every proposal leaves behind: planned activities at the suggested date, for their due date. */
const created = (ps: Proposal[], move = 0): ExistingActivity[] =>
  ps.map((p) => ({ accountId: p.accountId, activityTypeId: p.activityTypeId, date: addDays(p.date, move), plannedDue: p.due, status: 'planned' }));

describe('helpers', () => {
  it('has a window of whole months and a tolerance of half the shortest interval', () => {
    expect(planWindow('2027-01-31', 3)).toEqual({ from: '2027-01-31', until: '2027-04-30', lastDay: '2027-04-29' });
    expect([tolerance(meeting), tolerance(qbr), tolerance({ every: 1, unit: 'week' }), tolerance({ every: 1, unit: 'day' })]).toEqual([14, 42, 3, 0]);
  });
});

describe('propose', () => {
  it('for an account never touched: everything is due now, then on the cadence', () => {
    const ps = run(tier1, [], '2027-03-10');
    expect(pick(ps)).toEqual([
      [MEETING, '2027-03-10', '2027-03-10', false],
      [QBR, '2027-03-10', '2027-03-10', false],
      [VISIT, '2027-03-10', '2027-03-10', false],
      [MEETING, '2027-04-10', '2027-04-12', false], // Saturday → Monday
      [MEETING, '2027-05-10', '2027-05-10', false],
    ]);
    expect(ps[0]).toMatchObject({ bookBy: '2027-02-24', hours: '1.5' });
  });

  it('counts from the last touch without drifting at month ends', () => {
    const ps = run(new Map([[1, [meeting]]]), [done(1, MEETING, '2027-01-31')], '2027-02-01', 4);
    expect(ps.map((p) => p.due)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    expect(ps[0]?.date).toBe('2027-03-01'); // Feb 28 2027 is a Sunday
  });

  it('lands a quarterly QBR on the leap day', () => {
    const ps = run(new Map([[1, [qbr]]]), [done(1, QBR, '2027-11-29')], '2027-12-01', 6);
    expect(pick(ps)).toEqual([[QBR, '2028-02-29', '2028-02-29', false], [QBR, '2028-05-29', '2028-05-29', false]]);
  });

  it('follows weekly and daily cadences, never stacking two on one day', () => {
    const weekly: PlanRule = { ...meeting, every: 1, unit: 'week' };
    const w = run(new Map([[1, [weekly]]]), [done(1, MEETING, '2027-03-01')], '2027-03-03', 1);
    expect(w.map((p) => p.due)).toEqual(['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29']);

    const daily: PlanRule = { ...meeting, every: 1, unit: 'day' };
    const d = run(new Map([[1, [daily]]]), [done(1, MEETING, '2027-03-04')], '2027-03-04', 1);
    const dates = d.map((p) => p.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((x) => weekday(x) !== 0 && weekday(x) !== 6)).toBe(true);
    expect(dates.slice(0, 4)).toEqual(['2027-03-05', '2027-03-08', '2027-03-09', '2027-03-10']);
  });

  it('proposes one catch-up for missed dues, on the next working day, then carries on', () => {
    // Last QBR 2026-06-01; Sep, Dec and Mar were missed.
    const ps = run(new Map([[1, [qbr]]]), [done(1, QBR, '2026-06-01')], '2027-03-12');
    expect(pick(ps)).toEqual([
      [QBR, '2027-03-01', '2027-03-15', true], // Friday the 12th → Monday
      [QBR, '2027-06-01', '2027-06-01', false],
    ]);
  });

  it('takes planned and completed activities near a due date as covering it; cancelled and no-shows do not', () => {
    const rules = new Map([[1, [meeting]]]);
    const base = [done(1, MEETING, '2027-02-10')];
    const near = run(rules, [...base, done(1, MEETING, '2027-03-20', { status: 'planned' })], '2027-03-01');
    expect(near.map((p) => p.due)).toEqual(['2027-04-10', '2027-05-10']);
    const far = run(rules, [...base, done(1, MEETING, '2027-03-25', { status: 'planned' })], '2027-03-01');
    expect(far.map((p) => p.due)).toEqual(['2027-03-10', '2027-04-10', '2027-05-10']);
    for (const status of ['cancelled', 'no_show'] as const) {
      const ps = run(rules, [...base, done(1, MEETING, '2027-03-10', { status })], '2027-03-01');
      expect(ps.map((p) => p.due)).toEqual(['2027-03-10', '2027-04-10', '2027-05-10']);
    }
    // Other accounts' and other types' activities do not count.
    const other = run(rules, [...base, done(2, MEETING, '2027-03-10', { status: 'planned' }), done(1, QBR, '2027-03-10', { status: 'planned' })], '2027-03-01');
    expect(other.map((p) => p.due)).toEqual(['2027-03-10', '2027-04-10', '2027-05-10']);
  });

  it('when only future touches are booked, starts from the first of them', () => {
    const ps = run(new Map([[1, [qbr]]]), [done(1, QBR, '2027-04-15', { status: 'planned' })], '2027-03-01', 12);
    expect(ps.map((p) => p.due)).toEqual(['2027-07-15', '2027-10-15', '2028-01-15']);
  });

  it('proposes nothing for a tier without rules, and goes account by account in date order', () => {
    const accounts = [
      { id: 1, tier: 1 },
      { id: 2, tier: 3 },
      { id: 3, tier: 1 },
    ];
    const ps = run(tier1, [done(3, MEETING, '2027-03-01'), done(3, QBR, '2027-02-01'), done(3, VISIT, '2026-09-01')], '2027-03-10', 3, accounts);
    expect(ps.some((p) => p.accountId === 2)).toBe(false);
    expect(ps.filter((p) => p.accountId === 3).map((p) => [p.activityTypeId, p.date])).toEqual([
      [MEETING, '2027-04-01'],
      [MEETING, '2027-05-03'], // May 1 2027 is a Saturday
      [QBR, '2027-05-03'],
      [MEETING, '2027-06-01'],
    ]);
    expect(ps.findIndex((p) => p.accountId === 3)).toBeGreaterThan(ps.findLastIndex((p) => p.accountId === 1));
  });
});

describe('running it twice', () => {
  const scenarios: [string, Map<number, PlanRule[]>, ExistingActivity[], string, number][] = [
    ['never touched', tier1, [], '2027-03-10', 3],
    ['never touched, a year', tier1, [], '2027-03-13', 12],
    ['month ends', tier1, [done(1, MEETING, '2027-01-31'), done(1, QBR, '2026-11-30'), done(1, VISIT, '2026-02-28')], '2027-02-01', 6],
    ['long overdue', tier1, [done(1, MEETING, '2025-05-31'), done(1, QBR, '2025-01-31')], '2027-03-12', 12],
    ['leap year', new Map([[1, [qbr, { ...visit, every: 1 }]]]), [done(1, QBR, '2027-11-30'), done(1, VISIT, '2027-02-28')], '2028-02-27', 12],
    ['weekly', new Map([[1, [{ ...meeting, every: 1, unit: 'week' as const }]]]), [done(1, MEETING, '2027-02-20')], '2027-03-10', 3],
    ['daily', new Map([[1, [{ ...meeting, every: 1, unit: 'day' as const }]]]), [done(1, MEETING, '2027-03-01')], '2027-03-10', 3],
    ['every 10 days', new Map([[1, [{ ...meeting, every: 10, unit: 'day' as const }]]]), [], '2027-03-06', 6],
    ['some planned already', tier1, [done(1, MEETING, '2027-02-10'), done(1, MEETING, '2027-04-12', { status: 'planned' }), done(1, QBR, '2027-05-01', { status: 'planned' })], '2027-03-01', 6],
  ];

  it.each(scenarios)('%s: creating the proposals leaves nothing to propose', (_, rules, existing, today, horizon) => {
    const first = run(rules, existing, today, horizon);
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first.map(proposalKey)).size).toBe(first.length);
    expect(run(rules, [...existing, ...created(first)], today, horizon)).toEqual([]);
    // Still nothing when the CSM moved each by a day or two (within the cadence's tolerance).
    const move = Math.min(2, ...[...rules.values()].flat().map(tolerance));
    expect(run(rules, [...existing, ...created(first, move)], today, horizon)).toEqual([]);
    // Created only some: it never proposes again one already created, nor a second one on the same day.
    const kept = first.filter((_, i) => i % 2 === 0);
    const rest = run(rules, [...existing, ...created(kept)], today, horizon);
    const keptKeys = new Set(kept.map(proposalKey));
    const keptDays = new Set(kept.map((p) => `${p.activityTypeId}:${p.date}`));
    expect(rest.some((p) => keptKeys.has(proposalKey(p)) || keptDays.has(`${p.activityTypeId}:${p.date}`))).toBe(false);
  });

  it('proposes again what the CSM left out, when the cadence runs from a past touch', () => {
    const existing = [done(1, MEETING, '2027-02-10'), done(1, QBR, '2027-01-20'), done(1, VISIT, '2026-06-01')];
    const first = run(tier1, existing, '2027-03-01', 6);
    const [skipped, ...kept] = first;
    expect(run(tier1, [...existing, ...created(kept)], '2027-03-01', 6)).toEqual([skipped]);
  });

  it('takes a first touch booked ahead, created from the plan or by hand, as where the cadence starts', () => {
    // Never had a QBR; the CSM skipped "due now" and created the one after: that one is the first.
    const first = run(new Map([[1, [qbr]]]), [], '2027-03-01', 6);
    expect(first.map((p) => p.due)).toEqual(['2027-03-01', '2027-06-01']);
    expect(run(new Map([[1, [qbr]]]), created(first.slice(1)), '2027-03-01', 6)).toEqual([]);
  });

  it.each(scenarios)('%s: a month later, only what the window newly reaches is proposed', (_, rules, existing, today, horizon) => {
    const first = run(rules, existing, today, horizon);
    const later = addDays(today, 30);
    const next = run(rules, [...existing, ...created(first)], later, horizon);
    const { lastDay } = planWindow(today, horizon);
    expect(next.every((p) => p.due > lastDay)).toBe(true);
  });
});

describe('propose in a Japanese workspace', () => {
  const japan = workingCalendar({ country: 'JP', closures: defaultClosures('JP', 'Year-end closure'), fromYear: 2027, toYear: 2028, language: 'en' });
  const plan = (existing: ExistingActivity[], today: string, horizonMonths = 12) =>
    propose({ accounts: [{ id: 1, tier: 1 }], rules: new Map([[1, [meeting]]]), existing, today, horizonMonths, calendar: japan });

  it('never proposes a public holiday or the year-end closure, and says why a date moved', () => {
    // Monthly from 2027-01-03: due 5/3 (Constitution Day), 7/3 (Sat), 11/3 (Culture Day), 12/3…
    const ps = plan([done(1, MEETING, '2027-01-03')], '2027-01-04');
    const byDue = new Map(ps.map((p) => [p.due, p]));
    expect(byDue.get('2027-05-03')?.date).toBe('2027-05-06');
    expect(byDue.get('2027-05-03')?.moved).toEqual({ from: '2027-05-03', reason: { kind: 'holiday', name: 'Constitution Day' } });
    expect(byDue.get('2027-11-03')?.date).toBe('2027-11-04');
    expect(byDue.get('2027-11-03')?.moved?.reason).toEqual({ kind: 'holiday', name: 'Culture Day' });
    expect(byDue.get('2027-12-03')?.moved).toBeUndefined();
    for (const p of ps) expect(japan.closed[p.date] === undefined && ![0, 6].includes(weekday(p.date))).toBe(true);
  });

  it('moves a Saturday past Marine Day to Tuesday, not onto the holiday', () => {
    const ps = plan([done(1, MEETING, '2027-06-17')], '2027-06-18', 3);
    expect(ps.find((p) => p.due === '2027-07-17')).toMatchObject({ date: '2027-07-20', moved: { from: '2027-07-17', reason: { kind: 'weekend' } } });
  });
});
