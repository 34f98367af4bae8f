import { addDays, addMonths, type LocalDate } from '@/lib/scheduling/local-date';
import type { CadenceUnit, ObligationStatus } from '@/lib/vocabulary';

// Coverage: did an account get what its tier's playbook promises, on time?
// One rule "every N units" for one account is a rolling chain of obligations
// (DOMAIN.md, Coverage). This file turns the days the rule applied and the
// days of the touches that qualify for it into that chain; the database only
// gathers those inputs, so every rule below is tested here.
//
// - The rule applies from `start` (the day the account entered a tier whose
//   playbook has it, or the day the rule was added); the first obligation is
//   due one interval later.
// - The first qualifying touch on or before the deadline (the due date plus
//   the grace days) meets it on time; a later one, up to the next deadline,
//   late. Either way the next obligation is due one interval after that
//   touch: touching early is never punished. Touches on the same day count
//   once.
// - No touch by the next deadline (due + one interval + grace): missed, and
//   the next obligation is due one interval after the old due date.
// - Not met and the deadline still ahead (today included): not yet due;
//   met, but the due date still ahead: not yet due too (already met).
//   Deadline past, not met, not yet missed: overdue.
// - `end`, the day the rule stopped applying (a tier or playbook change),
//   belongs to what follows: touches from that day on do not count, and the
//   obligation open on that day ends uncounted.

export type { ObligationStatus };

export type Obligation = {
  due: LocalDate;
  /** The due date plus the grace days: met on or before it is on time. */
  deadline: LocalDate;
  status: ObligationStatus;
  /** The touch that met it, if one did. */
  metOn: LocalDate | null;
};

export type RuleSpan = {
  every: number;
  unit: CadenceUnit;
  /** The first day the rule applied to the account. */
  start: LocalDate;
  /** The day it stopped applying, or null while it still does. */
  end: LocalDate | null;
};

/** A date one interval of the rule later. */
export function step(date: LocalDate, every: number, unit: CadenceUnit): LocalDate {
  if (unit === 'month') return addMonths(date, every);
  return addDays(date, unit === 'week' ? 7 * every : every);
}

/**
 * The chain of obligations of one rule for one account, oldest first, as of
 * `today`. `touchDays` are the days of qualifying touches, in any order.
 */
export function obligations(span: RuleSpan, touchDays: readonly LocalDate[], opts: { today: LocalDate; graceDays: number }): Obligation[] {
  const { today, graceDays } = opts;
  const ended = span.end !== null && span.end <= today;
  // The day after which nothing counts any more for this span.
  const asOf = ended ? span.end! : today;
  const touches = [...new Set(touchDays)].filter((d) => d >= span.start && (ended ? d < asOf : d <= today)).sort();
  const next = (d: LocalDate) => step(d, span.every, span.unit);
  const grace = (d: LocalDate) => addDays(d, graceDays);

  const chain: Obligation[] = [];
  let due = next(span.start);
  let i = 0;
  for (;;) {
    const deadline = grace(due);
    const cutoff = grace(next(due));
    const touch = touches[i];
    if (touch !== undefined && touch <= cutoff) {
      const status = due > today ? 'not_yet_due' : touch <= deadline ? 'on_time' : 'late';
      chain.push({ due, deadline, status, metOn: touch });
      due = next(touch);
      i++;
      continue;
    }
    if (cutoff < asOf) {
      chain.push({ due, deadline, status: 'missed', metOn: null });
      due = next(due);
      continue;
    }
    const status = ended ? 'ended' : deadline >= today ? 'not_yet_due' : 'overdue';
    chain.push({ due, deadline, status, metOn: null });
    return chain;
  }
}

export type CoverageCounts = { due: number; onTime: number; late: number; missed: number; overdue: number; notYetDue: number };

export const noCoverage: CoverageCounts = { due: 0, onTime: 0, late: 0, missed: 0, overdue: 0, notYetDue: 0 };

/**
 * Counts the obligations whose due date falls in [from, to]: those due (met
 * on time, late, missed, or overdue) and those not yet due. Ended ones are
 * not counted.
 */
export function countCoverage(chain: readonly Obligation[], period: { from: LocalDate; to: LocalDate }, into: CoverageCounts = { ...noCoverage }): CoverageCounts {
  for (const o of chain) {
    if (o.due < period.from || o.due > period.to || o.status === 'ended') continue;
    if (o.status === 'not_yet_due') {
      into.notYetDue++;
      continue;
    }
    into.due++;
    if (o.status === 'on_time') into.onTime++;
    else if (o.status === 'late') into.late++;
    else if (o.status === 'missed') into.missed++;
    else into.overdue++;
  }
  return into;
}

/** Coverage: on time ÷ due (0–1); null when nothing was due. */
export function coverageRatio(c: Pick<CoverageCounts, 'due' | 'onTime'>): number | null {
  return c.due === 0 ? null : c.onTime / c.due;
}
