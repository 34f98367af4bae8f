import { one, type SearchParams } from '@/lib/url-params';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { parseId, parsePage } from '@/lib/validation/input';
import { isCalendarView, parseAnchor, type CalendarView } from './range';

// The calendars keep their state in the URL, so a view can be shared and reloaded:
//   view  agenda | week | month         (default week)
//   date  YYYY-MM-DD, a day to show     (default today in the user's zone)
// and on the team calendar also
//   csm   a user id                     (default: every CSM)
//   tier  1 | 2 | 3                     (default: every tier)
//   page  page of the team overdue list (default 1)



export const defaultView: CalendarView = 'week';

export type CalendarParams = { view: CalendarView; date: LocalDate; isToday: boolean };

export function parseCalendarParams(params: SearchParams, today: LocalDate): CalendarParams {
  const view = one(params.view);
  const date = parseAnchor(one(params.date), today);
  return { view: isCalendarView(view) ? view : defaultView, date, isToday: date === today };
}

export type TeamFilters = { csmId?: number; tier?: 1 | 2 | 3; page: number };

export function parseTeamFilters(params: SearchParams): TeamFilters {
  const tier = Number(one(params.tier));
  return {
    csmId: parseId(one(params.csm)) ?? undefined,
    tier: tier === 1 || tier === 2 || tier === 3 ? tier : undefined,
    page: parsePage(one(params.page)),
  };
}
