/** The content kinds the product ships with; their names are in the catalogs under `content.kinds`. */
export const builtInContentKinds = ['template', 'guide', 'video', 'help_article', 'recording', 'other'] as const;
export type BuiltInContentKind = (typeof builtInContentKinds)[number];

const isBuiltIn = (key: string): key is BuiltInContentKind => (builtInContentKinds as readonly string[]).includes(key);

/** A kind's name as shown: an admin's name, else the built-in kind's name in the reader's language. */
export function contentKindLabel(kind: { key: string | null; name: string | null }, t: (key: `kinds.${BuiltInContentKind}`) => string): string {
  return kind.name ?? (kind.key && isBuiltIn(kind.key) ? t(`kinds.${kind.key}`) : (kind.key ?? ''));
}
