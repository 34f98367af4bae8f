import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export type ChartTable = {
  head: readonly { label: string; numeric?: boolean }[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
};

type Props = {
  /** Unique on the page; names the title and the table for assistive technology. */
  id: string;
  title: string;
  description?: string;
  /** The chart (BarChart, LineChart). */
  children: ReactNode;
  /** The chart's numbers as a table, behind "Show as table". */
  table: ChartTable;
  /** A route that downloads the same numbers as CSV (same query as the page). */
  csvHref?: string;
  labels: { showTable: string; downloadCsv: string };
  className?: string;
};

/**
 * A chart with its title, its numbers as a table a keyboard or screen-reader
 * user can open (a native <details>, no JavaScript), and a CSV download.
 */
export function ChartFigure({ id, title, description, children, table, csvHref, labels, className }: Props) {
  return (
    <figure aria-labelledby={`${id}-title`} className={cn('min-w-0 space-y-3', className)}>
      <figcaption>
        <span className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <span id={`${id}-title`} className="text-sm font-semibold text-zinc-900">
            {title}
          </span>
          {csvHref && (
            <a href={csvHref} download className="text-xs font-medium text-brand-700 hover:underline">
              {labels.downloadCsv}
            </a>
          )}
        </span>
        {description && <span className="mt-0.5 block text-xs text-zinc-500">{description}</span>}
      </figcaption>
      {children}
      <details className="group text-sm">
        <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">{labels.showTable}</summary>
        <div className="mt-2 overflow-x-auto">
          <table aria-labelledby={`${id}-title`} className="min-w-full divide-y divide-zinc-200 text-sm">
            <thead>
              <tr>
                {table.head.map((h, i) => (
                  <th key={i} scope="col" className={h.numeric ? 'chart-head text-right' : 'chart-head text-left'}>
                    {h.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 tabular-nums">
              {table.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="chart-cell text-left font-normal">
                        {c}
                      </th>
                    ) : (
                      <td key={i} className={table.head[i]?.numeric ? 'chart-cell text-right' : 'chart-cell'}>
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
