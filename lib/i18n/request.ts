import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { localeCookie, resolveLocale } from './locales';
import { loadMessages } from './messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

// Locale and time zone for this request: the signed-in user's settings,
// else the language cookie / browser and the workspace's time zone.
export default getRequestConfig(async () => {
  const [user, jar, hdrs] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale(user?.locale, jar.get(localeCookie)?.value, hdrs.get('accept-language'));
  const timeZone = user?.timeZone ?? (await pageWorkspace()).timeZone;
  return { locale, timeZone, messages: await loadMessages(locale) };
});
