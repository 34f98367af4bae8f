import { renewalMonthsShown, renewalsByMonth } from '@/db/queries/home';
import { getWorkspace } from '@/db/queries/workspace';
import { csvDownload } from '@/lib/csv/write';
import { todayIn } from '@/lib/dates';
import { route } from '@/lib/routes/route';

// GET /accounts/renewals/csv: the home page's renewals-by-month chart as CSV
// (this month and the next five, as the chart shows them).

export const GET = route({
  name: 'accounts.renewalsCsv',
  permission: 'team.view',
  reply: 'text',
  async handle({ db }) {
    const workspace = await getWorkspace(db);
    const today = todayIn(workspace.timeZone);
    const months = await renewalsByMonth(db, { from: today, months: renewalMonthsShown });
    return csvDownload(
      `renewals-by-month-${today}.csv`,
      ['month', 'accounts', `arr_${workspace.currency.toLowerCase()}`],
      months.map((m) => [m.month.slice(0, 7), m.accounts, m.arr]),
    );
  },
});
