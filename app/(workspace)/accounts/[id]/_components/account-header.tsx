import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { AccountHeaderFigures } from '@/db/queries/account-view';
import type { AccountRow } from '@/db/queries/accounts';
import { accountTabHref, type AccountTab } from '@/lib/accounts/account-tabs';
import type { Format } from '@/lib/format';
import type { Band } from '@/lib/health/model';
import { daysBetween, type LocalDate } from '@/lib/scheduling/local-date';
import { TierBadge } from '@/components/tier-badge';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';

const bandTone = { poor: 'red', average: 'amber', good: 'brand' } as const satisfies Record<Band, string>;

/** One figure of the header: what it is, the figure, a line under it; a link to the section where it is acted on. */
function Figure({ label, value, detail, href, tone }: { label: string; value: ReactNode; detail?: ReactNode; href?: string; tone?: 'bad' }) {
  const body = (
    <>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className={cn('mt-0.5 text-base font-semibold tabular-nums text-zinc-900', tone === 'bad' && 'text-red-700')}>{value}</dd>
      {detail && <dd className="mt-0.5 line-clamp-2 text-xs text-zinc-500">{detail}</dd>}
    </>
  );
  const box = 'block min-w-0 rounded-lg bg-white px-3 py-2 ring-1 ring-zinc-200';
  return href ? (
    <Link href={href} scroll={false} className={cn(box, 'hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-brand-600')}>
      <dl>{body}</dl>
    </Link>
  ) : (
    <dl className={box}>{body}</dl>
  );
}

export type HeaderProps = {
  account: AccountRow;
  ownerName: string | null;
  standing: { headline: string; overrideReason?: string };
  figures: AccountHeaderFigures;
  format: Format;
  today: LocalDate;
  nowMs: number;
  actions: ReactNode;
};

/**
 * What a CSM reads first: who the account is, its tier and why, health and
 * its trend, the money, the renewal, the owner, the last and next touch, and
 * what is open. Each figure links to the section where it is worked.
 */
export async function AccountHeader({ account, ownerName, standing, figures, format, today, nowMs, actions }: HeaderProps) {
  const [t, ta, th, tt, tm] = await Promise.all([
    getTranslations('accountView.header'),
    getTranslations('accounts'),
    getTranslations('health'),
    getTranslations('touches'),
    getTranslations('playbooks.touchModels'),
  ]);
  const href = (tab: AccountTab) => accountTabHref(account.id, tab);
  const overridden = account.tierSource === 'override';
  const band = figures.healthBand as Band | null;
  const change = figures.healthScore !== null && figures.healthBefore !== null ? figures.healthScore - figures.healthBefore : null;
  const trend =
    change === null ? undefined : change > 0 ? t('trendUp', { points: change, days: 30 }) : change < 0 ? t('trendDown', { points: -change, days: 30 }) : t('trendFlat', { days: 30 });
  const renewalDays = account.renewalDate ? daysBetween(today, account.renewalDate) : null;
  const next = account.nextTouchAt;
  const nextOverdue = next !== null && next.getTime() < nowMs;
  const lastKind = figures.lastTouchKind;
  const lastDetail =
    lastKind === null ? undefined : lastKind === 'activity_completed' ? `${tm(figures.lastTouchModel!)}` : `${tt(`kinds.${lastKind}`)} · ${tm(figures.lastTouchModel!)}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <TierBadge size="lg" tier={account.tier} override={overridden} label={ta('tierN', { tier: account.tier })} />
          <div className="min-w-0">
            <h1 className="text-lg font-semibold break-words text-zinc-900">{account.name}</h1>
            <p className="text-sm text-zinc-500">
              {account.domain}
              {account.industry ? ` · ${account.industry}` : ''} · {ta(`stages.${account.lifecycleStage}`)}
            </p>
            <p className="mt-1 text-sm text-zinc-800">
              <span className="sr-only">{t('tierWhy')}: </span>
              <Link href={href('tier')} scroll={false} className="hover:underline">
                {standing.headline}
              </Link>
            </p>
            {standing.overrideReason && (
              <p className="text-xs text-zinc-600">
                {ta('overrideReason')}: {standing.overrideReason}
              </p>
            )}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">{actions}</div>
      </div>
      <section aria-label={t('figures')} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <Figure
          label={t('health')}
          href={href('signals')}
          value={
            figures.healthScore !== null && band ? (
              <span className="flex items-center gap-2">
                {figures.healthScore} <Badge tone={bandTone[band]}>{th(`bands.${band}`)}</Badge>
              </span>
            ) : (
              <span className="text-sm font-normal text-zinc-500">{t('healthNone')}</span>
            )
          }
          detail={trend}
        />
        <Figure label={t('arr')} value={format.money(account.arr)} href={href('tier')} />
        <Figure label={t('ltv')} value={format.money(account.ltv)} href={href('tier')} />
        <Figure
          label={t('renewal')}
          value={account.renewalDate ? format.date(account.renewalDate) : '—'}
          detail={renewalDays === null ? undefined : renewalDays >= 0 ? t('renewalIn', { days: renewalDays }) : t('renewalPast')}
        />
        <Figure label={t('owner')} value={ownerName ?? ta('ownerNone')} />
        <Figure
          label={t('nextTouch')}
          href={href('activities')}
          tone={nextOverdue ? 'bad' : undefined}
          value={next ? format.date(next) : <span className="text-sm font-normal text-zinc-500">{t('nextNone')}</span>}
          detail={nextOverdue ? ta('overdue') : undefined}
        />
        <Figure
          label={t('lastTouch')}
          href={href('timeline')}
          value={figures.lastTouchAt ? format.date(figures.lastTouchAt) : <span className="text-sm font-normal text-zinc-500">{t('lastNone')}</span>}
          detail={lastDetail}
        />
        <Figure
          label={t('openTasks')}
          href={href('tasks')}
          value={format.number(figures.openTasks)}
          tone={figures.overdueTasks > 0 ? 'bad' : undefined}
          detail={figures.overdueTasks > 0 ? t('overdueTasks', { count: figures.overdueTasks }) : undefined}
        />
        <Figure label={t('openAlerts')} href={href('tasks')} value={format.number(figures.openAlerts)} tone={figures.openAlerts > 0 ? 'bad' : undefined} />
      </section>
    </div>
  );
}
