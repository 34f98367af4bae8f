// The layout arithmetic of the server-rendered charts (components/charts):
// where a value sits on an axis and which round values get a tick. Positions
// are percentages of the plot, so the SVG and the HTML labels around it line
// up at any width.

/** A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) that splits `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9) ?? 10 * power;
  // Whole numbers (counts, hours) never get a fractional step below 1.
  return Number.isInteger(span) && step < 1 ? 1 : step;
}

/** Ticks from 0 up to a round value at or above `max` (0 → 0 and 1), at most `count` steps. */
export function niceTicks(max: number, count = 4): number[] {
  const top = max > 0 ? max : 1;
  const step = niceStep(top, count);
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = Number((i * step).toPrecision(12));
    ticks.push(v);
    if (v >= top - 1e-9) break;
  }
  return ticks;
}

/** Percent axis for ratios 0…1: 0, 25, 50, 75, 100 %, extended in 25 % steps when a value goes past 100 %. */
export function ratioTicks(max = 1): number[] {
  const top = Math.max(1, Math.ceil(max * 4 - 1e-9) / 4);
  return Array.from({ length: Math.round(top * 4) + 1 }, (_, i) => i / 4);
}

/** Where `value` sits between 0 and `top`, as a percentage clamped to 0…100. */
export function toPercent(value: number, top: number): number {
  if (!(top > 0)) return 0;
  return Math.min(100, Math.max(0, (value / top) * 100));
}

/** Stacked segments as [start, width] percentages of `top`, in order; a zero segment has width 0. */
export function stack(values: readonly number[], top: number): { start: number; width: number }[] {
  let sum = 0;
  return values.map((v) => {
    const start = toPercent(sum, top);
    sum += Math.max(0, v);
    return { start, width: toPercent(sum, top) - start };
  });
}

/** The x position (percent) of point `i` of `n` across a line chart, with half a step of margin at each end. */
export function pointX(i: number, n: number): number {
  if (n <= 0) return 50;
  return ((i + 0.5) / n) * 100;
}
