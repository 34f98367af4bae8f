// Exact decimals for money and percentages: values travel as strings (as
// PostgreSQL numeric does) and are computed as scaled BigInts, never floats.

const pattern = /^\s*(\d+)(?:\.(\d+))?\s*$/;

/** "1234.5" at scale 2 → 123450n; null for empty or malformed input, or more decimals than `scale`. */
export function toScaled(value: string | null | undefined, scale: number): bigint | null {
  if (value == null) return null;
  const m = pattern.exec(value);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > scale) return null;
  return BigInt(m[1]! + frac.padEnd(scale, '0').slice(0, scale));
}

/** n / d rounded half up, for n ≥ 0 and d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Formats a scaled BigInt back to a plain decimal string ("123450n", 2 → "1234.50"). */
export function fromScaled(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const s = value.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

export function compareDecimal(a: string, b: string): number {
  const scale = 4;
  const x = toScaled(a, scale);
  const y = toScaled(b, scale);
  if (x === null || y === null) throw new Error(`Not a decimal: ${x === null ? a : b}`);
  return x < y ? -1 : x > y ? 1 : 0;
}
