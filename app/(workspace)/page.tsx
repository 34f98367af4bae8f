import type { Metadata } from 'next';
import { getLocale, getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requirePageUser } from '@/lib/auth/current-user';
import { roles } from '@/lib/auth/roles';
import { monthNames } from '@/lib/i18n/month-names';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { ScheduleTeaser } from '@/components/calendar/schedule-teaser';
import { ownsBook } from '@/lib/vocabulary';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function HomePage() {
  const me = await requirePageUser();
  const db = await getDb();
  const [t, tRoles, locale, workspace, users, now] = await Promise.all([
    getTranslations('home'),
    getTranslations('roles'),
    getLocale(),
    getWorkspace(db),
    listUsers(db),
    getNow(),
  ]);
  const team = users.filter((u) => u.active).sort((a, b) => roles.indexOf(b.role) - roles.indexOf(a.role) || a.name.localeCompare(b.name, locale));
  const csms = team.filter((u) => ownsBook(u.role));
  const csmHours = csms.reduce((sum, u) => sum + u.capacityHours, 0);
  const fiscalMonth = monthNames(locale).find((m) => m.value === workspace.fiscalYearStartMonth)?.label;
  return (
    <>
      <PageHeader title={t('welcome', { name: me.name })} description={t('intro', { role: tRoles(me.role) })} />
      <ScheduleTeaser userId={me.id} now={now} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('workspace')} className="lg:col-span-1">
          <dl className="grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
            <dt className="text-zinc-500">{t('name')}</dt>
            <dd className="font-medium">{workspace.name}</dd>
            <dt className="text-zinc-500">{t('currency')}</dt>
            <dd>{workspace.currency}</dd>
            <dt className="text-zinc-500">{t('timeZone')}</dt>
            <dd>{workspace.timeZone}</dd>
            <dt className="text-zinc-500">{t('fiscalYearStart')}</dt>
            <dd>{fiscalMonth}</dd>
          </dl>
        </Card>
        <Card
          title={t('team')}
          description={t('teamSummary', { csms: csms.length, hours: csmHours })}
          className="lg:col-span-2"
        >
          <div className="-m-4">
            <Table>
              <thead className="bg-zinc-50">
                <tr>
                  <Th>{t('member')}</Th>
                  <Th>{t('role')}</Th>
                  <Th className="text-right">{t('capacity')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {team.map((u) => (
                  <tr key={u.id}>
                    <Td>
                      <span className="font-medium text-zinc-900">{u.name}</span>
                      <span className="ml-2 hidden text-xs text-zinc-500 sm:inline">{u.email}</span>
                    </Td>
                    <Td>
                      <Badge tone={u.role === 'admin' ? 'indigo' : u.role === 'manager' ? 'brand' : 'neutral'}>{tRoles(u.role)}</Badge>
                    </Td>
                    <Td className="text-right tabular-nums">{t('hoursPerMonth', { hours: u.capacityHours })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </Card>
      </div>
    </>
  );
}
