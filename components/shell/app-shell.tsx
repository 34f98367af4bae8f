import type { ReactNode } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { LanguageAction } from '@/lib/i18n/language-action';
import type { NotificationActions } from '@/lib/notifications/notification';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Header } from './header';

/** The workspace frame: header with navigation and user menu, then the page. */
type Props = { user: CurrentUser; workspaceName: string; saveLanguage: LanguageAction; notifications: NotificationActions; children: ReactNode };

export function AppShell({ user, workspaceName, saveLanguage, notifications, children }: Props) {
  return (
    <div className="min-h-dvh">
      <ClientMessages ns={['nav', 'notifications', 'feeds']}>
        <Header user={user} workspaceName={workspaceName} saveLanguage={saveLanguage} notifications={notifications} />
      </ClientMessages>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
