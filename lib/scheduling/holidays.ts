import Holidays from 'date-holidays';
import { addDays } from './local-date';
import { withClosures, type Closure, type WorkingCalendar } from './working-days';

// Public holidays and weekends per country, from `date-holidays` (207
// countries, maintained, data to 2050). Server-side only in practice: its data
// is large, so the browser gets a built calendar (plain data) instead.

const weekdayNumber: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/**
 * The country's weekend: date-holidays names its weekly day off (Sunday in
 * Japan, Saturday in Israel, Friday in Iran); the weekend is that day and the
 * one before it. Unknown: Saturday and Sunday.
 */
export function weekendOf(country: string | null): number[] {
  const dayOff = country ? String(new Holidays(country).getDayOff() ?? '').toLowerCase().replace(/s$/, '') : '';
  const n = weekdayNumber[dayOff];
  return n === undefined ? [0, 6] : [(n + 6) % 7, n].sort();
}

let countries: string[] | undefined;
/** Every country code date-holidays knows. */
export function holidayCountries(): string[] {
  countries ??= Object.keys(new Holidays().getCountries()).sort();
  return countries;
}

export const isHolidayCountry = (code: string) => holidayCountries().includes(code);

let zoneCountry: Map<string, string> | undefined;
/** The country a time zone belongs to (Asia/Tokyo → JP), for a workspace that has not chosen one. */
export function countryForZone(timeZone: string): string | null {
  if (!zoneCountry) {
    zoneCountry = new Map();
    for (const c of holidayCountries()) for (const z of new Holidays(c).getTimezones()) if (!zoneCountry.has(z)) zoneCountry.set(z, c);
  }
  return zoneCountry.get(timeZone) ?? null;
}

/** The closed days a workspace starts with: in Japan, the year-end closure (12/29–1/3) that most companies keep. */
export function defaultClosures(country: string | null, label: string): Closure[] {
  return country === 'JP' ? [{ from: '12-29', to: '01-03', yearly: true, label }] : [];
}

/**
 * The working-day calendar of a workspace for the years given: the country's
 * weekend and public holidays (named in `language` when date-holidays has it)
 * plus the workspace's own closures.
 */
export function workingCalendar(o: { country: string | null; closures: readonly Closure[]; fromYear: number; toYear: number; language: string }): WorkingCalendar {
  const closed: WorkingCalendar['closed'] = {};
  if (o.country && isHolidayCountry(o.country)) {
    const hd = new Holidays(o.country, { types: ['public'] });
    for (let y = o.fromYear; y <= o.toYear; y++) {
      for (const h of hd.getHolidays(y, o.language)) {
        // `date` is the local date the holiday falls on ("2027-05-03 00:00:00"); a holiday may last several days.
        const first = h.date.slice(0, 10);
        const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
        for (let i = 0; i < days; i++) closed[addDays(first, i)] ??= { kind: 'holiday', name: h.name };
      }
    }
  }
  return withClosures({ weekend: weekendOf(o.country), closed }, o.closures, o.fromYear, o.toYear);
}
