import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/current-user';
import { sectionPermission } from '@/lib/auth/sections';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AppShell } from '@/components/shell/app-shell';
import { guardPage } from './page-guards';
import { notificationActions } from './notifications/bell-actions';
import { updateLanguage } from './settings/actions';
import { pageWorkspace } from '@/lib/server/page-workspace';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  // Checked here, before the page streams behind its loading state, so a refusal is a real 403 and a miss a real 404.
  const path = (await headers()).get('x-touchplan-path') ?? '/';
  const user = await requirePageUser(sectionPermission(path));
  await guardPage(path, user);
  const workspace = await pageWorkspace();
  return (
    <ClientMessages ns={['errors']}>
      <AppShell user={user} workspaceName={workspace.name} saveLanguage={updateLanguage} notifications={notificationActions}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
