import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { requirePageUser } from '@/lib/auth/current-user';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage() {
  const me = await requirePageUser('users.manage');
  const [t, tRoles, format, users] = await Promise.all([
    getTranslations('users'),
    getTranslations('roles'),
    getFormat(),
    listUsers(await getDb()),
  ]);
  const activeCount = users.filter((u) => u.active).length;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('summary', { active: activeCount, inactive: users.length - activeCount })}
        actions={
          <Link href="/admin/users/new" className={buttonClass('primary')}>
            {t('newUser')}
          </Link>
        }
      />
      <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        <Table>
          <thead className="bg-zinc-50">
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('role')}</Th>
              <Th>{t('status')}</Th>
              <Th className="text-right">{t('capacity')}</Th>
              <Th>{t('lastSignIn')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {users.map((u) => (
              <tr key={u.id} className={u.active ? 'hover:bg-zinc-50' : 'bg-zinc-50/60 text-zinc-400 hover:bg-zinc-50'}>
                <Td>
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                    {u.name}
                  </Link>
                  {u.id === me.id && <span className="ml-1.5 text-xs text-zinc-400">{t('you')}</span>}
                  <div className="text-xs text-zinc-500">{u.email}</div>
                </Td>
                <Td>
                  <Badge tone={u.role === 'admin' ? 'indigo' : u.role === 'manager' ? 'brand' : 'neutral'}>{tRoles(u.role)}</Badge>
                </Td>
                <Td>{u.active ? <Badge tone="brand">{t('active')}</Badge> : <Badge>{t('inactive')}</Badge>}</Td>
                <Td className="text-right tabular-nums">{t('hoursPerMonth', { hours: u.capacityHours })}</Td>
                <Td className="text-xs">
                  {u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('never')}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
