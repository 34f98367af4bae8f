import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { coverageFreshness } from '@/db/queries/coverage-report';
import { workspaceHealth } from '@/db/queries/home';
import { smtpUrl } from '@/lib/env';
import type { Format } from '@/lib/format';
import { Card } from '@/components/ui/card';

// The coverage job runs every minute; figures older than this mean it stopped.
const staleAfterMs = 10 * 60_000;

/** For admins: who is active, the versions in force, and what in the setup breaks coverage or capacity, each with where to fix it. */
export async function WorkspaceHealthCard({ now, format }: { now: Date; format: Format }) {
  const db = await getDb();
  const [t, tRoles, health, freshAt] = await Promise.all([getTranslations('home'), getTranslations('roles'), workspaceHealth(db), coverageFreshness(db)]);
  const problems: { text: string; href?: string }[] = [
    ...health.playbooks.filter((p) => p.rules === 0).map((p) => ({ text: t('emptyPlaybook', { tier: p.tier }), href: '/admin/playbooks' })),
    ...(health.csmsWithoutCapacity ? [{ text: t('csmsWithoutCapacity', { count: health.csmsWithoutCapacity }), href: '/admin/users' }] : []),
    ...(health.accountsWithoutOwner ? [{ text: t('accountsWithoutOwner', { count: health.accountsWithoutOwner }), href: '/accounts?owner=none' }] : []),
    ...(!freshAt ? [{ text: t('coverageNever'), href: '/admin/jobs' }] : now.getTime() - freshAt.getTime() > staleAfterMs ? [{ text: t('coverageStale', { time: format.dateTime(freshAt) }), href: '/admin/jobs' }] : []),
    ...(!smtpUrl() ? [{ text: t('smtpMissing') }] : []),
  ];
  return (
    <Card title={t('health')} description={t('healthDescription')}>
      <div className="grid gap-4 md:grid-cols-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-zinc-500">{t('activeUsers')}</dt>
          <dd>{health.users.map((u) => `${tRoles(u.role as 'admin')} ${format.number(u.active)}`).join(' · ')}</dd>
          <dt className="text-zinc-500">{t('policy')}</dt>
          <dd>
            <Link href="/admin/tiering" className="text-brand-700 hover:underline">
              {t('policyVersion', { version: health.policyVersion })}
            </Link>
          </dd>
          {health.playbooks.map((p) => (
            <div key={p.tier} className="contents">
              <dt className="text-zinc-500">{t('playbook', { tier: p.tier })}</dt>
              <dd>
                <Link href="/admin/playbooks" className="text-brand-700 hover:underline">
                  {p.version === null ? t('noPlaybook') : t('playbookVersion', { version: p.version, rules: p.rules })}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
        {problems.length === 0 ? (
          <p className="text-sm text-emerald-700">{t('allGood')}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {problems.map((p) => (
              <li key={p.text} className="flex items-start justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
                <span>{p.text}</span>
                {p.href && (
                  <Link href={p.href} className="shrink-0 font-medium text-amber-900 underline">
                    {t('fix')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
