import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { adminFor } from '@/components/shell/nav-items';
import { NavLinks } from '@/components/shell/nav-links';

/** Every admin page gets the admin sections as tabs; the main navigation has one Admin entry. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([requirePageUser(), getTranslations('nav')]);
  const items = adminFor(user.role).map((item) => ({ href: item.href, label: t(item.label) }));
  return (
    <>
      <NavLinks items={items} label={t('adminNav')} className="mb-5 border-b border-zinc-200 pb-2" />
      {children}
    </>
  );
}
