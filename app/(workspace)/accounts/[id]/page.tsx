import { activityRules } from '@/lib/playbooks/rule-target';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms, findAccount } from '@/db/queries/accounts';
import { listAccountActivities } from '@/db/queries/activities';
import { listAccountContacts } from '@/db/queries/contacts';
import { listShareableItems } from '@/db/queries/content';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { listAuditForEntity } from '@/db/queries/audit';
import { pendingRequestFor } from '@/db/queries/override-requests';
import { currentPolicy } from '@/db/queries/tier-policies';
import { listTierHistory } from '@/db/queries/tier-history';
import { findUser, listUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { canEditAccount, canManageAccounts, canManageActivity } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { formatFor } from '@/lib/format';
import { can } from '@/lib/auth/permissions';
import { listOpenSessions } from '@/db/queries/program-sessions';
import { lifetimeYears } from '@/lib/tiering/ltv';
import { describeTierStanding } from '@/lib/tiering/reason-text';
import { TierBadge } from '@/components/tier-badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { AccountTimeline } from '../_components/account-timeline';
import { ActivitiesCard } from '../_components/activities-card';
import { ContactsCard } from '../_components/contacts-card';
import { ClearOverrideForm, RequestOverrideForm, SetOverrideForm } from '../_components/override-forms';
import { TierHistory } from '../_components/tier-history';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { loose } from '@/lib/i18n/loose';
import { parseId, parsePage } from '@/lib/validation/input';
import { one, type SearchParams } from '@/lib/url-params';
import { overridePrefill } from '@/lib/accounts/override-prefill';
import { touchModels, type TouchModel } from '@/lib/vocabulary';
import { countAccountTouches, listAccountTouches, touchPageSize } from '@/db/queries/touches';
import { TouchesCard } from '../_components/touches-card';
import { PlaybookDueCard } from '../_components/playbook-due-card';
import { openObligations } from '@/db/queries/coverage';
import { healthCardData } from '@/lib/server/health-card';
import { HealthCard } from '../_components/health-card';
import { NewTaskForm } from '@/components/tasks/new-task-form';
import { createTask } from '@/app/(workspace)/tasks/actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

async function load(idParam: string) {
  const id = parseId(idParam);
  return id === null ? undefined : findAccount(await getDb(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const account = await load((await params).id);
  return { title: account?.name ?? (await getTranslations('accounts'))('title') };
}

const isTouchModel = (v: string | undefined): v is TouchModel => (touchModels as readonly string[]).includes(v ?? '');

export default async function AccountPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const workspace = await getWorkspace(db);
  const account = await load((await params).id);
  if (!account) notFound();
  const query = await searchParams;
  const touchModel = one(query.touches);
  const touchFilter = { model: isTouchModel(touchModel) ? touchModel : undefined, page: parsePage(one(query.touchesPage)) };
  // A link from elsewhere (the economics page's lists) may open the override form with a tier and reason filled in.
  const prefill = overridePrefill(query);
  const today = todayIn(workspace.timeZone);
  const [t, tAll, tp, format, history, events, pending, owner, overrider, policy, activityRows, types, playbooks, csms, contactRows, touchRows, touchCounts, shareItems, dues, health] = await Promise.all([
    getTranslations('accounts'),
    getTranslations(),
    getTranslations('playbooks'),
    getFormat(workspace.currency),
    listTierHistory(db, account.id),
    listAuditForEntity(db, 'account', account.id),
    pendingRequestFor(db, account.id),
    account.ownerId ? findUser(db, account.ownerId) : undefined,
    account.overrideBy ? findUser(db, account.overrideBy) : undefined,
    currentPolicy(db),
    listAccountActivities(db, account.id),
    listActivityTypes(db),
    currentPlaybooks(db),
    activeCsms(db),
    listAccountContacts(db, account.id),
    listAccountTouches(db, account.id, touchFilter),
    countAccountTouches(db, account.id),
    listShareableItems(db),
    openObligations(db, [account.id]),
    healthCardData(db, account.id, today),
  ]);
  const typeLabel = (ty: { key: string | null; name: string | null }) => activityTypeLabel(ty, tp);
  const playbookTypeIds = new Set(activityRules(playbooks.find((p) => p.tier === account.tier)?.rules ?? []).map((r) => r.activityTypeId));
  // The request's own clock (next-intl keeps one per request), so the page renders consistently.
  const nowMs = (await getNow()).getTime();
  // The same next and last touch as the account list: the earliest planned activity (overdue if its time has passed) and the latest completed one.
  const nextTouch = account.nextTouchAt;
  const lastTouch = account.lastTouchAt;
  const money = (v: string | null) => format.money(v);
  const standing = describeTierStanding({ ...account, overrideUntil: account.overrideUntil && format.date(account.overrideUntil), overriderName: overrider?.name ?? null }, loose(tAll), (v) => money(v));
  const overridden = account.tierSource === 'override';
  const editable = canEditAccount(user, account);
  const manage = canManageAccounts(user);
  // Sessions to invite the account's people to: for those who may invite them (a CSM on their own accounts).
  const openSessions = editable && can(user, 'programs.invite') ? await listOpenSessions(db) : [];
  // A task on this account: whoever may edit it writes one; managers choose any active user as its owner.
  const tTasks = editable ? await getTranslations('tasks') : null;
  const taskOwners = editable && manage ? (await listUsers(db)).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) : null;
  const years = lifetimeYears(account.annualChurnPct, policy.lifetimeCapYears);
  const field = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-zinc-900">{value ?? '—'}</dd>
    </>
  );
  return (
    <div className="space-y-4">
      <Link href="/accounts" className="text-sm text-zinc-500 hover:text-zinc-800">
        ← {t('title')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-center gap-3">
          <TierBadge size="lg" tier={account.tier} override={overridden} label={t('tierN', { tier: account.tier })} />
          <div>
            <h1 className="text-lg font-semibold text-zinc-900">{account.name}</h1>
            <p className="text-sm text-zinc-500">
              {account.domain}
              {account.industry ? ` · ${account.industry}` : ''} · {t(`stages.${account.lifecycleStage}`)}
            </p>
            <p className="text-xs text-zinc-500">
              {t('nextTouch')}:{' '}
              <span className={nextTouch && nextTouch.getTime() < nowMs ? 'text-red-700' : undefined}>
                {nextTouch ? format.date(nextTouch) : '—'}
                {nextTouch && nextTouch.getTime() < nowMs && ` (${t('overdue')})`}
              </span>{' '}
              · {t('lastTouch')}: {lastTouch ? format.date(lastTouch) : '—'}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {editable && playbookTypeIds.size > 0 && (
            <Link href={`/plan?account=${account.id}`} className={buttonClass('secondary')}>
              {(await getTranslations('plan'))('planFromPlaybook')}
            </Link>
          )}
          {editable && (
            <Link href={`/accounts/${account.id}/edit`} className={buttonClass('secondary')}>
              {t('edit')}
            </Link>
          )}
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('tierCardTitle')} className="lg:col-span-2">
          <p className="text-base font-medium text-zinc-900">
            {standing.headline}
          </p>
          {standing.computed !== undefined && (
            <div className="mt-2 space-y-1 text-sm text-zinc-600">
              <p>
                <span className="text-zinc-500">{t('overrideReason')}:</span> {standing.overrideReason}
              </p>
              <p>
                <span className="text-zinc-500">{t('computedUnderneath')}:</span> {standing.computed}
              </p>
            </div>
          )}
          <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            {field(t('arr'), money(account.arr))}
            {field(t('grossMarginPct'), format.percent(account.grossMarginPct))}
            {field(t('annualChurnPct'), format.percent(account.annualChurnPct))}
            {field(t('lifetime'), years === null ? null : t('years', { years: Math.round(years * 10) / 10 }))}
          </dl>
          <p className="mt-2 text-sm">
            <span className="text-zinc-500">{t('ltv')}:</span> <span className="font-semibold tabular-nums">{money(account.ltv)}</span>
          </p>
          {manage && (
            // Closed until wanted: most visits only read the tier.
            <details id="override" open={prefill.open} className="mt-4 scroll-mt-4 border-t border-zinc-100 pt-4">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">{overridden ? t('changeOverride') : t('overrideToggle')}</summary>
              <div className="mt-3 space-y-3">
                <SetOverrideForm id={account.id} version={account.version} defaultTier={prefill.tier ?? account.tier} defaultReason={prefill.reason} />
                {overridden && <ClearOverrideForm id={account.id} version={account.version} computedTier={account.computedTier} />}
              </div>
            </details>
          )}
          {!manage && editable && (
            <div className="mt-4 border-t border-zinc-100 pt-4">
              {pending ? (
                <Notice tone="info">
                  {t('requestPendingSince', { tier: pending.requestedTier, when: format.date(pending.createdAt) })}
                </Notice>
              ) : (
                <details id="override" open={prefill.open}>
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">{t('requestToggle')}</summary>
                  <div className="mt-3">
                    <RequestOverrideForm id={account.id} defaultTier={prefill.tier ?? Math.max(1, account.tier - 1)} defaultReason={prefill.reason} />
                  </div>
                </details>
              )}
            </div>
          )}
        </Card>
        <Card title={t('profile')}>
          <dl className="grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
            {field(t('owner'), owner?.name ?? t('ownerNone'))}
            {field(t('renewalDate'), account.renewalDate && format.date(account.renewalDate))}
            {field(t('employees'), account.employees == null ? null : format.number(account.employees))}
            {field(t('growthPotential'), account.growthPotential ? t(`levels.${account.growthPotential}`) : null)}
            {field(t('churnRisk'), account.churnRisk ? t(`levels.${account.churnRisk}`) : null)}
            {field(t('externalId'), account.externalId)}
          </dl>
          {account.notes && <p className="mt-3 whitespace-pre-wrap border-t border-zinc-100 pt-3 text-sm text-zinc-700">{account.notes}</p>}
        </Card>
      </div>
      <HealthCard data={health} format={format} accountId={account.id} canPulse={editable} />
      {tTasks && (
        <Card title={tTasks('accountCard.title')} description={tTasks('accountCard.description')}>
          <details>
            <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">{tTasks('newTask')}</summary>
            <div className="mt-3">
              <NewTaskForm action={createTask} accountId={account.id} users={taskOwners} defaultOwnerId={manage ? (account.ownerId ?? user.id) : user.id} today={today} />
            </div>
          </details>
        </Card>
      )}
      <ActivitiesCard
        accountId={account.id}
        activities={activityRows.map((a) => ({ ...a, typeLabel: typeLabel({ key: a.typeKey, name: a.typeName }) }))}
        canSchedule={editable}
        canLog={(a) => canManageActivity(user, { ownerId: a.ownerId, accountOwnerId: account.ownerId })}
        schedule={{
          types: types.filter((ty) => ty.active).map((ty) => ({ id: ty.id, label: typeLabel(ty), inPlaybook: playbookTypeIds.has(ty.id), needsSponsor: ty.requiresExecutiveSponsor })),
          csms: manage ? csms : null,
          defaultOwnerId: account.ownerId,
          today: todayIn(user.timeZone ?? workspace.timeZone),
        }}
        contacts={contactRows.filter((c) => c.active).map((c) => ({ name: c.name, title: c.title, roles: c.roles }))}
      />
      <ContactsCard
        accountId={account.id}
        contacts={contactRows}
        canEdit={editable}
        shareItems={shareItems}
        openSessions={openSessions.map((s) => ({ id: s.id, programId: s.programId, label: `${s.title} — ${formatFor(format.locale, s.timeZone).dateTime(new Date(s.startsAt))} (${s.timeZone})` }))}
      />
      {pending && manage && (
        <Notice tone="info">
          {t('pendingForManager', { name: pending.requesterName, tier: pending.requestedTier })}{' '}
          <Link href="/accounts/requests" className="font-medium underline">
            {t('reviewRequests')}
          </Link>
        </Notice>
      )}
      <PlaybookDueCard dues={dues} types={types} />
      <TouchesCard accountId={account.id} touches={touchRows} counts={touchCounts} {...touchFilter} pageSize={touchPageSize} params={query} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TierHistory entries={history} money={(v) => money(v)} />
        <AccountTimeline events={events} currency={workspace.currency} />
      </div>
    </div>
  );
}
