/** The program kinds the product ships with; their names are in the catalogs under `programs.kinds`. */
export const builtInProgramKinds = ['webinar', 'study_session', 'workshop', 'office_hours', 'user_group'] as const;
export type BuiltInProgramKind = (typeof builtInProgramKinds)[number];

const isBuiltIn = (key: string): key is BuiltInProgramKind => (builtInProgramKinds as readonly string[]).includes(key);

/** A kind's name as shown: an admin's name, else the built-in kind's name in the reader's language. */
export function programKindLabel(kind: { key: string | null; name: string | null }, t: (key: `kinds.${BuiltInProgramKind}`) => string): string {
  return kind.name ?? (kind.key && isBuiltIn(kind.key) ? t(`kinds.${kind.key}`) : (kind.key ?? ''));
}
