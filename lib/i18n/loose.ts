// Translation keys are checked against the English catalog at compile time
// (app-config.d.ts). A few keys are only known at run time: a message an
// action returned, an audit code from the database, a key that a domain
// function in lib/ builds. Those go through here, the one unchecked door.

export type LooseTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

/** A checked translator, for keys computed at run time. */
export function loose(t: (key: never, values?: never) => string): LooseTranslate {
  return t as unknown as LooseTranslate;
}

/** Like `loose`, but an unknown key reads as `fallback` instead of failing. */
export function looseOr(t: { (key: never, values?: never): string; has: (key: never) => boolean }, fallback: (key: string) => string): LooseTranslate {
  const has = t.has as unknown as (key: string) => boolean;
  return (key, values) => (has(key) ? loose(t)(key, values) : fallback(key));
}
