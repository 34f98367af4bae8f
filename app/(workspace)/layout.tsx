import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { requirePageUser } from '@/lib/auth/current-user';
import { sectionPermission } from '@/lib/auth/sections';
import { Header } from '@/components/shell/header';
import { updateLanguage } from './settings/actions';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  // Checked here, before the page streams behind its loading state, so a refusal is a real 403.
  const user = await requirePageUser(sectionPermission((await headers()).get('x-touchplan-path') ?? '/'));
  const workspace = await getWorkspace(await getDb());
  return (
    <div className="min-h-dvh">
      <Header user={user} workspaceName={workspace.name} saveLanguage={updateLanguage} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
