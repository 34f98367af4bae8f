import { tones, type Series } from './tones';

/** The series of a chart as colour swatches with their names; `extra` adds e.g. a threshold line. */
export function Legend({ series, extra }: { series: readonly Series[]; extra?: { label: string; kind: 'line' } }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className={`inline-block size-2.5 rounded-sm ${tones[s.tone].swatch}`} aria-hidden />
          {s.label}
        </li>
      ))}
      {extra && (
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 border-l-2 border-dashed border-zinc-900" aria-hidden />
          {extra.label}
        </li>
      )}
    </ul>
  );
}
