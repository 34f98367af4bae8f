import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { findProgram, invitationPageSize, listHostCandidates, listInvitations, listProgramSessions, programFunnel } from '@/db/queries/programs';
import { canEditAccount, canManageAccounts, canRunProgram } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { smtpUrl } from '@/lib/env';
import { formatFor } from '@/lib/format';
import { programKindLabel } from '@/lib/programs/kind-label';
import { pickSession, sessionPhase } from '@/lib/programs/session-choice';
import { timeZoneOptions } from '@/lib/time-zones';
import { one, withParams, type SearchParams } from '@/lib/url-params';
import { parseId, parsePage } from '@/lib/validation/input';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Pager } from '@/components/ui/pager';
import { Table, Td, Th } from '@/components/ui/table';
import { listUnmatched, unmatchedPageSize } from '@/db/queries/unmatched-attendees';
import { maxReportMegabytes } from '@/lib/validation/program';
import { AddSessionForm } from '../_components/add-session-form';
import { AttendanceImport } from '../_components/attendance-import';
import { FunnelCard } from '../_components/funnel-card';
import { InvitationsTable } from '../_components/invitations-table';
import { InviteForm } from '../_components/invite-form';
import { ReminderForm } from '../_components/reminder-form';
import { UnmatchedAttendees } from '../_components/unmatched-attendees';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

async function load(idParam: string) {
  const id = parseId(idParam);
  return id === null ? undefined : findProgram(await getDb(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const program = await load((await params).id);
  return { title: program?.title ?? (await getTranslations('programs'))('title') };
}

export default async function ProgramPage({ params, searchParams }: Props) {
  const user = await requirePageUser('programs.read');
  const program = await load((await params).id);
  if (!program) notFound();
  const query = await searchParams;
  const db = await getDb();
  const [t, format, sessions, funnel, people, csms] = await Promise.all([
    getTranslations('programs'),
    getFormat(),
    listProgramSessions(db, program.id),
    programFunnel(db, program.id),
    listHostCandidates(db),
    canManageAccounts(user) ? activeCsms(db) : Promise.resolve(null),
  ]);
  const session = pickSession(sessions, parseId(one(query.session)));
  const phase = session && sessionPhase(session);
  const page = parsePage(one(query.page));
  const unmatchedPage = parsePage(one(query.unmatchedPage));
  const [invitations, noShows, unmatched] = session
    ? await Promise.all([listInvitations(db, session.id, { page }), listInvitations(db, session.id, { page: 1, status: 'no_show' }), listUnmatched(db, session.id, unmatchedPage)])
    : [[], [], []];
  const runs = canRunProgram(user, program);
  const canInvite = can(user, 'programs.invite');
  const emailing = smtpUrl() !== undefined;
  const hosts = people.filter((p) => program.hostIds.includes(p.id)).map((p) => p.name);
  // A session's time as its attendees see it: in its own zone.
  const inZone = (s: (typeof sessions)[number]) => `${formatFor(format.locale, s.timeZone).dateTime(new Date(s.startsAt))} (${s.timeZone})`;
  const total = invitations[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / invitationPageSize));
  const unmatchedTotal = unmatched[0]?.total ?? 0;
  const unmatchedPages = Math.max(1, Math.ceil(unmatchedTotal / unmatchedPageSize));
  const here = (changes: Record<string, string | number | undefined>) => `/programs/${program.id}${withParams(query, changes)}`;

  return (
    <ClientMessages ns={['accounts', 'content', 'health', 'import', 'picker', 'programs']}>
      <div className="space-y-4">
        <Link href="/programs" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <div>
          <h1 className="text-lg font-semibold text-zinc-900">{program.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-500">
            <Badge>{programKindLabel({ key: program.kindKey, name: program.kindName }, t)}</Badge>
            <span>{t(`models.${program.touchModel}`)}</span>
            {program.tiers.length > 0 && <span>· {program.tiers.map((n) => t('page.byTier', { tier: n })).join(', ')}</span>}
            {hosts.length > 0 && (
  <span>· {t('page.hostsLine', { names: format.list(hosts) })}</span>
            )}
          </p>
          {program.description && <p className="mt-2 max-w-3xl whitespace-pre-wrap text-sm text-zinc-700">{program.description}</p>}
        </div>

        <div className="grid gap-4 lg:grid-cols-3">
          <Card title={t('page.sessions')} className="lg:col-span-2">
            <Table>
              <thead>
                <tr>
                  <Th>{t('columns.when')}</Th>
                  <Th className="hidden md:table-cell">{t('columns.where')}</Th>
                  <Th className="hidden sm:table-cell">{t('columns.seats')}</Th>
                  <Th className="hidden text-right sm:table-cell">{t('columns.invited')}</Th>
                  <Th className="hidden text-right sm:table-cell">{t('columns.registered')}</Th>
                  <Th className="text-right">{t('columns.attended')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 tabular-nums">
                {sessions.map((s) => (
                  <tr key={s.id} className={s.id === session?.id ? 'bg-brand-50/50' : undefined}>
                    <Td className="whitespace-normal">
                      <Link href={here({ session: s.id, page: undefined })} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline" aria-current={s.id === session?.id ? 'true' : undefined}>
                        {inZone(s)}
                      </Link>
                      <span className="block text-xs text-zinc-500">
                        {t('page.minutes', { count: s.durationMinutes })}
                        {s.cancelled && ` · ${t('page.cancelledSession')}`}
                      </span>
                      <span className="block text-xs text-zinc-500 md:hidden">{[s.onlineUrl && t('page.online'), s.venue].filter(Boolean).join(' · ')}</span>
                      {/* Phones: the figures the hidden columns hold, on one line. */}
                      <span className="block text-xs text-zinc-500 sm:hidden">
                        {s.capacity === null ? t('page.unlimited') : t('page.seatsLeft', { left: Math.max(0, s.capacity - s.seatsTaken), capacity: s.capacity })} ·{' '}
                        {t('funnelLine', { invited: s.invited, registered: s.registered, attended: s.attended })}
                      </span>
                    </Td>
                    <Td className="hidden max-w-48 whitespace-normal md:table-cell">
                      {s.onlineUrl && (
                        <a href={s.onlineUrl} target="_blank" rel="noopener noreferrer" className="block truncate text-brand-700 hover:underline">
                          {t('page.online')}
                        </a>
                      )}
                      {s.venue && <span className="block text-zinc-700">{s.venue}</span>}
                    </Td>
                    <Td className="hidden whitespace-normal sm:table-cell">
                      {s.capacity === null ? t('page.unlimited') : t('page.seatsLeft', { left: Math.max(0, s.capacity - s.seatsTaken), capacity: s.capacity })}
                      {s.waitlisted > 0 && <span className="block text-xs text-zinc-500">{t('page.waitlisted', { count: s.waitlisted })}</span>}
                    </Td>
                    <Td className="hidden text-right sm:table-cell">{s.invited}</Td>
                    <Td className="hidden text-right sm:table-cell">{s.registered}</Td>
                    <Td className="text-right">{s.attended}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {runs && !program.archived && (
              <details className="border-t border-zinc-100 px-4 py-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('form.addSession')}</summary>
                <div className="mt-3">
                  <AddSessionForm programId={program.id} timeZones={timeZoneOptions()} defaultTimeZone={sessions.at(-1)?.timeZone ?? format.timeZone} />
                </div>
              </details>
            )}
          </Card>
          <FunnelCard funnel={funnel} />
        </div>

        {session && (
          <>
            <h2 className="pt-2 text-base font-semibold text-zinc-900">{inZone(session)}</h2>
            {canInvite && !session.cancelled && phase !== 'over' && (
              <Card title={t('invite.title')}>
                <InviteForm sessionId={session.id} csms={csms} />
              </Card>
            )}
            {runs && phase !== 'upcoming' && !session.cancelled && (
              <Card title={t('attendanceImport.title')} description={t('attendanceImport.description')}>
                <AttendanceImport sessionId={session.id} maxMegabytes={maxReportMegabytes} />
              </Card>
            )}
            {unmatchedTotal > 0 && (
              <Card title={`${t('unmatched.title')} (${unmatchedTotal})`} description={runs ? t('unmatched.description') : undefined}>
                <div id="unmatched" />
                <UnmatchedAttendees
                  sessionId={session.id}
                  rows={unmatched.map((r) => ({ id: r.id, name: r.name, email: r.email, minutes: r.minutes, accountId: r.accountId, accountName: r.accountName, canAdd: r.accountId !== null && r.email !== null && canEditAccount(user, { ownerId: r.accountOwnerId }) }))}
                  canResolve={runs}
                />
                {unmatchedPages > 1 && (
                  <Pager
                    page={unmatchedPage}
                    pages={unmatchedPages}
                    href={(n) => `${here({ unmatchedPage: n === 1 ? undefined : n })}#unmatched`}
                    labels={{ previous: t('page.previous'), next: t('page.next'), pageOf: t('page.pageOf', { page: unmatchedPage, pages: unmatchedPages }) }}
                  />
                )}
              </Card>
            )}
            {runs && emailing && !session.cancelled && phase === 'upcoming' && (
              <Card title={t('reminder.title')}>
                <ReminderForm sessionId={session.id} />
              </Card>
            )}
            <Card title={t('page.invitations')} description={runs && phase === 'upcoming' ? t('attendance.notYet') : undefined}>
              <div id="invitations" />
              {total > 0 && (
                // Without SMTP nothing was emailed: the links go out through the user's own mail tool (the same file serves a merge with SMTP too).
                <div className="mb-3">
                  {emailing ? (
                    <a href={`/programs/links/${session.id}`} download className="text-sm font-medium text-brand-700 hover:underline">
                      {t('page.downloadLinks')}
                    </a>
                  ) : (
                    <Notice tone="info">
                      {t('page.notEmailed')}{' '}
                      <a href={`/programs/links/${session.id}`} download className="font-medium underline">
                        {t('page.downloadLinks')}
                      </a>
                    </Notice>
                  )}
                </div>
              )}
              {invitations.length === 0 ? (
                <p className="text-sm text-zinc-500">{t('page.noInvitations')}</p>
              ) : (
                <InvitationsTable sessionId={session.id} rows={invitations} canMark={runs && phase !== 'upcoming'} />
              )}
              {pages > 1 && (
                <Pager page={page} pages={pages} href={(n) => `${here({ page: n === 1 ? undefined : n })}#invitations`} labels={{ previous: t('page.previous'), next: t('page.next'), pageOf: t('page.pageOf', { page, pages }) }} />
              )}
            </Card>
            <Card title={t('page.followUp')}>
              {noShows.length === 0 ? (
                <p className="text-sm text-zinc-500">{t('page.noNoShows')}</p>
              ) : (
                <ul className="divide-y divide-zinc-100 text-sm">
                  {noShows.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                      <span className="font-medium text-zinc-900">{r.contactName}</span>
                      {r.email && <span className="text-xs text-zinc-500">{r.email}</span>}
                      <Link href={`/accounts/${r.accountId}`} className="text-brand-700 hover:underline">
                        {r.accountName}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
