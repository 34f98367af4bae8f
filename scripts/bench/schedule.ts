import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { insertActivities, type NewActivity } from '@/db/queries/activities';
import { calendarActivities, dueSoonActivities, overdueActivities } from '@/db/queries/calendar';
import { lockAccountsForPlan, plannedBusy } from '@/db/queries/plan';
import { listActivityTypes } from '@/db/queries/playbooks';
import { dueSoonEnd } from '@/lib/calendar/layout';
import { rangeInstants, visibleRange } from '@/lib/calendar/range';
import { todayIn } from '@/lib/dates';
import { planFor } from '@/lib/server/plan';
import { planWindow } from '@/lib/planning/propose';
import { assignTimes, defaultDuration } from '@/lib/planning/times';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { ms, percentile, timed, type Result } from './measure';

// The issue-4 targets, measured on the production query functions with the
// arguments the pages pass: a CSM's week view (/schedule?view=week), the
// team's overdue list (/team), and plan-from-playbook for a book of 50
// accounts (the /plan page's proposals, then creating them as the action does).

const timeZone = 'Asia/Tokyo';

async function rounds(n: number, run: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(() => run(i))).ms);
  return times;
}

export async function measureWeekView(db: Db, csmIds: number[]): Promise<Result> {
  const today = todayIn(timeZone);
  // Each CSM's current week and the next three: weeks with past (completed) and future (planned) activities.
  const weeks = [0, 7, 14, 21].map((d) => visibleRange('week', new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10)));
  let rows = 0;
  const times = await rounds(csmIds.length * weeks.length, async (i) => {
    const range = weeks[i % weeks.length]!;
    const { from, to, dayStarts } = rangeInstants(range, timeZone);
    // The three queries /schedule runs together: the week (40 a day at most, as the page shows), overdue, due soon.
    const scope = { ownerIds: [csmIds[Math.floor(i / weeks.length)]!] };
    const now = new Date();
    const [items] = await Promise.all([
      calendarActivities(db, { ...scope, attendeeId: scope.ownerIds[0], from, to, perDay: { dayStarts, limit: 40 } }),
      overdueActivities(db, { ...scope, now, limit: 5 }),
      dueSoonActivities(db, { ...scope, attendeeId: scope.ownerIds[0], now, until: dueSoonEnd(today, timeZone), limit: 5 }),
    ]);
    rows += items.length;
  });
  const p95 = percentile(times, 95);
  return {
    name: `CSM week view with overdue and due soon (${times.length} weeks, avg ${Math.round(rows / times.length)} activities shown)`,
    target: '≤ 100 ms',
    figures: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}`,
    ok: p95 <= 100,
  };
}

export async function measureTeamOverdue(db: Db): Promise<Result> {
  let total = 0;
  const times = await rounds(30, async (i) => {
    const page = await overdueActivities(db, { now: new Date(), limit: 50, offset: (i % 3) * 50 });
    total = page.total;
  });
  const p95 = percentile(times, 95);
  return {
    name: `team overdue list (${total.toLocaleString('en')} overdue, pages of 50)`,
    target: '≤ 200 ms',
    figures: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}`,
    ok: p95 <= 200,
  };
}

/** 50 Tier 1 accounts of one CSM: the proposals for 12 months, then creating all of them in one transaction (rolled back). */
export async function measurePlan(db: Db, csmIds: number[]): Promise<Result> {
  const today = todayIn(timeZone);
  const books = [];
  for (const csm of csmIds.slice(0, 10)) {
    const ids = await queryRows<{ id: number }>(db, sql`select id from accounts where owner_id = ${csm} and tier = 1 order by id limit 50`);
    books.push({ csm, ids: ids.map((r) => r.id) });
  }
  const typeKey = new Map((await listActivityTypes(db)).map((t) => [t.id, t.key]));
  const { lastDay } = planWindow(today, 12);
  // What the /plan page does: the proposals, the CSM's planned time, free slots for each.
  const page = async (csm: number, ids: number[]) => {
    const [plan, busy] = await Promise.all([
      planFor(db, { accountIds: ids }, { today, horizonMonths: 12, timeZone, language: 'en' }),
      plannedBusy(db, csm, today, addDays(lastDay, 7), timeZone),
    ]);
    return assignTimes(
      plan.proposals.map((p) => {
        const last = plan.lastOfType.get(`${p.accountId}:${p.activityTypeId}`);
        return { ...p, durationMinutes: last?.durationMinutes ?? defaultDuration(typeKey.get(p.activityTypeId) ?? null, p.hours), preferredTime: last?.time };
      }),
      busy,
      plan.calendar,
    );
  };
  let proposed = 0;
  const proposeTimes: number[] = [];
  const createTimes: number[] = [];
  for (const book of books) {
    const { ms: pageMs, value: rows } = await timed(() => page(book.csm, book.ids));
    proposeTimes.push(pageMs);
    proposed += rows.length;
    const { ms: createMs } = await timed(() =>
      db
        .transaction(async (tx) => {
          await lockAccountsForPlan(tx, book.ids);
          const { proposals } = await planFor(tx, { accountIds: book.ids }, { today, horizonMonths: 12, timeZone, language: 'en' });
          const open = new Set(proposals.map((p) => `${p.accountId}:${p.activityTypeId}:${p.due}`));
          const values: NewActivity[] = rows.filter((p) => open.has(`${p.accountId}:${p.activityTypeId}:${p.due}`)).map((p) => ({
            accountId: p.accountId,
            activityTypeId: p.activityTypeId,
            ownerId: book.csm,
            startsAt: zonedToUtc(p.date, p.time, timeZone),
            durationMinutes: p.durationMinutes,
            timeZone,
            plannedDue: p.due,
          }));
          await insertActivities(tx, values);
          tx.rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error && e.message === 'Rollback')) throw e;
        }),
    );
    createTimes.push(createMs);
  }
  const worst = Math.max(...proposeTimes, ...createTimes);
  return {
    name: `plan from playbook, 50 accounts × 12 months (${books.length} books, ~${Math.round(proposed / books.length)} proposals each)`,
    target: '≤ 1 s',
    figures: `page p50 ${ms(percentile(proposeTimes, 50))}, max ${ms(Math.max(...proposeTimes))}; create p50 ${ms(percentile(createTimes, 50))}, max ${ms(Math.max(...createTimes))}`,
    ok: worst <= 1000,
  };
}
