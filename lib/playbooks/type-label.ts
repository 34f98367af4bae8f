/** The activity types the product ships with; their names are in the catalogs under `playbooks.types`. */
export const builtInActivityTypes = ['regular_meeting', 'qbr', 'onsite_visit', 'onboarding_session', 'executive_briefing'] as const;
export type BuiltInActivityType = (typeof builtInActivityTypes)[number];

const isBuiltIn = (key: string): key is BuiltInActivityType => (builtInActivityTypes as readonly string[]).includes(key);

/**
 * An activity type's name as the app shows it: the name an admin gave it,
 * else the built-in type's name in the reader's language (`tPlaybooks` is a
 * translator of the `playbooks` messages).
 */
export function activityTypeLabel(type: { key: string | null; name: string | null }, tPlaybooks: (key: `types.${BuiltInActivityType}`) => string): string {
  return type.name ?? (type.key && isBuiltIn(type.key) ? tPlaybooks(`types.${type.key}`) : (type.key ?? ''));
}
