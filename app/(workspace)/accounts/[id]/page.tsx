import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, Suspense } from 'react';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { accountHeaderFigures } from '@/db/queries/account-view';
import { findAccount } from '@/db/queries/accounts';
import { pendingRequestFor } from '@/db/queries/override-requests';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { findUser } from '@/db/queries/users';
import { accountTabHref, accountTabs, accountView, type AccountTab } from '@/lib/accounts/account-tabs';
import { canEditAccount, canManageAccounts } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import { activityRules } from '@/lib/playbooks/rule-target';
import { describeTierStanding } from '@/lib/tiering/reason-text';
import { parseId } from '@/lib/validation/input';
import type { SearchParams } from '@/lib/url-params';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { AccountHeader } from './_components/account-header';
import { SectionTabs } from './_components/section-tabs';
import { TabSkeleton } from './_components/tab-skeleton';
import { ActivitiesTab } from './_tabs/activities-tab';
import { ContactsTab } from './_tabs/contacts-tab';
import { CampaignsTab } from './_tabs/campaigns-tab';
import { ContentTab } from './_tabs/content-tab';
import { HistoryTab } from './_tabs/history-tab';
import { ProgramsTab } from './_tabs/programs-tab';
import { SignalsTab } from './_tabs/signals-tab';
import type { TabProps } from './_tabs/tab-props';
import { TasksTab } from './_tabs/tasks-tab';
import { TierTab } from './_tabs/tier-tab';
import { TimelineTab } from './_tabs/timeline-tab';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

// Once per request: the title and the page read the same row.
const load = cache(async (idParam: string) => {
  const id = parseId(idParam);
  return id === null ? undefined : findAccount(await getDb(), id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const account = await load((await params).id);
  return { title: account?.name ?? (await getTranslations('accounts'))('title') };
}

/** Each section reads its own data when it is the one open: the first view reads the header and the default section only. */
const sections: Record<AccountTab, (p: TabProps) => Promise<React.ReactNode>> = {
  timeline: TimelineTab,
  activities: ActivitiesTab,
  tasks: TasksTab,
  programs: ProgramsTab,
  content: ContentTab,
  campaigns: CampaignsTab,
  signals: SignalsTab,
  contacts: ContactsTab,
  tier: TierTab,
  history: HistoryTab,
};

/**
 * The account in one view: a header a CSM reads in ten seconds (tier and why,
 * health and trend, money, renewal, owner, touches, open work), then one
 * section at a time at its own address (`?tab=contacts`). Forms open only
 * when asked for (`?form=schedule|task|override`). Every signed-in user reads
 * any account (accounts.read); the forms are for those who may edit it.
 */
export default async function AccountPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const account = await load((await params).id);
  if (!account) notFound();
  const workspace = await pageWorkspace();
  const query = await searchParams;
  const { tab, form } = accountView(query);
  const today = todayIn(workspace.timeZone);
  const editable = canEditAccount(user, account);
  const manage = canManageAccounts(user);
  const [t, tAll, tv, format, figures, owner, overrider, pending, playbooks] = await Promise.all([
    getTranslations('accounts'),
    getTranslations(),
    getTranslations('accountView'),
    getFormat(workspace.currency),
    accountHeaderFigures(db, account.id, today),
    account.ownerId ? findUser(db, account.ownerId) : undefined,
    account.overrideBy ? findUser(db, account.overrideBy) : undefined,
    editable ? pendingRequestFor(db, account.id) : undefined,
    editable ? currentPlaybooks(db) : [],
  ]);
  // The request's own clock (next-intl keeps one per request), so the page renders consistently.
  const nowMs = (await getNow()).getTime();
  const standing = describeTierStanding({ ...account, overrideUntil: account.overrideUntil && format.date(account.overrideUntil), overriderName: overrider?.name ?? null }, loose(tAll), (v) => format.money(v));
  const inPlaybook = activityRules(playbooks.find((p) => p.tier === account.tier)?.rules ?? []).length > 0;
  const overridden = account.tierSource === 'override';
  // A form opens in its section: the link goes to the section, below a tall header on a phone.
  const action = (href: string, label: string, primary = false) => (
    <Link href={href.startsWith(`/accounts/${account.id}?`) ? `${href}#section` : href} className={buttonClass(primary ? 'primary' : 'secondary')}>
      {label}
    </Link>
  );
  const actions = (
    <>
      {editable && action(accountTabHref(account.id, 'activities', 'schedule'), tv('header.scheduleActivity'), true)}
      {editable && can(user, 'tasks.work') && action(accountTabHref(account.id, 'tasks', 'task'), tv('header.newTask'))}
      {editable && inPlaybook && action(`/plan?account=${account.id}`, (await getTranslations('plan'))('planFromPlaybook'))}
      {manage && action(accountTabHref(account.id, 'tier', 'override'), overridden ? t('changeOverride') : t('overrideToggle'))}
      {!manage && editable && !pending && can(user, 'tier.requestOverride') && action(accountTabHref(account.id, 'tier', 'override'), t('requestToggle'))}
      {editable && action(`/accounts/${account.id}/edit`, t('edit'))}
    </>
  );
  const profile: [string, React.ReactNode][] = [
    [t('employees'), account.employees == null ? null : format.number(account.employees)],
    [t('growthPotential'), account.growthPotential ? t(`levels.${account.growthPotential}`) : null],
    [t('churnRisk'), account.churnRisk ? t(`levels.${account.churnRisk}`) : null],
    [t('externalId'), account.externalId],
  ];
  const props: TabProps = { account, user, workspace, today, query, form, editable };
  const Section = sections[tab];
  return (
    <ClientMessages ns={['accounts', 'activities', 'contacts', 'content', 'health.pulse', 'picker', 'programs.accountInvite', 'programs.invite', 'programs.page', 'series', 'tasks', 'workingDays']}>
      <div className="space-y-4">
        <Link href="/accounts" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <AccountHeader account={account} ownerName={owner?.name ?? null} standing={standing} figures={figures} format={format} today={today} nowMs={nowMs} actions={actions} />
        {pending && manage && (
          <Notice tone="info">
            {t('pendingForManager', { name: pending.requesterName, tier: pending.requestedTier })}{' '}
            <Link href="/accounts/requests" className="font-medium underline">
              {t('reviewRequests')}
            </Link>
          </Notice>
        )}
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900">{tv('header.more')}</summary>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
            {profile.map(([label, value]) => (
              <div key={label}>
                <dt className="text-zinc-500">{label}</dt>
                <dd className="text-zinc-900">{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
          {account.notes && <p className="mt-2 whitespace-pre-wrap text-zinc-700">{account.notes}</p>}
        </details>
        <SectionTabs label={tv('sections')} tabs={accountTabs.map((key) => ({ href: accountTabHref(account.id, key), label: tv(`tabs.${key}`), current: key === tab }))} />
        <div id="section" className="scroll-mt-4">
          {/* Keyed by section and address: moving to another section shows its skeleton at once, not the old one. */}
          <Suspense key={`${tab}:${JSON.stringify(query)}`} fallback={<TabSkeleton label={tv('loading')} />}>
            <Section {...props} />
          </Suspense>
        </div>
      </div>
    </ClientMessages>
  );
}
