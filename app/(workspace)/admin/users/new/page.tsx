import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CreateUserForm } from '../_components/create-user-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('newUser') };
}

export default async function NewUserPage() {
  await requirePageUser('users.manage');
  const t = await getTranslations('users');
  return (
    <ClientMessages ns={['roles', 'users']}>
      <div className="max-w-xl">
        <Link href="/admin/users" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <PageHeader title={t('newUser')} description={t('newUserDescription')} />
        <Card>
          <CreateUserForm />
        </Card>
      </div>
    </ClientMessages>
  );
}
