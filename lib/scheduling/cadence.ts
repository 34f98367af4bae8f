import type { CadenceUnit } from '@/lib/vocabulary';
import { addDays, addMonths, type LocalDate } from './local-date';

// A playbook cadence: "every N days / weeks / months".

export type { CadenceUnit };
export type Cadence = { every: number; unit: CadenceUnit };

export function addCadence(date: LocalDate, cadence: Cadence, times = 1): LocalDate {
  const n = cadence.every * times;
  if (cadence.unit === 'month') return addMonths(date, n);
  return addDays(date, cadence.unit === 'week' ? n * 7 : n);
}

/**
 * The dates a cadence falls on from `anchor`, within [from, to]. Each date is
 * counted from the anchor (anchor + k × cadence), so a monthly cadence from
 * Jan 31 gives Feb 28, Mar 31, Apr 30 — it does not drift to the 28th.
 */
export function cadenceDates(anchor: LocalDate, cadence: Cadence, from: LocalDate, to: LocalDate, limit = 500): LocalDate[] {
  const out: LocalDate[] = [];
  for (let k = 0; out.length < limit; k++) {
    const date = addCadence(anchor, cadence, k);
    if (date > to) break;
    if (date >= from) out.push(date);
  }
  return out;
}

/** When the next touch is due: a cadence after the last one, or today if there never was one. */
export function nextDue(lastTouch: LocalDate | null, cadence: Cadence, today: LocalDate): { due: LocalDate; overdue: boolean } {
  const due = lastTouch ? addCadence(lastTouch, cadence) : today;
  return { due, overdue: due < today };
}

/** Average occurrences per month, for hours owed: weekly ≈ 4.35, quarterly = 1/3. */
export function perMonth(cadence: Cadence): number {
  const daysPerMonth = 365.2425 / 12;
  if (cadence.unit === 'month') return 1 / cadence.every;
  return daysPerMonth / (cadence.unit === 'week' ? cadence.every * 7 : cadence.every);
}
