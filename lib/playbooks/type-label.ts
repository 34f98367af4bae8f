/**
 * An activity type's name as the app shows it: the name an admin gave it,
 * else the built-in type's name in the reader's language (`tPlaybooks` is a
 * translator of the `playbooks` messages).
 */
export function activityTypeLabel(type: { key: string | null; name: string | null }, tPlaybooks: (key: string) => string): string {
  return type.name ?? (type.key ? tPlaybooks(`types.${type.key}`) : '');
}
