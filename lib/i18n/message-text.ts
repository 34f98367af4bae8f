import type { Message } from '@/lib/actions/result';
import { localizeMessageValues } from '@/lib/format';

// A server action's or route's answer names its messages by catalog key; the
// browser shows them in the user's language without the catalog: the door
// adds each message's `text` on the server, so a page need not send the
// whole catalog in case some action might answer with any of its keys.

/** Catalog keys: a namespace and a path ("validation.required"), never a rule key like "3.c5.1.month". */
const catalogKey = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

type Say = { t: (key: string, values?: Record<string, string | number>) => string; has: (key: string) => boolean; locale: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Exactly a Message: a catalog key and maybe its values, nothing else (a campaign's `{ key, name }` is not one). */
export function isMessage(value: unknown): value is Message {
  if (!isPlainObject(value) || typeof value.key !== 'string' || !catalogKey.test(value.key)) return false;
  if (value.values !== undefined && !isPlainObject(value.values)) return false;
  return Object.keys(value).every((k) => k === 'key' || k === 'values');
}

/** A copy of `value` with every Message in it given its text; a key the catalog lacks reads as "not valid". */
export function addMessageText<T>(value: T, say: Say): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (isMessage(v)) {
      const text = say.has(v.key) ? say.t(v.key, localizeMessageValues(v.values, say.locale)) : say.t('validation.invalid');
      return { ...v, text };
    }
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
