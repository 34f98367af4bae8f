import 'server-only';
import { cookies, headers } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';
import { localeCookie, resolveLocale, type Locale } from '@/lib/i18n/locales';
import type { CurrentUser } from '@/lib/auth/current-user';
import { countryForZone, defaultClosures, workingCalendar } from '@/lib/scheduling/holidays';
import { parts, type LocalDate } from '@/lib/scheduling/local-date';
import type { Closure, WorkingCalendar } from '@/lib/scheduling/working-days';

/** The country whose holidays apply: the one chosen, else the time zone's. */
export const holidayCountryOf = (ws: Pick<Workspace, 'holidayCountry' | 'timeZone'>) => ws.holidayCountry ?? countryForZone(ws.timeZone);

/**
 * The workspace's closed days: what an admin saved, else the country's
 * defaults. A default closure has no label of its own (the UI names it in the
 * reader's language).
 */
export const closuresOf = (ws: Pick<Workspace, 'holidayCountry' | 'timeZone' | 'closedDays'>): Closure[] => ws.closedDays ?? defaultClosures(holidayCountryOf(ws), '');

/** The language the signed-in user reads: holiday names and action messages come in it. */
export async function readerLocale(user: Pick<CurrentUser, 'locale'>): Promise<Locale> {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  return resolveLocale(user.locale, jar.get(localeCookie)?.value, hdrs.get('accept-language'));
}

/** The workspace's working-day calendar for the dates from `from` to `to` (whole years). */
export async function workspaceCalendar(db: DbOrTx, o: { from: LocalDate; to: LocalDate; language: string; workspace?: Workspace }): Promise<WorkingCalendar> {
  const ws = o.workspace ?? (await getWorkspace(db));
  return workingCalendar({ country: holidayCountryOf(ws), closures: closuresOf(ws), fromYear: parts(o.from).year, toYear: parts(o.to).year, language: o.language });
}
