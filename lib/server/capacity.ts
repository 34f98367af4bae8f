import 'server-only';
import type { DbOrTx } from '@/db/client';
import { activityHours, bookSizes, capacityPeople, hostedHours, taskHours, timeOffIn, type MonthBounds } from '@/db/queries/capacity';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import type { Workspace } from '@/db/queries/workspace';
import { bookHours, capacityFigures, headcountNeeded, type CapacityFigures } from '@/lib/capacity/capacity';
import { timeOffHours } from '@/lib/capacity/time-off';
import { hoursPerAccountMonth, typeModelLookup } from '@/lib/playbooks/hours';
import { addDays, addMonths, parts, toLocalDate, type LocalDate } from '@/lib/scheduling/local-date';
import { isWorkingDay } from '@/lib/scheduling/working-days';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { workspaceCalendar } from './working-calendar';

/** A month ('YYYY-MM') as dates and as the instants it runs between in the zone. */
export function monthBounds(month: string, timeZone: string): MonthBounds {
  const from = `${month}-01` as LocalDate;
  const next = addMonths(from, 1);
  return { from, to: addDays(next, -1), fromAt: zonedToUtc(from, '00:00', timeZone), toAt: zonedToUtc(next, '00:00', timeZone) };
}

/** 'YYYY-MM' from a query value, else the month of `today`. */
export function readMonth(raw: string | undefined, today: LocalDate): string {
  if (raw && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) && Number(raw.slice(0, 4)) >= 2000 && Number(raw.slice(0, 4)) <= 2100) return raw;
  const { year, month } = parts(today);
  return toLocalDate(year, month, 1).slice(0, 7);
}

/** `hosted`: hours of the sessions they host; `tasks`: their task estimates in the month (both inside `owed`). */
export type PersonMonth = CapacityFigures & { id: number; name: string; hosted: number; tasks: number };

/**
 * One month of capacity: each person's hours (their book's playbook hours by
 * the accounts' current tiers + the sessions they host + their tasks' estimates,
 * booked, delivered, capacity less time off), the accounts and tasks nobody
 * owns, and each tier's hours owed with the headcount they need.
 * `onlyUserId`: that person's row alone.
 *
 * A task counts in the month its work falls in: an open task in the month it
 * is due (owed and booked, like a planned activity), a done one in the month
 * it was completed (owed and delivered), so completing a task moves its hours
 * from booked to delivered and leaves hours owed as they were. Cancelled
 * tasks count nowhere.
 */
export async function capacityMonth(
  db: DbOrTx,
  o: { month: string; now: Date; workspace: Workspace; language: string; onlyUserId?: number; /** false: leave hours booked and delivered at 0 (the home chart and the what-if show owed ÷ available only). */ activity?: boolean },
) {
  const m = monthBounds(o.month, o.workspace.timeZone);
  const [people, sizes, acts, hosted, tasks, offs, playbooks, types, calendar] = await Promise.all([
    capacityPeople(db),
    bookSizes(db),
    o.activity === false ? Promise.resolve([]) : activityHours(db, m),
    hostedHours(db, m, o.now),
    taskHours(db, m),
    timeOffIn(db, m),
    currentPlaybooks(db),
    listActivityTypes(db),
    workspaceCalendar(db, { from: m.from, to: m.to, language: o.language, workspace: o.workspace }),
  ]);
  const typeModel = typeModelLookup(types);
  const perAccount: Record<number, number> = Object.fromEntries(playbooks.map((p) => [p.tier, hoursPerAccountMonth(p.rules, typeModel)]));
  const booksOf = new Map<number | null, Record<number, number>>();
  for (const s of sizes) booksOf.set(s.ownerId, { ...booksOf.get(s.ownerId), [s.tier]: s.accounts });
  const actsOf = new Map(acts.map((a) => [a.userId, a]));
  const hostedOf = new Map(hosted.map((h) => [h.userId, h]));
  const tasksOf = new Map(tasks.map((t) => [t.userId, t]));
  const activity = o.activity !== false;
  const working = (d: LocalDate) => isWorkingDay(calendar, d);

  const rows: PersonMonth[] = people
    .filter((p) => o.onlyUserId === undefined || p.id === o.onlyUserId)
    .map((p) => {
      const host = hostedOf.get(p.id);
      const act = actsOf.get(p.id);
      const task = tasksOf.get(p.id);
      const taskOwed = (task?.open ?? 0) + (task?.done ?? 0);
      const figures = capacityFigures({
        owed: bookHours(booksOf.get(p.id) ?? {}, perAccount) + (host?.hosted ?? 0) + taskOwed,
        booked: (act?.booked ?? 0) + (activity ? (task?.open ?? 0) : 0),
        delivered: (act?.delivered ?? 0) + (host?.held ?? 0) + (activity ? (task?.done ?? 0) : 0),
        capacity: p.capacityHours,
        timeOff: timeOffHours(offs.filter((t) => t.userId === p.id), m, working),
      });
      return { ...figures, id: p.id, name: p.name, hosted: host?.hosted ?? 0, tasks: taskOwed };
    });
  const nobodys = tasksOf.get(null);
  const unassignedTasks = (nobodys?.open ?? 0) + (nobodys?.done ?? 0);
  const unassigned = bookHours(booksOf.get(null) ?? {}, perAccount) + unassignedTasks;
  const tiers = [1, 2, 3].map((tier) => {
    const accounts = sizes.filter((s) => s.tier === tier).reduce((n, s) => n + s.accounts, 0);
    const owed = accounts * (perAccount[tier] ?? 0);
    return { tier, accounts, perAccount: perAccount[tier] ?? 0, owed, headcount: headcountNeeded(owed) };
  });
  const sessions = hosted.reduce((n, h) => n + h.hosted, 0);
  return {
    month: m,
    rows,
    /** Hours owed by the accounts nobody owns and the tasks nobody owns (`unassignedTasks` of them). */
    unassigned,
    unassignedTasks,
    tiers,
    sessions: { owed: sessions, headcount: headcountNeeded(sessions) },
    timeOff: o.onlyUserId === undefined ? offs : offs.filter((t) => t.userId === o.onlyUserId),
    // What the what-if starts from (lib/server/what-if.ts).
    sizes,
    playbooks,
    types,
    typeModel,
  };
}
