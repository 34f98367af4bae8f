import { BarChart, type BarRow } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { LineChart, type LineSeries } from '@/components/charts/line-chart';
import type { Series } from '@/components/charts/tones';
import { dueParts, ratios, type TrendKey } from '@/lib/coverage/chart-data';
import { coverageRatio, type CoverageCounts } from '@/lib/coverage/obligations';
import type { Format } from '@/lib/format';

// The coverage page's charts: what became of the obligations due, per tier or
// per CSM (each bar opens its gaps), and coverage month by month.

export type ChartLabels = {
  onTime: string;
  late: string;
  missed: string;
  overdue: string;
  due: string;
  coverage: string;
  showTable: string;
  downloadCsv: string;
  barLink: (v: { label: string; coverage: string; due: string; gaps: string }) => string;
};

export type CountsBar = { key: string; label: string; counts: CoverageCounts; href: string };

const outcomes = (l: ChartLabels): Series[] => [
  { key: 'onTime', label: l.onTime, tone: 'emerald' },
  { key: 'late', label: l.late, tone: 'amber' },
  { key: 'missed', label: l.missed, tone: 'rose' },
  { key: 'overdue', label: l.overdue, tone: 'roseLight' },
];

/** Stacked bars of on time / late / missed / overdue per row, the coverage figure after each bar, a table and a CSV. */
export function CoverageBars({ id, title, description, rows, csvHref, labels, format, first }: {
  id: string;
  title: string;
  description: string;
  rows: readonly CountsBar[];
  csvHref: string;
  labels: ChartLabels;
  format: Format;
  first: string;
}) {
  const series = outcomes(labels);
  const bars: BarRow[] = rows.map((r) => ({ key: r.key, label: r.label, href: r.href, values: dueParts(r.counts), note: format.ratio(coverageRatio(r.counts)) }));
  const byKey = new Map(rows.map((r) => [r.key, r.counts]));
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      csvHref={csvHref}
      labels={labels}
      table={{
        head: [{ label: first }, { label: labels.coverage, numeric: true }, { label: labels.due, numeric: true }, ...series.map((s) => ({ label: s.label, numeric: true }))],
        rows: rows.map((r) => ({
          key: r.key,
          cells: [r.label, format.ratio(coverageRatio(r.counts)), format.number(r.counts.due), format.number(r.counts.onTime), format.number(r.counts.late), format.number(r.counts.missed), format.number(r.counts.overdue)],
        })),
      }}
    >
      <BarChart
        series={series}
        rows={bars}
        normalize
        format={(v) => format.number(v)}
        formatTick={(v) => format.ratio(v)}
        linkLabel={(row) => {
          const c = byKey.get(row.key)!;
          return labels.barLink({ label: row.label, coverage: format.ratio(coverageRatio(c)), due: format.number(c.due), gaps: format.number(c.missed + c.overdue) });
        }}
      />
    </ChartFigure>
  );
}

/** Coverage per month for all accounts and each tier, a table and a CSV. */
export function CoverageTrend({ id, title, description, months, series, csvHref, labels, format, monthLabel }: {
  id: string;
  title: string;
  description: string;
  /** YYYY-MM */
  months: readonly string[];
  series: readonly { key: TrendKey; label: string; counts: readonly CoverageCounts[] }[];
  csvHref: string;
  labels: Pick<ChartLabels, 'showTable' | 'downloadCsv'> & { month: string };
  format: Format;
  monthLabel: string;
}) {
  const tone = { total: 'ink', 1: 'indigo', 2: 'brand', 3: 'zinc' } as const;
  const lines: LineSeries[] = series.map((s) => ({ key: String(s.key), label: s.label, tone: tone[s.key], values: ratios(s.counts), emphasis: s.key === 'total' }));
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      csvHref={csvHref}
      labels={labels}
      table={{
        head: [{ label: monthLabel }, ...series.map((s) => ({ label: s.label, numeric: true }))],
        rows: months.map((m, i) => ({
          key: m,
          cells: [format.date(`${m}-01`, 'monthYearShort'), ...series.map((s) => (s.counts[i]!.due === 0 ? '—' : `${format.ratio(coverageRatio(s.counts[i]!))} (${format.number(s.counts[i]!.onTime)}/${format.number(s.counts[i]!.due)})`))],
        })),
      }}
    >
      <LineChart labels={months.map((m) => format.date(`${m}-01`, 'month'))} series={lines} format={(v) => format.ratio(v)} />
    </ChartFigure>
  );
}
