import type { CSSProperties } from 'react';
import { niceTicks, ratioTicks, stack, toPercent } from '@/lib/charts/scale';
import { cn } from '@/lib/cn';
import { Legend } from './legend';
import { tones, type Series, type Tone } from './tones';

export type BarRow = {
  key: string;
  label: string;
  /** Where the bar leads (a drill-down); the bar is then a link. */
  href?: string;
  values: Readonly<Record<string, number>>;
  /** Text after the bar, already formatted (e.g. "92%" or "12"). */
  note?: string;
};

type Props = {
  series: readonly Series[];
  rows: readonly BarRow[];
  /** Formats a value in a bar's tooltip, and the axis unless `formatTick` is given. */
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  /** `ratio`: the axis is 0…100 % (values are fractions); else counts from 0. */
  axis?: 'ratio' | 'count';
  /** Each bar as shares of its own total (0…100 %), so small and large rows compare and stay easy to hit; tooltips keep the counts. */
  normalize?: boolean;
  /** A line across every bar, e.g. 100 % utilisation; bars above it take `overTone`. */
  threshold?: { value: number; label: string; overTone?: Tone };
  /** Describes the whole chart for a link's accessible name: "Tier 1: 92% on time, 12 due". */
  linkLabel?: (row: BarRow) => string;
};

const sum = (row: BarRow, series: readonly Series[]) => series.reduce((s, x) => s + (row.values[x.key] ?? 0), 0);

/**
 * Horizontal bars drawn as SVG on the server: one bar per row, its series
 * stacked (on time, late, missed…) or a single series with a threshold line.
 * Labels and the axis are HTML around the SVG, so the text stays readable
 * at any width while the bars stretch to fill it; no JavaScript.
 */
export function BarChart({ series, rows, format, formatTick = format, axis = 'count', normalize = false, threshold, linkLabel }: Props) {
  const largest = normalize ? 1 : Math.max(0, threshold?.value ?? 0, ...rows.map((r) => sum(r, series)));
  const ticks = axis === 'ratio' || normalize ? ratioTicks(largest) : niceTicks(largest);
  const top = ticks[ticks.length - 1] ?? 1;
  const thresholdAt = threshold && toPercent(threshold.value, top);
  return (
    <div className="space-y-3">
      {/* Grid lines are each bar's background (.chart-grid), one step apart: drawn per row as SVG they were 1 KB a row. */}
      <div
        className="grid grid-cols-[fit-content(9rem)_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 text-sm sm:grid-cols-[fit-content(16rem)_minmax(0,1fr)_auto]"
        style={{ '--grid-step': `${100 / Math.max(1, ticks.length - 1)}%` } as CSSProperties}
      >
        {rows.map((row) => {
          const total = sum(row, series);
          const over = threshold?.overTone && total > threshold.value;
          const segments = stack(
            series.map((s) => (normalize ? (total > 0 ? (row.values[s.key] ?? 0) / total : 0) : (row.values[s.key] ?? 0))),
            top,
          );
          const bar = (
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible" aria-hidden>
              {series.map((s, i) => {
                const seg = segments[i]!;
                if (seg.width <= 0) return null;
                return (
                  <rect key={s.key} x={seg.start} width={seg.width} y={1.5} height={7} className={tones[over ? threshold!.overTone! : s.tone].fill}>
                    <title>{`${row.label} · ${s.label}: ${format(row.values[s.key] ?? 0)}`}</title>
                  </rect>
                );
              })}
              {thresholdAt !== undefined && (
                <line x1={thresholdAt} x2={thresholdAt} y1={-1} y2={11} className="stroke-zinc-900" strokeWidth={2} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />
              )}
            </svg>
          );
          return (
            <div key={row.key} className="contents">
              <span className="truncate text-zinc-700" title={row.label}>
                {row.label}
              </span>
              {row.href ? (
                <a href={row.href} aria-label={linkLabel?.(row) ?? row.label} className="group chart-grid relative block h-7 rounded hover:bg-zinc-50">
                  {bar}
                </a>
              ) : (
                <span className="chart-grid relative block h-7">{bar}</span>
              )}
              <span className={cn('min-w-10 text-right tabular-nums', over ? 'font-medium text-red-700' : 'text-zinc-900')}>{row.note ?? format(total)}</span>
            </div>
          );
        })}
        <span aria-hidden />
        <div className="relative h-4 text-xs text-zinc-500 tabular-nums" aria-hidden>
          {ticks.map((t, i) => (
            <span
              key={t}
              className={cn('absolute top-0 whitespace-nowrap', i === 0 ? '' : i === ticks.length - 1 ? '-translate-x-full' : '-translate-x-1/2', i % 2 === 1 && ticks.length >= 5 && 'hidden sm:inline')}
              style={{ left: `${toPercent(t, top)}%` }}
            >
              {formatTick(t)}
            </span>
          ))}
        </div>
        <span aria-hidden />
      </div>
      <Legend series={series.length > 1 || !threshold ? series : []} extra={threshold && { label: threshold.label, kind: 'line' }} />
    </div>
  );
}
