// Completing a task by logging the call or meeting it led to: which activity
// type the form offers first.

const callWords = /call|phone|電話|通話|コール/i;

/** The first type named like a call (by its key, its own name or its shown label), else the first type; null when there is none. */
export function defaultTouchType(types: readonly { id: number; key: string | null; name: string | null; label: string }[]): number | null {
  const call = types.find((ty) => [ty.key, ty.name, ty.label].some((w) => w !== null && callWords.test(w)));
  return (call ?? types[0])?.id ?? null;
}
