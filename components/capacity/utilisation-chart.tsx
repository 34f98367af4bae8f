import { getTranslations } from 'next-intl/server';
import type { Format } from '@/lib/format';
import type { PersonMonth } from '@/lib/server/capacity';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';

// Past this a bar is drawn at the edge; its figure says how far over it is.
const chartCap = 2;

/** Hours owed ÷ hours available per person, the 100 % line marked and bars past it red; its numbers as a table behind it. */
export async function UtilisationChart({ id, title, description, rows, href, format }: {
  id: string;
  title: string;
  description: string;
  rows: readonly PersonMonth[];
  /** Where a person's bar leads. */
  href: (row: PersonMonth) => string;
  format: Format;
}) {
  const t = await getTranslations('capacity');
  const pct = (u: number | null) => (u === null ? t('noUtilisation') : u === Infinity ? '∞' : format.ratio(u));
  const hours = (h: number) => t('hours', { hours: format.hours(Math.round(h * 10) / 10) });
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      labels={{ showTable: t('showTable'), downloadCsv: t('downloadCsv') }}
      table={{
        head: [{ label: t('person') }, { label: t('owed'), numeric: true }, { label: t('available'), numeric: true }, { label: t('utilisation'), numeric: true }],
        rows: rows.map((r) => ({ key: String(r.id), cells: [r.name, hours(r.owed), hours(r.available), pct(r.utilisation)] })),
      }}
    >
      <BarChart
        axis="ratio"
        series={[{ key: 'utilisation', label: t('utilisation'), tone: 'brand' }]}
        threshold={{ value: 1, label: t('over'), overTone: 'red' }}
        rows={rows.map((r) => ({ key: String(r.id), label: r.name, href: href(r), values: { utilisation: Math.min(r.utilisation ?? 0, chartCap) }, note: pct(r.utilisation) }))}
        format={(v) => format.ratio(v)}
        linkLabel={(row) => t('barLink', { name: row.label, utilisation: row.note ?? '' })}
      />
    </ChartFigure>
  );
}
