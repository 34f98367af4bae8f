import type { Locale } from './locales';
import type { Messages } from 'next-intl';

// One catalog per locale, plus feature catalogs (messages/<locale>.<feature>.json)
// merged in as their own namespace, so features can be added without
// editing one shared file.
export const features = ['import', 'contactImport', 'series', 'plan', 'calendar', 'feeds', 'contacts', 'touches', 'content', 'auditLog', 'programs', 'coverage', 'capacity', 'economics', 'signals', 'health', 'tasks', 'alerts', 'notifications', 'campaigns', 'accountView'] as const;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const [base, ...parts] = await Promise.all([
    import(`./messages/${locale}.json`) as Promise<{ default: Record<string, unknown> }>,
    ...features.map((f) => import(`./messages/${locale}.${f}.json`) as Promise<{ default: Record<string, unknown> }>),
  ]);
  // Both languages have the English keys (catalog.test.ts), so either reads as the checked type.
  return { ...base.default, ...Object.fromEntries(features.map((f, i) => [f, parts[i]!.default])) } as Messages;
}
