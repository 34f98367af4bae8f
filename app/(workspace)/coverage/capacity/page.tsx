import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { productiveHoursPerCsm } from '@/lib/capacity/capacity';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { addMonths, type LocalDate } from '@/lib/scheduling/local-date';
import { capacityMonth, readMonth } from '@/lib/server/capacity';
import { readerLocale } from '@/lib/server/working-calendar';
import { one, type SearchParams } from '@/lib/url-params';
import { cn } from '@/lib/cn';
import { UtilisationChart } from '@/components/capacity/utilisation-chart';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { AddTimeOffForm, RemoveTimeOffButton } from './_components/time-off-forms';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('capacity'))('title') };
}

/**
 * Capacity for a month: per person the hours their book, hosted sessions
 * and tasks owe, booked, delivered and available (capacity less time off), a
 * utilisation chart with over-capacity marked, the headcount each tier
 * needs, and time off. CSMs see their own month; managers and admins all.
 */
export default async function CapacityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('capacity.read');
  const db = await getDb();
  const [workspace, params, now, t, format, language] = await Promise.all([pageWorkspace(), searchParams, getNow(), getTranslations('capacity'), getFormat(), readerLocale(user)]);
  const seesAll = can(user, 'team.view');
  const today = todayIn(workspace.timeZone, now);
  const month = readMonth(one(params.month), today);
  const data = await capacityMonth(db, { month, now, workspace, language, onlyUserId: seesAll ? undefined : user.id });
  const first = `${month}-01` as LocalDate;
  const monthHref = (d: LocalDate) => `/coverage/capacity?month=${d.slice(0, 7)}`;
  const hours = (h: number) => t('hours', { hours: format.hours(Math.round(h * 10) / 10) });
  const pct = (u: number | null) => (u === null ? t('noUtilisation') : u === Infinity ? '∞' : format.ratio(u));
  const isThisMonth = month === today.slice(0, 7);

  return (
    <ClientMessages ns={['capacity.timeOff']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={seesAll ? t('description') : `${t('mine')} · ${t('description')}`} />
        <nav aria-label={t('title')} className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={monthHref(addMonths(first, -1))} className="rounded-md px-2 py-1 text-brand-700 ring-1 ring-zinc-200 hover:bg-zinc-50">
            ← {t('previous')}
          </Link>
          <span className="font-semibold text-zinc-900">{format.date(first, 'monthYear')}</span>
          <Link href={monthHref(addMonths(first, 1))} className="rounded-md px-2 py-1 text-brand-700 ring-1 ring-zinc-200 hover:bg-zinc-50">
            {t('next')} →
          </Link>
          {!isThisMonth && (
            <Link href="/coverage/capacity" className="text-brand-700 hover:underline">
              {t('thisMonth')}
            </Link>
          )}
          {can(user, 'capacity.plan') && (
            <Link href={`/coverage/capacity/what-if?month=${month}`} className={buttonClass('secondary', 'sm:ml-auto')}>
              {t('whatIf.open')}
            </Link>
          )}
        </nav>

        {data.rows.length === 0 ? (
          <Card>
            <p className="text-sm text-zinc-600">{t('empty')}</p>
          </Card>
        ) : (
          <>
            <Card>
              <UtilisationChart id="utilisation" title={t('chartTitle')} description={t('chartDescription')} rows={data.rows} href={(r) => (seesAll ? `/accounts?owner=${r.id}` : '/accounts')} format={format} />
            </Card>

            <Card title={format.date(first, 'monthYear')} description={t('owedHint')}>
              <div className="-m-4">
                <Table>
                  <thead className="bg-zinc-50">
                    <tr>
                      <Th>{t('person')}</Th>
                      <Th className="text-right">{t('owed')}</Th>
                      <Th className="hidden text-right sm:table-cell">{t('booked')}</Th>
                      <Th className="hidden text-right sm:table-cell">{t('delivered')}</Th>
                      <Th className="hidden text-right md:table-cell">{t('capacity')}</Th>
                      <Th className="hidden text-right md:table-cell">{t('timeOffColumn')}</Th>
                      <Th className="text-right">{t('available')}</Th>
                      <Th className="text-right">{t('utilisation')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100 tabular-nums">
                    {data.rows.map((r) => (
                      <tr key={r.id} className={cn(r.over && 'bg-red-50/60')}>
                        <Td className="font-medium text-zinc-900">
                          {r.name}
                          {r.over && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{t('overCapacity')}</span>}
                        </Td>
                        <Td className="text-right">
                          {hours(r.owed)}
                          {r.hosted > 0 && <span className="block text-xs text-zinc-500">{t('hosted', { hours: hours(r.hosted) })}</span>}
                          {r.tasks > 0 && <span className="block text-xs text-zinc-500">{t('tasks', { hours: hours(r.tasks) })}</span>}
                        </Td>
                        <Td className="hidden text-right sm:table-cell">{hours(r.booked)}</Td>
                        <Td className="hidden text-right sm:table-cell">{hours(r.delivered)}</Td>
                        <Td className="hidden text-right md:table-cell">{hours(r.capacity)}</Td>
                        <Td className="hidden text-right md:table-cell">{r.timeOff ? hours(r.timeOff) : '—'}</Td>
                        <Td className="text-right">{hours(r.available)}</Td>
                        <Td className={cn('text-right font-medium', r.over ? 'text-red-700' : 'text-zinc-900')}>{pct(r.utilisation)}</Td>
                      </tr>
                    ))}
                    {seesAll && data.unassigned > 0 && (
                      <tr>
                        <Td className="whitespace-normal text-zinc-600">
                          <Link href="/accounts?owner=none" className="hover:underline">
                            {t('unassigned')}
                          </Link>
                          <span className="block text-xs text-zinc-500">{t('unassignedHint')}</span>
                        </Td>
                        <Td className="text-right">
                          {hours(data.unassigned)}
                          {data.unassignedTasks > 0 && (
                            <Link href="/tasks" className="block text-xs text-zinc-500 hover:underline">
                              {t('tasks', { hours: hours(data.unassignedTasks) })}
                            </Link>
                          )}
                        </Td>
                        <Td className="hidden sm:table-cell" />
                        <Td className="hidden sm:table-cell" />
                        <Td className="hidden md:table-cell" />
                        <Td className="hidden md:table-cell" />
                        <Td />
                        <Td />
                      </tr>
                    )}
                  </tbody>
                </Table>
              </div>
            </Card>
          </>
        )}

        {seesAll && (
          <Card title={t('headcountTitle')} description={t('headcountDescription', { hours: productiveHoursPerCsm })}>
            <div className="-m-4">
              <Table>
                <thead className="bg-zinc-50">
                  <tr>
                    <Th>{t('tierColumn')}</Th>
                    <Th className="hidden text-right sm:table-cell">{t('accounts')}</Th>
                    <Th className="hidden text-right sm:table-cell">{t('perAccount')}</Th>
                    <Th className="text-right">{t('hoursOwed')}</Th>
                    <Th className="text-right">{t('csmsNeeded')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 tabular-nums">
                  {data.tiers.map((r) => (
                    <tr key={r.tier}>
                      <Td>{t('tier', { tier: r.tier })}</Td>
                      <Td className="hidden text-right sm:table-cell">{format.number(r.accounts)}</Td>
                      <Td className="hidden text-right sm:table-cell">{hours(r.perAccount)}</Td>
                      <Td className="text-right">{hours(r.owed)}</Td>
                      <Td className="text-right">{format.number(r.headcount, { maximumFractionDigits: 1 })}</Td>
                    </tr>
                  ))}
                  <tr>
                    <Td className="whitespace-normal">{t('sessions')}</Td>
                    <Td className="hidden sm:table-cell" />
                    <Td className="hidden sm:table-cell" />
                    <Td className="text-right">{hours(data.sessions.owed)}</Td>
                    <Td className="text-right">{format.number(data.sessions.headcount, { maximumFractionDigits: 1 })}</Td>
                  </tr>
                  <tr className="font-medium">
                    <Td>{t('total')}</Td>
                    <Td className="hidden text-right sm:table-cell">{format.number(data.tiers.reduce((n, r) => n + r.accounts, 0))}</Td>
                    <Td className="hidden sm:table-cell" />
                    <Td className="text-right">{hours(data.tiers.reduce((n, r) => n + r.owed, 0) + data.sessions.owed)}</Td>
                    <Td className="text-right">{format.number(data.tiers.reduce((n, r) => n + r.headcount, 0) + data.sessions.headcount, { maximumFractionDigits: 1 })}</Td>
                  </tr>
                </tbody>
              </Table>
            </div>
          </Card>
        )}

        <Card title={t('timeOff.title')} description={t('timeOff.description')}>
          <div className="space-y-4">
            {data.timeOff.length === 0 ? (
              <p className="text-sm text-zinc-500">{t('timeOff.empty')}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm">
                {data.timeOff.map((e) => {
                  const dates = t('timeOff.days', { from: format.date(e.fromDate), to: format.date(e.toDate) });
                  return (
                    <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0">
                      <span>
                        <span className="font-medium text-zinc-900">{e.userName}</span> <span className="tabular-nums text-zinc-700">{dates}</span>{' '}
                        <span className="text-zinc-500">· {t('timeOff.hoursLine', { hours: format.hours(Number(e.hoursPerDay)) })}</span>
                        {e.note && <span className="text-zinc-500"> · {e.note}</span>}
                      </span>
                      {(seesAll || e.userId === user.id) && <RemoveTimeOffButton id={e.id} label={t('timeOff.removeLabel', { name: e.userName, dates })} />}
                    </li>
                  );
                })}
              </ul>
            )}
            <AddTimeOffForm people={seesAll ? data.rows.map((r) => ({ id: r.id, name: r.name })) : null} selfId={user.id} defaultDate={isThisMonth ? today : first} />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
