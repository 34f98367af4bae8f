// The chart colours, from the Tailwind palette the app uses: emerald for on
// time, amber for late, rose for missed, zinc for what is not due, brand for
// totals. Class names are written out whole so Tailwind finds them.

export const tones = {
  brand: { fill: 'fill-brand-500', stroke: 'stroke-brand-600', swatch: 'bg-brand-500' },
  emerald: { fill: 'fill-emerald-500', stroke: 'stroke-emerald-500', swatch: 'bg-emerald-500' },
  amber: { fill: 'fill-amber-400', stroke: 'stroke-amber-500', swatch: 'bg-amber-400' },
  rose: { fill: 'fill-rose-500', stroke: 'stroke-rose-500', swatch: 'bg-rose-500' },
  red: { fill: 'fill-red-700', stroke: 'stroke-red-700', swatch: 'bg-red-700' },
  roseLight: { fill: 'fill-rose-300', stroke: 'stroke-rose-300', swatch: 'bg-rose-300' },
  indigo: { fill: 'fill-indigo-500', stroke: 'stroke-indigo-500', swatch: 'bg-indigo-500' },
  ink: { fill: 'fill-zinc-800', stroke: 'stroke-zinc-800', swatch: 'bg-zinc-800' },
  zinc: { fill: 'fill-zinc-300', stroke: 'stroke-zinc-400', swatch: 'bg-zinc-300' },
  sky: { fill: 'fill-sky-500', stroke: 'stroke-sky-500', swatch: 'bg-sky-500' },
  violet: { fill: 'fill-violet-400', stroke: 'stroke-violet-400', swatch: 'bg-violet-400' },
} as const;

export type Tone = keyof typeof tones;

/** One entry of a chart's legend. */
export type Series = { key: string; label: string; tone: Tone };
