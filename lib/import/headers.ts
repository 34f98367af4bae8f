// Which CSV headers fill which field, for any import. Files come from CRMs
// and spreadsheets in English and Japanese, so each field has the headers
// people commonly give it, most specific first: when two columns could fill
// one field (担当者 and 担当者メール), the more specific header wins. Headers
// are compared after `headerKey`, so full-width letters, spaces, case, "_"
// and "-", and a unit in brackets ("ARR（円）", "粗利率(%)") make no difference.

export type Aliases = { en: readonly string[]; ja: readonly string[] };

/** A header as compared: NFKC (full-width → half-width), lower case, without a bracketed unit, "%", spaces, "_", "-" or "・". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-・.:%]/g, '');
}

export type HeaderMatch<C extends string> = { column: C; rank: number };

/** The field a header names and how specific the match is (0 = the field's own name), or null. */
export function headerMatcher<C extends string>(table: Record<C, Aliases>): (header: string) => HeaderMatch<C> | null {
  const ranked = new Map<string, HeaderMatch<C>>();
  for (const [column, { en, ja }] of Object.entries(table) as [C, Aliases][]) {
    // The column's own name first, then the English and Japanese headers in the order listed.
    [column, ...en, ...ja].forEach((alias, rank) => {
      const key = headerKey(alias);
      if (!ranked.has(key)) ranked.set(key, { column, rank });
    });
  }
  return (header) => ranked.get(headerKey(header)) ?? null;
}

/** The headers a reader of this language would write for a field: theirs first, then the column's own name, each once. */
export function headersFor(column: string, aliases: Aliases, locale: string): string[] {
  const shown = locale === 'ja' ? [...aliases.ja, column] : [column, ...aliases.en];
  const keys = new Set<string>();
  return shown.filter((h) => !keys.has(headerKey(h)) && keys.add(headerKey(h)));
}
