import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { bookPickPreview } from '@/db/queries/accounts';
import { campaignChoices } from '@/db/queries/campaigns';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import type { WhatIfResult } from '@/lib/capacity/what-if';
import { addFromForm, isEmptyWhatIf, readWhatIf, whatIfQuery, type WhatIfParams } from '@/lib/capacity/what-if-params';
import { coverageRuleLabel } from '@/lib/coverage/rule-label';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { readMonth } from '@/lib/server/capacity';
import { whatIfMonth } from '@/lib/server/what-if';
import { readerLocale } from '@/lib/server/working-calendar';
import { one, type SearchParams } from '@/lib/url-params';
import { cn } from '@/lib/cn';
import { UtilisationChart } from '@/components/capacity/utilisation-chart';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, Stats } from '@/components/ui/stat';
import { Table, Td, Th } from '@/components/ui/table';
import { ApplyMove } from './_components/apply-move';
import { ChangeForms } from './_components/change-forms';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('capacity.whatIf'))('title') };
}

const path = '/coverage/capacity/what-if';

/** The what-if's entries as (name, value) pairs, for the forms to carry. */
function keepPairs(w: WhatIfParams, month: string): [string, string][] {
  return [...new URLSearchParams(whatIfQuery(w, month).slice(1))];
}

/**
 * The capacity what-if (managers and admins): changes held in the URL,
 * each person's month before → after, coverage at risk and headcount, and
 * the parts that map to real actions applied through them. Nothing is
 * written until a part is applied.
 */
export default async function WhatIfPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('capacity.plan');
  const db = await getDb();
  const [workspace, params, now, t, tc, tcov, tp, format, language, campaigns] = await Promise.all([
    pageWorkspace(),
    searchParams,
    getNow(),
    getTranslations('capacity.whatIf'),
    getTranslations('capacity'),
    getTranslations('coverage'),
    getTranslations('playbooks'),
    getFormat(),
    readerLocale(user),
    campaignChoices(db),
  ]);
  const month = readMonth(one(params.month), todayIn(workspace.timeZone, now));
  const w = readWhatIf(params);
  const added = addFromForm(w, params);
  if (added.next) redirect(`${path}${whatIfQuery(added.next, month)}`);

  const data = await whatIfMonth(db, { month, now, workspace, language, params: w });
  const r: WhatIfResult = data.result;
  const hours = (h: number) => tc('hours', { hours: format.hours(Math.round(h * 10) / 10) });
  const pct = (u: number | null) => (u === null ? tc('noUtilisation') : u === Infinity ? '∞' : format.ratio(u));
  const nameOf = (id: number | null) => (id === null ? t('nobody') : id < 0 ? t('newCsm', { n: -id }) : (data.people.find((p) => p.id === id)?.name ?? '?'));
  const typeOf = new Map(data.types.map((x) => [x.id, x]));
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const ruleLabel = (rule: (typeof data.rules)[number]['rule'], every = rule.every) => {
    const type = rule.activityTypeId === null ? undefined : typeOf.get(rule.activityTypeId);
    return coverageRuleLabel({ touchKind: rule.touchKind, activityTypeKey: type?.key ?? null, activityTypeName: type?.name ?? null, campaignName: rule.campaignId === null ? null : (campaignName.get(rule.campaignId) ?? null), every, unit: rule.unit }, loose(tcov), loose(tp));
  };
  const without = (change: Partial<WhatIfParams>) => `${path}${whatIfQuery({ ...w, ...change }, month)}`;
  const isAdmin = can(user, 'users.manage');

  type Change = { key: string; text: string; href: string; problem?: string };
  const changes: Change[] = [
    ...w.moves.map((m, i) => {
      const problem = r.problems.find((p) => p.index === i);
      return {
        key: `move-${i}`,
        text: t('moveLine', { count: m.count, tier: m.tier, from: nameOf(m.from), to: nameOf(m.to) }),
        href: without({ moves: w.moves.filter((_, j) => j !== i) }),
        problem: problem && t(`problems.${problem.reason}`, { available: problem.available }),
      };
    }),
    ...[...w.capacity].map(([id, h]) => ({ key: `cap-${id}`, text: t('capLine', { name: nameOf(id), hours: hours(h) }), href: without({ capacity: new Map([...w.capacity].filter(([k]) => k !== id)) }) })),
    ...w.hires.map((h, i) => ({
      key: `hire-${i}`,
      text: t('hireLine', { name: t('newCsm', { n: i + 1 }), hours: hours(h) }),
      // Dropping a new CSM drops the moves to them too (the next ones renumber).
      href: i === w.hires.length - 1 ? without({ hires: w.hires.slice(0, -1), moves: w.moves.filter((m) => m.to !== -(i + 1) && m.from !== -(i + 1)) }) : without({ hires: w.hires.filter((_, j) => j !== i), moves: w.moves.filter((m) => (m.to ?? 0) >= 0 && (m.from ?? 0) >= 0) }),
    })),
    ...data.rules
      .filter((x) => x.every !== undefined)
      .map((x) => ({
        key: `rule-${x.tier}-${x.index}`,
        text: t('ruleLine', { tier: x.tier, rule: ruleLabel(x.rule), every: ruleLabel(x.rule, x.every).split(' · ').at(-1)! }),
        href: without({ cadences: new Map([...w.cadences].filter(([k]) => k !== `${x.tier}.${x.index}`)) }),
      })),
    ...(w.thresholds
      ? [{ key: 'tiers', text: t('tiersLine', { tier1: format.money(w.thresholds.tier1), tier2: format.money(w.thresholds.tier2) }), href: without({ thresholds: undefined }) }]
      : []),
  ];

  // What applying each move would move, shown before it is applied.
  const applicable = w.moves.map((m, i) => ({ m, i })).filter(({ m, i }) => !r.problems.some((p) => p.index === i) && (m.to ?? 0) >= 0 && (m.from ?? 0) >= 0);
  const previews = await Promise.all(applicable.map(({ m }) => bookPickPreview(db, { from: m.from, tier: m.tier, count: m.count })));
  const overCount = (pick: 'before' | 'after') => r.rows.filter((x) => x[pick]?.over).length;
  const headcount = (pick: 'before' | 'after') => r.tiers.reduce((n, x) => n + x[pick].headcount, 0);
  const people = [{ value: 'none', label: t('nobody') }, ...data.people.map((p) => ({ value: String(p.id), label: p.name }))];
  const targets = [...people, ...w.hires.map((_, i) => ({ value: String(-(i + 1)), label: t('newCsm', { n: i + 1 }) }))];
  const rules = data.rules.map((x) => ({ value: `${x.tier}.${x.index}`, label: `Tier ${x.tier} · ${ruleLabel(x.rule)}` }));
  const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v) ?? '']));
  const first = `${month}-01` as LocalDate;
  const applied = Number(one(params.applied));

  return (
    <ClientMessages ns={['capacity.whatIf']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={`/coverage/capacity?month=${month}`} className="text-brand-700 hover:underline">
            ← {t('back')}
          </Link>
          <span className="text-zinc-600">{t('monthLine', { month: format.date(first, 'monthYear') })}</span>
        </p>
        {applied > 0 && <Notice tone="success">{t('applied', { count: applied })}</Notice>}

        <Card
          title={t('changes')}
          actions={
            !isEmptyWhatIf(w) && (
              <Link href={`${path}?month=${month}`} className="text-xs font-medium text-brand-700 hover:underline">
                {t('clearAll')}
              </Link>
            )
          }
        >
          <div className="space-y-4">
            {changes.length === 0 ? (
              <p className="text-sm text-zinc-600">{t('noChanges')}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm">
                {changes.map((c) => (
                  <li key={c.key} className="flex flex-wrap items-start justify-between gap-2 py-2 first:pt-0">
                    <span>
                      <span className="text-zinc-900">{c.text}</span>
                      {c.problem && <span className="block text-xs text-amber-800">{c.problem}</span>}
                    </span>
                    <Link href={c.href} aria-label={t('removeLabel', { change: c.text })} className="text-sm text-red-700 hover:underline">
                      {t('remove')}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <ChangeForms keep={keepPairs(w, month)} people={people} targets={targets} rules={rules} thresholds={w.thresholds ?? { tier1: data.policy.tier1Threshold, tier2: data.policy.tier2Threshold }} errors={added.errors} failed={added.form} typed={typed} />
          </div>
        </Card>

        {r.rows.length === 0 ? (
          <Card>
            <p className="text-sm text-zinc-600">{t('empty')}</p>
          </Card>
        ) : (
          <>
            <Stats label={t('title')}>
              <Stat
                label={t('atRisk')}
                value={t('beforeAfter', { before: format.number(r.atRisk.before.accounts), after: format.number(r.atRisk.after.accounts) })}
                detail={t('atRiskDetail', { before: format.number(r.atRisk.before.tier1), after: format.number(r.atRisk.after.tier1) })}
                tone={r.atRisk.after.accounts > r.atRisk.before.accounts ? 'bad' : r.atRisk.after.accounts < r.atRisk.before.accounts ? 'good' : 'neutral'}
              />
              <Stat label={t('overPeople')} value={t('beforeAfter', { before: overCount('before'), after: overCount('after') })} tone={overCount('after') > 0 ? 'warn' : 'good'} />
              <Stat label={t('headcount')} value={t('beforeAfter', { before: format.number(headcount('before'), { maximumFractionDigits: 2 }), after: format.number(headcount('after'), { maximumFractionDigits: 2 }) })} />
            </Stats>

            <Card title={t('tableTitle')} description={t('tableHint')}>
              <div className="-m-4">
                <Table>
                  <thead className="bg-zinc-50">
                    <tr>
                      <Th>{tc('person')}</Th>
                      <Th className="text-right">{t('accountsColumn')}</Th>
                      <Th className="text-right">{tc('owed')}</Th>
                      <Th className="hidden text-right sm:table-cell">{tc('available')}</Th>
                      <Th className="text-right">{tc('utilisation')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100 tabular-nums">
                    {r.rows.map((x) => {
                      const both = (f: (s: NonNullable<typeof x.before>) => string) => (x.before ? (f(x.before) === f(x.after) ? f(x.after) : `${f(x.before)} → ${f(x.after)}`) : `→ ${f(x.after)}`);
                      return (
                        <tr key={x.id} className={cn(x.after.over && 'bg-red-50/60')}>
                          <Td className="font-medium text-zinc-900">
                            {x.name ?? t('newCsm', { n: -x.id })}
                            {x.added && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t('newBadge')}</span>}
                            {x.after.over && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{tc('overCapacity')}</span>}
                          </Td>
                          <Td className="text-right">{both((s) => format.number(s.accounts))}</Td>
                          <Td className="text-right">{both((s) => hours(s.owed))}</Td>
                          <Td className="hidden text-right sm:table-cell">{both((s) => hours(s.available))}</Td>
                          <Td className={cn('text-right font-medium', x.after.over ? 'text-red-700' : 'text-zinc-900')}>{both((s) => pct(s.utilisation))}</Td>
                        </tr>
                      );
                    })}
                    {(r.unassigned.before.accounts > 0 || r.unassigned.after.accounts > 0) && (
                      <tr>
                        <Td className="text-zinc-600">{tc('unassigned')}</Td>
                        <Td className="text-right">{r.unassigned.before.accounts === r.unassigned.after.accounts ? format.number(r.unassigned.after.accounts) : `${format.number(r.unassigned.before.accounts)} → ${format.number(r.unassigned.after.accounts)}`}</Td>
                        <Td className="text-right">{r.unassigned.before.owed === r.unassigned.after.owed ? hours(r.unassigned.after.owed) : `${hours(r.unassigned.before.owed)} → ${hours(r.unassigned.after.owed)}`}</Td>
                        <Td className="hidden sm:table-cell" />
                        <Td />
                      </tr>
                    )}
                  </tbody>
                </Table>
              </div>
            </Card>

            <Card>
              <UtilisationChart
                id="what-if-utilisation"
                title={t('chartTitle')}
                description={t('chartDescription')}
                rows={r.rows.map((x) => ({ ...x.after, id: x.id, name: x.name ?? t('newCsm', { n: -x.id }), hosted: 0, tasks: 0, booked: 0, delivered: 0, capacity: 0, timeOff: 0 }))}
                href={(x) => (x.id > 0 ? `/accounts?owner=${x.id}` : '/admin/users/new')}
                format={format}
              />
            </Card>

            <Card title={t('headcountTitle')}>
              <div className="-m-4">
                <Table>
                  <thead className="bg-zinc-50">
                    <tr>
                      <Th>{tc('tierColumn')}</Th>
                      <Th className="hidden text-right sm:table-cell">{tc('accounts')}</Th>
                      <Th className="text-right">{t('perAccountColumn')}</Th>
                      <Th className="text-right">{tc('hoursOwed')}</Th>
                      <Th className="text-right">{tc('csmsNeeded')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100 tabular-nums">
                    {r.tiers.map((x) => {
                      const both = (f: (s: typeof x.before) => string) => (f(x.before) === f(x.after) ? f(x.after) : `${f(x.before)} → ${f(x.after)}`);
                      return (
                        <tr key={x.tier}>
                          <Td>{tc('tier', { tier: x.tier })}</Td>
                          <Td className="hidden text-right sm:table-cell">{format.number(x.after.accounts)}</Td>
                          <Td className="text-right">{both((s) => hours(s.perAccount))}</Td>
                          <Td className="text-right">{both((s) => hours(s.owed))}</Td>
                          <Td className="text-right">{both((s) => format.number(s.headcount, { maximumFractionDigits: 2 }))}</Td>
                        </tr>
                      );
                    })}
                  </tbody>
                </Table>
              </div>
            </Card>

            {!isEmptyWhatIf(w) && (
              <Card title={t('applyTitle')} description={t('applyHint')}>
                <ul className="divide-y divide-zinc-100 text-sm">
                  {applicable.map(({ m, i }, k) => {
                    const p = previews[k]!;
                    const next = `${path}${whatIfQuery({ ...w, moves: w.moves.filter((_, j) => j !== i) }, month)}`;
                    return (
                      <li key={`apply-${i}`} className="space-y-2 py-3 first:pt-0">
                        <p className="text-zinc-800">
                          {t('moveApply', {
                            count: p.count,
                            tier: m.tier,
                            from: nameOf(m.from),
                            to: nameOf(m.to),
                            names: p.names.join(', '),
                            more: p.count > p.names.length ? t('moreNames', { count: p.count - p.names.length }) : '',
                            arr: format.money(p.arr),
                          })}
                        </p>
                        <ApplyMove move={{ fromId: m.from, ownerId: m.to, tier: m.tier, count: p.count }} next={`${next}${next.includes('?') ? '&' : '?'}applied=${p.count}`} />
                      </li>
                    );
                  })}
                  {w.moves.some((m) => (m.to ?? 0) < 0 || (m.from ?? 0) < 0) && <li className="py-3 text-zinc-600">{t('hireFirst')}</li>}
                  {w.hires.length > 0 && isAdmin && (
                    <li className="py-3">
                      <Link href="/admin/users/new" className="font-medium text-brand-700 hover:underline">
                        {t('addUser')}
                      </Link>
                    </li>
                  )}
                  {w.capacity.size > 0 && (
                    <li className="space-y-1 py-3 text-zinc-600">
                      <p>{isAdmin ? t('capAdmin') : t('capManager')}</p>
                      {isAdmin &&
                        [...w.capacity.keys()]
                          .filter((id) => id > 0)
                          .map((id) => (
                            <Link key={id} href={`/admin/users/${id}`} className="mr-3 font-medium text-brand-700 hover:underline">
                              {t('editUser', { name: nameOf(id) })}
                            </Link>
                          ))}
                    </li>
                  )}
                  {w.thresholds && (
                    <li className="space-y-1 py-3 text-zinc-600">
                      <p>{isAdmin ? t('tiersAdmin') : t('tiersManager')}</p>
                      {isAdmin && (
                        <Link href="/admin/tiering" className="font-medium text-brand-700 hover:underline">
                          {t('editTiering')}
                        </Link>
                      )}
                    </li>
                  )}
                  {w.cadences.size > 0 && (
                    <li className="space-y-1 py-3 text-zinc-600">
                      <p>{isAdmin ? t('ruleAdmin') : t('ruleManager')}</p>
                      {isAdmin && (
                        <Link href="/admin/playbooks" className="font-medium text-brand-700 hover:underline">
                          {t('editPlaybooks')}
                        </Link>
                      )}
                    </li>
                  )}
                </ul>
              </Card>
            )}
          </>
        )}
      </div>
    </ClientMessages>
  );
}
