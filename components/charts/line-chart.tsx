import { pointX, ratioTicks, toPercent } from '@/lib/charts/scale';
import { cn } from '@/lib/cn';
import { Legend } from './legend';
import { tones, type Series } from './tones';

export type LineSeries = Series & {
  /** One value per x label; null where there is nothing to show (no obligation due that month). */
  values: readonly (number | null)[];
  /** The main series (e.g. the total) is drawn thicker. */
  emphasis?: boolean;
};

type Props = {
  /** The x axis, already formatted (short month names read best at 390 px). */
  labels: readonly string[];
  series: readonly LineSeries[];
  /** Formats the percent axis and each point's tooltip. */
  format: (value: number) => string;
};

/** Runs of consecutive points that have a value, so a month with nothing due breaks the line instead of dipping to 0. */
function runs(values: readonly (number | null)[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push({ i, v });
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * A trend of ratios (0…100 %) month by month, one line per series, drawn as
 * SVG on the server. The plot stretches to the width; strokes and points
 * keep their size (non-scaling strokes; a point is a zero-length round-capped
 * line), and the axis labels are HTML so they stay readable.
 */
export function LineChart({ labels, series, format }: Props) {
  const largest = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const ticks = ratioTicks(largest);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => 100 - toPercent(v, top);
  const n = labels.length;
  const crowded = n > 6;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <div className="relative w-10 text-right text-xs text-zinc-500 tabular-nums" aria-hidden>
          {ticks.map((t) => (
            <span key={t} className="absolute right-0 -translate-y-1/2 whitespace-nowrap" style={{ top: `${y(t)}%` }}>
              {format(t)}
            </span>
          ))}
        </div>
        <div className="relative h-48 sm:h-56">
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible" aria-hidden>
            {ticks.map((t) => (
              <line key={t} x1={0} x2={100} y1={y(t)} y2={y(t)} className="stroke-zinc-200" vectorEffect="non-scaling-stroke" />
            ))}
            {series.map((s) =>
              runs(s.values).map((run) => (
                <g key={`${s.key}-${run[0]!.i}`} className={tones[s.tone].stroke}>
                  {run.length > 1 && (
                    <polyline
                      points={run.map((p) => `${pointX(p.i, n)},${y(p.v)}`).join(' ')}
                      fill="none"
                      strokeWidth={s.emphasis ? 3 : 1.75}
                      strokeLinejoin="round"
                      vectorEffect="non-scaling-stroke"
                    />
                  )}
                  {run.map((p) => (
                    <path key={p.i} d={`M${pointX(p.i, n)} ${y(p.v)}h0`} strokeWidth={s.emphasis ? 8 : 6} strokeLinecap="round" vectorEffect="non-scaling-stroke">
                      <title>{`${s.label} · ${labels[p.i] ?? ''}: ${format(p.v)}`}</title>
                    </path>
                  ))}
                </g>
              )),
            )}
          </svg>
        </div>
        <span aria-hidden />
        <div className="relative mt-1 h-4 text-xs text-zinc-500" aria-hidden>
          {labels.map((l, i) => (
            <span key={i} className={cn('absolute top-0 -translate-x-1/2 whitespace-nowrap', crowded && i % 2 === 1 && 'hidden sm:inline')} style={{ left: `${pointX(i, n)}%` }}>
              {l}
            </span>
          ))}
        </div>
      </div>
      <Legend series={series} />
    </div>
  );
}
