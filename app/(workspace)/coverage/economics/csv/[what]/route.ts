import { getWorkspace } from '@/db/queries/workspace';
import { minorUnits, plainAmount } from '@/lib/currencies';
import { csvDownload, csvLine, protectFormula, utf8Bom } from '@/lib/csv/write';
import { todayIn } from '@/lib/dates';
import { costSettingsOf, roundMoney } from '@/lib/economics/cost';
import { resolveEconomicsPeriod } from '@/lib/economics/period';
import { route, RouteError } from '@/lib/routes/route';
import { economicsList, economicsOverview, economicsRun } from '@/lib/server/economics';

// GET /coverage/economics/csv/<tiers|accounts>?period=<last12|fyYYYY>: the
// economics page's numbers as CSV, in machine formats (plain amounts in the
// workspace currency, rounded half up to its minor units; shares in percent).
// `accounts` is every account, streamed a slice of ids at a time.

const sliceSize = 2000;

export const GET = route<{ what: string }>({
  name: 'economics.csv',
  permission: 'economics.read',
  reply: 'text',
  async handle({ request, params, db }) {
    if (params.what !== 'tiers' && params.what !== 'accounts') throw new RouteError(404, { key: 'errors.notFound' });
    const workspace = await getWorkspace(db);
    const period = resolveEconomicsPeriod(new URL(request.url).searchParams.get('period') ?? undefined, { today: todayIn(workspace.timeZone), fiscalYearStartMonth: workspace.fiscalYearStartMonth });
    const name = `economics-${params.what}-${period.from}-${period.to}.csv`;
    const digits = minorUnits(workspace.currency);
    // Costs are exact (lib/economics/cost.ts); a file gets them rounded as the currency writes them.
    const money = (v: string | null) => (v === null ? null : roundMoney(v, digits));
    const amount = (v: string | null) => (v === null ? null : plainAmount(v, workspace.currency));

    if (params.what === 'tiers') {
      const data = await economicsOverview(db, { workspace, period, overPage: 1, uncaredPage: 1 });
      const rows = [...data.tiers.map((r) => ({ ...r, key: String(r.tier) })), { ...data.total, key: 'all', over: data.tiers.reduce((n, r) => n + r.over, 0) }].map((r) => [
        r.key,
        r.accounts,
        amount(r.arr),
        amount(r.ltv),
        r.hours,
        money(r.cost),
        money(r.perAccount),
        r.sharePct,
        r.over,
      ]);
      return csvDownload(name, ['tier', 'accounts', 'arr', 'ltv', 'hours_delivered', 'cost_to_serve', 'cost_per_account', 'cost_share_pct', 'accounts_over_threshold'], rows);
    }

    const runId = await economicsRun(db, workspace, period);
    const settings = costSettingsOf(workspace);
    const head = ['account_id', 'account', 'tier', 'csm', 'arr', 'ltv', 'hours_delivered', 'cost_to_serve', 'cost_share_pct', 'over_threshold', 'coverage_due', 'coverage_on_time'];
    const encoder = new TextEncoder();
    let afterId: number | null = null;
    const body = new ReadableStream<Uint8Array>({
      // One slice per pull, as the client reads: memory stays flat for any number of accounts.
      async pull(controller) {
        if (afterId === null) {
          afterId = 0;
          controller.enqueue(encoder.encode(utf8Bom + csvLine(head)));
          return;
        }
        const { rows } = await economicsList(db, runId, settings, period.months, { list: 'all', afterId, limit: sliceSize });
        const lines = rows.map((r) =>
          csvLine([r.id, protectFormula(r.name), r.tier, protectFormula(r.ownerName ?? ''), amount(r.arr), amount(r.ltv), r.hours, money(r.cost), r.sharePct, r.over ? 'yes' : 'no', r.due, r.onTime]),
        );
        if (lines.length) controller.enqueue(encoder.encode(lines.join('')));
        if (rows.length < sliceSize) controller.close();
        else afterId = rows.at(-1)!.id;
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' } });
  },
});
