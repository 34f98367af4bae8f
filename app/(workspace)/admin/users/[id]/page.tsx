import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { findUser } from '@/db/queries/users';
import { requirePageUser } from '@/lib/auth/current-user';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { ResetPasswordForm } from '../_components/reset-password-form';
import { UserDetailsForm } from '../_components/user-details-form';
import { UserStatusForm } from '../_components/user-status-form';
import { ownedWork } from '@/db/queries/handover';
import { activeCsms } from '@/db/queries/accounts';
import { parseId } from '@/lib/validation/input';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const me = await requirePageUser('users.manage');
  const { id } = await params;
  const userId = parseId(id);
  const db = await getDb();
  const user = userId === null ? undefined : await findUser(db, userId);
  if (!user) notFound();
  const [t, format, { created }, owned, csms] = await Promise.all([getTranslations('users'), getFormat(), searchParams, ownedWork(db, user.id), activeCsms(db)]);
  return (
    <ClientMessages ns={['roles', 'users']}>
      <div className="max-w-3xl space-y-4">
        <Link href="/admin/users" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <PageHeader
          title={
            <span className="flex items-center gap-2">
              {user.name} {!user.active && <Badge>{t('inactive')}</Badge>}
            </span>
          }
          description={
            <>
              {user.email} ·{' '}
              {user.lastSignInAt
                ? t('lastSignInAt', { when: format.dateTime(user.lastSignInAt) })
                : t('neverSignedIn')}
            </>
          }
        />
        {created && <Notice tone="success">{t('created', { name: user.name })}</Notice>}
        <Card title={t('details')}>
          <UserDetailsForm user={{ id: user.id, version: user.version, name: user.name, role: user.role, capacityHours: user.capacityHours }} />
        </Card>
        <Card title={t('statusTitle')} description={user.active ? t('deactivateDescription') : t('reactivateDescription')}>
          <UserStatusForm id={user.id} version={user.version} active={user.active} isSelf={user.id === me.id} owned={owned} csms={csms.filter((c) => c.id !== user.id)} />
        </Card>
        <Card title={t('resetPassword')} description={t('resetPasswordDescription')}>
          <ResetPasswordForm id={user.id} />
        </Card>
      </div>
    </ClientMessages>
  );
}
