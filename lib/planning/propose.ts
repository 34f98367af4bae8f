import { addCadence, type Cadence, type CadenceUnit } from '@/lib/scheduling/cadence';
import { addDays, addMonths, daysBetween, type LocalDate } from '@/lib/scheduling/local-date';
import { nextWorkingDay, toWorkingDay, type ClosedReason, type WorkingCalendar } from '@/lib/scheduling/working-days';
import type { ActivityStatus } from '@/lib/vocabulary';

// Plan from playbook: which touches a tier's playbook asks of each account in
// the coming months that nothing planned or done already covers.
//
// Per account and playbook rule, the cadence is anchored on the latest touch
// of that type up to today (else on the first one booked ahead, else today:
// due now), and its due dates are counted from that anchor (cadence.ts: no
// drift at month ends). A due date is covered by a planned or completed
// activity of the type that was planned for it (planned_due), or that lies
// within half an interval of it, or that sits on the day it would be
// suggested for. Proposals count as covering the ones after them, so running
// the plan, creating what it proposes and running it again proposes nothing.

export type PlanRule = Cadence & { activityTypeId: number; hours: string; bookAheadDays: number };
export type PlanAccount = { id: number; tier: number };
export type ExistingActivity = {
  accountId: number;
  activityTypeId: number;
  /** Local date (the planner's zone) it starts on. */
  date: LocalDate;
  /** The due date it was planned for, when plan-from-playbook created it. */
  plannedDue: LocalDate | null;
  status: ActivityStatus;
};

export type Proposal = {
  accountId: number;
  activityTypeId: number;
  /** When the playbook wants it: the cadence date it fulfils. */
  due: LocalDate;
  /** Where we suggest putting it: a due date on a closed day moves to the next working day, overdue ones go to the next working day after today. */
  date: LocalDate;
  /** Set when the due date is a weekend, holiday or closed day: why it moved. */
  moved?: { from: LocalDate; reason: ClosedReason };
  overdue: boolean;
  /** By when it should be booked (the rule's book-ahead days before the due date). */
  bookBy: LocalDate;
  hours: string;
};

export const horizons = [3, 6, 12] as const;
export type Horizon = (typeof horizons)[number];
export const defaultHorizon: Horizon = 3;

/** The planning window: from today up to (not including) the same day `months` later. */
export function planWindow(today: LocalDate, months: number): { from: LocalDate; until: LocalDate; lastDay: LocalDate } {
  const until = addMonths(today, months);
  return { from: today, until, lastDay: addDays(until, -1) };
}

const shortestDays: Record<CadenceUnit, number> = { day: 1, week: 7, month: 28 };

/**
 * How far from a due date an activity still counts for it: half the shortest
 * interval (monthly ±14 days, quarterly ±42, weekly ±3), so one activity never
 * reaches the next due date.
 */
export function tolerance(cadence: Cadence): number {
  return Math.floor((cadence.every * shortestDays[cadence.unit]) / 2);
}

/** The widest tolerance among rules: how far around the window activities matter. */
export function maxTolerance(rules: readonly Cadence[]): number {
  return rules.reduce((max, r) => Math.max(max, tolerance(r)), 0);
}

type Covering = { date: LocalDate; plannedDue: LocalDate | null };

const covers = (a: Covering, due: LocalDate, date: LocalDate, tol: number) =>
  a.plannedDue === due || Math.abs(daysBetween(a.date, due)) <= tol || a.date === date;

/** The proposals for one account and one rule, given the activities of that type on the account. */
export function proposeForRule(
  accountId: number,
  rule: PlanRule,
  existing: readonly Covering[],
  today: LocalDate,
  lastDay: LocalDate,
  calendar: WorkingCalendar,
): Proposal[] {
  const covering = [...existing];
  const key = (a: Covering) => a.plannedDue ?? a.date;
  const past = covering.map(key).filter((d) => d <= today);
  const future = covering.map(key).filter((d) => d > today);
  // The latest touch up to today; else the first one already booked; else due now.
  const anchor = past.length ? past.reduce((a, b) => (a > b ? a : b)) : future.length ? future.reduce((a, b) => (a < b ? a : b)) : today;
  const firstK = past.length ? 1 : 0;

  let lastOverdue: LocalDate | null = null;
  const upcoming: LocalDate[] = [];
  for (let k = firstK; ; k++) {
    const due = addCadence(anchor, rule, k);
    if (due > lastDay) break;
    if (due < today) lastOverdue = due;
    else upcoming.push(due);
  }

  // Several missed dues are one touch to catch up on, not a pile on the same day.
  const candidates: { due: LocalDate; date: LocalDate; moved?: Proposal['moved']; overdue: boolean }[] = [
    ...(lastOverdue ? [{ due: lastOverdue, date: nextWorkingDay(calendar, today), overdue: true }] : []),
    ...upcoming.map((due) => ({ due, ...toWorkingDay(calendar, due), overdue: false })),
  ];
  const tol = tolerance(rule);
  const out: Proposal[] = [];
  for (const c of candidates) {
    if (covering.some((a) => covers(a, c.due, c.date, tol))) continue;
    out.push({ accountId, activityTypeId: rule.activityTypeId, ...c, bookBy: addDays(c.due, -rule.bookAheadDays), hours: rule.hours });
    covering.push({ date: c.date, plannedDue: c.due });
  }
  return out;
}

export type ProposeInput = {
  accounts: readonly PlanAccount[];
  /** The current playbook rules per tier. */
  rules: ReadonlyMap<number, readonly PlanRule[]>;
  existing: readonly ExistingActivity[];
  today: LocalDate;
  horizonMonths: number;
  /** The workspace's working days: weekends, public holidays, its own closures. */
  calendar: WorkingCalendar;
};

/** Every proposal for the accounts in scope, by account then suggested date. */
export function propose({ accounts, rules, existing, today, horizonMonths, calendar }: ProposeInput): Proposal[] {
  const { lastDay } = planWindow(today, horizonMonths);
  const byPair = new Map<string, Covering[]>();
  for (const a of existing) {
    if (a.status !== 'planned' && a.status !== 'completed') continue;
    const k = `${a.accountId}:${a.activityTypeId}`;
    const list = byPair.get(k) ?? [];
    list.push({ date: a.date, plannedDue: a.plannedDue });
    byPair.set(k, list);
  }
  const out: Proposal[] = [];
  for (const account of accounts) {
    const mine: Proposal[] = [];
    for (const rule of rules.get(account.tier) ?? []) {
      mine.push(...proposeForRule(account.id, rule, byPair.get(`${account.id}:${rule.activityTypeId}`) ?? [], today, lastDay, calendar));
    }
    mine.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    out.push(...mine);
  }
  return out;
}

/** Identifies a proposal across runs: the account, the activity type and the due date it fulfils. */
export const proposalKey = (p: { accountId: number; activityTypeId: number; due: LocalDate }) => `${p.accountId}:${p.activityTypeId}:${p.due}`;
