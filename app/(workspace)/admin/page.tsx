import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { adminFor } from '@/components/shell/nav-items';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('adminTitle') };
}

/** The admin sections this user may open, each with what it is for. */
export default async function AdminPage() {
  const [user, t] = await Promise.all([requirePageUser('users.manage'), getTranslations('nav')]);
  return (
    <>
      <PageHeader title={t('adminTitle')} description={t('adminIntro')} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {adminFor(user.role).map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="block h-full rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              <span className="text-sm font-semibold text-zinc-900">{t(item.label)}</span>
              <span className="mt-1 block text-sm text-zinc-600">{t(item.description)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
