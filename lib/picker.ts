// What a searchable picker (components/ui/combobox.tsx) shows for what the user typed.

/** One choice: what is sent, what reads, and extra words that find it. */
export type PickerOption = { value: string; label: string; keywords?: string };

const fold = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[_/()]/g, ' ').replace(/−/g, '-');

/**
 * The options every word of the query appears in (label or keywords, any
 * case, "new york" finds America/New_York); those with more label words
 * starting with a query word come first ("tok": Tokyo before Vladivostok).
 * An empty query keeps them all, in their order.
 */
export function filterOptions<T extends PickerOption>(options: readonly T[], query: string): T[] {
  const q = fold(query).trim();
  if (!q) return [...options];
  const words = q.split(/\s+/);
  const hits = options.filter((o) => {
    const text = fold(`${o.label} ${o.keywords ?? ''}`);
    return words.every((w) => text.includes(w));
  });
  const score = (o: T) => {
    const parts = fold(o.label).split(/\s+/);
    return words.filter((w) => parts.some((p) => p.startsWith(w))).length;
  };
  const scored = hits.map((o, i) => ({ o, i, s: score(o) }));
  return scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.o);
}
