import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { LanguageAction } from '@/lib/i18n/language-action';
import type { NotificationActions } from '@/lib/notifications/notification';
import { buttonClass } from '@/components/ui/button';
import { AppShell } from './app-shell';
import { pageWorkspace } from '@/lib/server/page-workspace';

/**
 * The 403 and 404 pages. A refusal thrown by the workspace layout (before
 * anything streams, so the status is real) is rendered by the root's
 * boundary, outside that layout: a signed-in user still gets the app's
 * header and navigation from here.
 */
type Props = { status: 403 | 404; saveLanguage: LanguageAction; notifications: NotificationActions };

export async function FallbackPage({ status, saveLanguage, notifications }: Props) {
  const [t, user] = await Promise.all([getTranslations('errors'), getCurrentUser()]);
  const body = (
    <div className="mx-auto max-w-md px-4 py-14 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-1 text-xl font-semibold">{status === 403 ? t('forbiddenTitle') : t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{status === 403 ? t('forbiddenBody') : t('notFoundBody')}</p>
      <Link href="/" className={buttonClass('secondary', 'mt-6')}>
        {t('goHome')}
      </Link>
    </div>
  );
  if (!user) return <main className="py-6">{body}</main>;
  const workspace = await pageWorkspace();
  return (
    <AppShell user={user} workspaceName={workspace.name} saveLanguage={saveLanguage} notifications={notifications}>
      {body}
    </AppShell>
  );
}
