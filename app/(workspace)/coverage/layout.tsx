import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { cockpitFor } from '@/components/shell/nav-items';
import { NavLinks } from '@/components/shell/nav-links';

/** Coverage, capacity and unit economics as tabs under the one "Coverage" entry of the main navigation. */
export default async function CockpitLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations('nav')]);
  const items = cockpitFor(user.role).map((item) => ({ href: item.href, label: t(item.label) }));
  return (
    <>
      {items.length > 1 && <NavLinks items={items} label={t('cockpitNav')} className="mb-5 border-b border-zinc-200 pb-2" />}
      {children}
    </>
  );
}
