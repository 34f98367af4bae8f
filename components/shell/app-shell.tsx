import type { ReactNode } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { LanguageAction } from '@/lib/i18n/language-action';
import { Header } from './header';

/** The workspace frame: header with navigation and user menu, then the page. */
export function AppShell({ user, workspaceName, saveLanguage, children }: { user: CurrentUser; workspaceName: string; saveLanguage: LanguageAction; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <Header user={user} workspaceName={workspaceName} saveLanguage={saveLanguage} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
