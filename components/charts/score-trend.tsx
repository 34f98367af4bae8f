import { pointX } from '@/lib/charts/scale';

type Point = { label: string; score: number | null };

/**
 * A 0–100 score day by day, on the bands' colours (poor, average, good),
 * with a dashed line where the model changed, so a model edit is not read as
 * the customer's behaviour. SVG drawn on the server.
 */
export function ScoreTrend({
  points,
  bands,
  markers,
  axis,
}: {
  points: Point[];
  bands: { poorMax: number; averageMax: number };
  /** Indexes into `points` where a new model version starts, with its label. */
  markers: { index: number; label: string }[];
  /** A few of the labels to print under the axis. */
  axis: { index: number; label: string }[];
}) {
  const n = points.length;
  const y = (v: number) => 100 - v;
  const segments: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  points.forEach((p, i) => {
    if (p.score === null) {
      if (run.length) segments.push(run);
      run = [];
    } else run.push({ i, v: p.score });
  });
  if (run.length) segments.push(run);
  return (
    <div>
      <div className="relative h-32">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible" aria-hidden>
          <rect x={0} width={100} y={y(100)} height={100 - bands.averageMax} className="fill-emerald-50" />
          <rect x={0} width={100} y={y(bands.averageMax)} height={bands.averageMax - bands.poorMax} className="fill-amber-50" />
          <rect x={0} width={100} y={y(bands.poorMax)} height={bands.poorMax} className="fill-red-50" />
          {markers.map((m) => (
            <line key={m.index} x1={pointX(m.index, n)} x2={pointX(m.index, n)} y1={0} y2={100} className="stroke-zinc-400" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
          ))}
          {segments.map((s) => (
            <g key={s[0]!.i} className="stroke-brand-600">
              {s.length > 1 && (
                <polyline points={s.map((p) => `${pointX(p.i, n)},${y(p.v)}`).join(' ')} fill="none" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
              )}
              {s.length === 1 && <path d={`M${pointX(s[0]!.i, n)} ${y(s[0]!.v)}h0`} strokeWidth={6} strokeLinecap="round" vectorEffect="non-scaling-stroke" />}
            </g>
          ))}
        </svg>
        {markers.map((m) => (
          <span key={m.index} className="absolute top-0 ml-1 whitespace-nowrap text-[10px] text-zinc-500" style={{ left: `${pointX(m.index, n)}%` }}>
            {m.label}
          </span>
        ))}
      </div>
      <div className="relative mt-1 h-4 text-xs text-zinc-500" aria-hidden>
        {axis.map((a, i) => {
          // The first and last labels align to the plot's edges, so they never spill out of it.
          const edge = i === 0 ? { left: 0 } : i === axis.length - 1 ? { right: 0 } : { left: `${pointX(a.index, n)}%` };
          return (
            <span key={a.index} className={i === 0 || i === axis.length - 1 ? 'absolute top-0 whitespace-nowrap' : 'absolute top-0 hidden -translate-x-1/2 whitespace-nowrap sm:inline'} style={edge}>
              {a.label}
            </span>
          );
        })}
      </div>
    </div>
  );
}
