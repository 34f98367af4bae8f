import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeCsms, findAccount } from '@/db/queries/accounts';
import { plannedBusy } from '@/db/queries/plan';
import { listActivityTypes } from '@/db/queries/playbooks';
import { findUser } from '@/db/queries/users';
import { canEditAccount, canManageAccounts, ownerFor } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { planFor } from '@/lib/server/plan';
import { defaultHorizon, horizons, planWindow, type Horizon } from '@/lib/planning/propose';
import { assignTimes, defaultDuration } from '@/lib/planning/times';
import { addDays } from '@/lib/scheduling/local-date';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { PlanForm, type PlanRow } from './_components/plan-form';
import { PlanScope } from './_components/plan-scope';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { parseId } from '@/lib/validation/input';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

type Search = { csm?: string; account?: string; horizon?: string; tier?: string };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('plan'))('title') };
}

function EmptyState({ title, body, hint, action }: { title: string; body: string; hint?: string; action?: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-8 text-center text-sm text-zinc-500 shadow-sm ring-1 ring-zinc-200">
      <p className="font-medium text-zinc-700">{title}</p>
      <p className="mt-1">{body}</p>
      {hint && <p className="mt-1">{hint}</p>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}

export default async function PlanPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const db = await getDb();
  const workspace = await pageWorkspace();
  const timeZone = user.timeZone ?? workspace.timeZone;
  const today = todayIn(timeZone);
  const horizon: Horizon = horizons.find((h) => String(h) === params.horizon) ?? defaultHorizon;
  const tier = [1, 2, 3].find((n) => String(n) === params.tier);
  const manage = canManageAccounts(user);
  const [t, tp, format, csms, types] = await Promise.all([
    getTranslations('plan'),
    getTranslations('playbooks'),
    getFormat(),
    manage ? activeCsms(db) : Promise.resolve([]),
    listActivityTypes(db),
  ]);

  const accountId = parseId(params.account);
  const account = accountId ? await findAccount(db, accountId) : undefined;
  if (params.account && !account) notFound();
  const csmId = parseId(params.csm);
  const ownerId = account ? account.ownerId : ownerFor(user, csms.some((c) => c.id === csmId) ? csmId : null);

  const header = (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          account && (
            <Link href="/plan" className={buttonClass('secondary')}>
              {t('wholeBook')}
            </Link>
          )
        }
      />
      {account && <p className="-mt-3 mb-3 text-sm text-zinc-600">{t('accountOnly', { name: account.name })}</p>}
      <PlanScope
        values={{ csm: ownerId && !account ? String(ownerId) : '', horizon: String(horizon), tier: tier ? String(tier) : '', account: account ? String(account.id) : '' }}
        csms={manage ? csms : null}
        horizons={horizons}
      />
    </>
  );

  if (account && !canEditAccount(user, account)) {
    return (
      <ClientMessages ns={['plan', 'workingDays']}>
        <div>
          {header}
          <Notice tone="info">
            {t('notYourAccount', { name: account.name })}{' '}
            <Link href="/plan" className="font-medium underline">
              {t('planMyBook')}
            </Link>
          </Notice>
        </div>
      </ClientMessages>
    );
  }
  if (!account && ownerId === null) {
    return (
      <ClientMessages ns={['plan', 'workingDays']}>
        <div>
          {header}
          <EmptyState title={t('chooseCsmTitle')} body={t('chooseCsmBody')} />
        </div>
      </ClientMessages>
    );
  }

  const scope = account ? { accountIds: [account.id] } : { ownerId: ownerId!, tier };
  const { lastDay } = planWindow(today, horizon);
  const [plan, owner, busy] = await Promise.all([
    planFor(db, scope, { today, horizonMonths: horizon, timeZone, language: format.locale }),
    ownerId ? findUser(db, ownerId) : undefined,
    // A proposal may move up to a few working days when its day is full.
    ownerId ? plannedBusy(db, ownerId, today, addDays(lastDay, 7), timeZone) : [],
  ]);
  const typeById = new Map(types.map((ty) => [ty.id, ty]));
  const accountById = new Map(plan.accounts.map((a) => [a.id, a]));
  const bookAhead = new Map([...plan.rules].flatMap(([ruleTier, rs]) => rs.map((r) => [`${ruleTier}:${r.activityTypeId}`, r.bookAheadDays] as const)));
  const typeLabel = (id: number) => {
    const ty = typeById.get(id);
    return ty ? activityTypeLabel(ty, tp) : String(id);
  };

  // Each proposal follows the account's last activity of its type (time of day, length, place, people, agenda), else the defaults.
  const lastOf = (p: { accountId: number; activityTypeId: number }) => plan.lastOfType.get(`${p.accountId}:${p.activityTypeId}`);
  const timed = assignTimes(
    plan.proposals.map((p) => {
      const last = lastOf(p);
      return { ...p, durationMinutes: last?.durationMinutes ?? defaultDuration(typeById.get(p.activityTypeId)?.key ?? null, p.hours), preferredTime: last?.time };
    }),
    busy,
    plan.calendar,
  );
  const rows: PlanRow[] = timed.map((p) => {
    const a = accountById.get(p.accountId)!;
    const last = lastOf(p);
    return {
      key: `${p.accountId}:${p.activityTypeId}:${p.due}`,
      accountId: p.accountId,
      accountName: a.name,
      tier: a.tier,
      activityTypeId: p.activityTypeId,
      typeLabel: typeLabel(p.activityTypeId),
      needsSponsor: typeById.get(p.activityTypeId)?.requiresExecutiveSponsor ?? false,
      sponsor: plan.sponsors.get(`${p.accountId}:${p.activityTypeId}`) ?? '',
      due: p.due,
      overdue: p.overdue,
      bookAheadDays: p.bookBy <= today ? (bookAhead.get(`${a.tier}:${p.activityTypeId}`) ?? null) : null,
      date: p.date,
      time: p.time,
      durationMinutes: p.durationMinutes,
      hours: Number(p.hours),
      moved: p.moved ?? null,
      carried: last
        ? {
            location: last.location,
            people: last.customerAttendees.map((c) => c.name).filter(Boolean),
            colleagues: last.internalAttendees.length,
            agenda: Boolean(last.agenda),
          }
        : null,
    };
  });

  const tiers = [...new Set(plan.accounts.map((a) => a.tier))].sort();
  const empty =
    plan.accounts.length === 0 ? (
      <EmptyState
        title={t('noRulesTitle')}
        body={t('noRulesBody')}
        action={
          can(user, 'playbooks.manage') && (
            <Link href="/admin/playbooks" className={buttonClass('secondary')}>
              {t('noRulesAdmin')}
            </Link>
          )
        }
      />
    ) : (
      <EmptyState
        title={t('coveredTitle')}
        body={t('coveredBody', {
          tiers: format.list(tiers.map((n) => t('tierN', { tier: n }))),
          date: format.date(lastDay),
        })}
        hint={horizon < 12 ? t('coveredHint') : undefined}
      />
    );

  return (
    <ClientMessages ns={['plan', 'workingDays']}>
      <div>
        {header}
        <PlanForm
          // Another book, account or period starts afresh; after creating, the same one keeps its notice.
          key={`${ownerId}:${account?.id ?? ''}:${horizon}:${tier ?? ''}`}
          rows={rows}
          today={today}
          horizon={horizon}
          capacity={owner ? { name: owner.name, hours: owner.capacityHours } : null}
          runBy={account && account.ownerId === null && manage ? csms : null}
          empty={empty}
        />
      </div>
    </ClientMessages>
  );
}
