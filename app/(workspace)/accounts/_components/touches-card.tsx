import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { withParams, type SearchParams } from '@/lib/url-params';
import { touchKinds, touchModels, type CampaignChannel, type TouchKind, type TouchModel } from '@/lib/vocabulary';

type Touch = {
  id: number;
  kind: TouchKind;
  touchModel: TouchModel;
  occurredAt: Date;
  typeKey: string | null;
  typeName: string | null;
  contactName: string | null;
  contentTitle: string | null;
  contentId: number | null;
  nudgeRule: string | null;
  nudgeChannel: string | null;
  /** The campaign a webhook nudge enrolled the account in. */
  nudgeCampaign: string | null;
  campaignId: number | null;
  campaignName: string | null;
  campaignChannel: CampaignChannel | null;
};

const tones = { high: 'brand', low: 'indigo', tech: 'neutral', community: 'amber' } as const;

/**
 * Every touch the account received, of every model, newest first, from the
 * one ledger coverage reads. Filters and page live in the URL (`touches` for
 * the model, `touchKind`, `touchesPage`), so the rest of the page keeps its state.
 */
export async function TouchesCard({
  accountId,
  touches,
  counts,
  kindCounts,
  model,
  kind,
  page,
  pageSize,
  params,
}: {
  accountId: number;
  touches: Touch[];
  counts: Partial<Record<TouchModel, number>>;
  /** How many of each kind; the kind filter lists the kinds the account has. */
  kindCounts?: Partial<Record<TouchKind, number>>;
  model: TouchModel | undefined;
  kind?: TouchKind;
  page: number;
  pageSize: number;
  params: SearchParams;
}) {
  const [t, tp, tm, format] = await Promise.all([getTranslations('touches'), getTranslations('playbooks'), getTranslations('playbooks.touchModels'), getFormat()]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // With a kind chosen the pager is bounded by that kind's count (with a model too, it may show an empty last page).
  const shown = kind ? (kindCounts?.[kind] ?? 0) : model ? (counts[model] ?? 0) : total;
  const pages = Math.max(1, Math.ceil(shown / pageSize));
  const href = (changes: Record<string, string | number | undefined>) => `/accounts/${accountId}${withParams(params, changes)}#touches`;
  const chip = (value: TouchModel | undefined, label: string, n: number) => (
    <Link
      key={value ?? 'all'}
      href={href({ touches: value, touchesPage: undefined })}
      aria-current={model === value ? 'true' : undefined}
      className={cn(
        'rounded-full px-2.5 py-0.5 text-xs ring-1 ring-inset',
        model === value ? 'bg-brand-50 font-medium text-brand-700 ring-brand-200' : 'text-zinc-600 ring-zinc-200 hover:bg-zinc-50',
      )}
    >
      {label} <span className="tabular-nums text-zinc-400">{n}</span>
    </Link>
  );
  const kindChip = (value: TouchKind | undefined, label: string, n?: number) => (
    <Link
      key={value ?? 'all'}
      href={href({ touchKind: value, touchesPage: undefined })}
      aria-current={kind === value ? 'true' : undefined}
      className={cn('rounded px-2 py-0.5 text-xs ring-1 ring-inset', kind === value ? 'bg-zinc-100 font-medium text-zinc-900 ring-zinc-300' : 'text-zinc-600 ring-zinc-200 hover:bg-zinc-50')}
    >
      {label}
      {n !== undefined && <span className="tabular-nums text-zinc-400"> {n}</span>}
    </Link>
  );
  const kindLabel = (k: TouchKind) => (k === 'activity_completed' ? t('kindActivity') : t(`kinds.${k}`));
  const what = (touch: Touch) => {
    if (touch.kind === 'activity_completed') return t('kinds.activity_completed', { type: activityTypeLabel({ key: touch.typeKey, name: touch.typeName }, tp) });
    if ((touch.kind === 'content_shared' || touch.kind === 'content_opened') && touch.contentId !== null)
      return (
        <>
          {t(`kinds.${touch.kind}`)}:{' '}
          <Link href={`/content/${touch.contentId}`} className="text-brand-700 hover:underline">
            {touch.contentTitle}
          </Link>
        </>
      );
    if (touch.kind === 'alert_nudge' && touch.nudgeRule !== null) {
      const nudge = { rule: touch.nudgeRule, channel: t(touch.nudgeChannel === 'email' ? 'nudgeChannels.email' : 'nudgeChannels.webhook') };
      return touch.nudgeCampaign !== null ? t('nudgeCampaign', { ...nudge, campaign: touch.nudgeCampaign }) : t('nudge', nudge);
    }
    if (touch.kind === 'campaign_delivered' && touch.campaignId !== null && touch.campaignChannel !== null)
      return (
        <Link href={`/campaigns/${touch.campaignId}`} className="text-brand-700 hover:underline">
          {t('campaign', { name: touch.campaignName ?? '', channel: t(`campaignChannels.${touch.campaignChannel}`) })}
        </Link>
      );
    return t(`kinds.${touch.kind}`);
  };

  return (
    <Card title={t('title')} description={t('description')}>
      <div id="touches" className="mb-3 flex flex-wrap gap-1.5" role="navigation" aria-label={t('filter')}>
        {chip(undefined, t('all'), total)}
        {touchModels.map((m) => chip(m, tm(m), counts[m] ?? 0))}
      </div>
      {kindCounts && (
        <div className="mb-3 flex flex-wrap gap-1.5" role="navigation" aria-label={t('filterKind')}>
          {kindChip(undefined, t('allKinds'))}
          {touchKinds.filter((k) => (kindCounts[k] ?? 0) > 0 || k === kind).map((k) => kindChip(k, kindLabel(k), kindCounts[k] ?? 0))}
        </div>
      )}
      {touches.length === 0 ? (
        <p className="text-sm text-zinc-500">{total === 0 ? t('empty') : t('emptyFiltered')}</p>
      ) : (
        <ol className="divide-y divide-zinc-100">
          {touches.map((touch) => (
            <li key={touch.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-1.5 text-sm sm:flex-nowrap">
              <time dateTime={touch.occurredAt.toISOString()} className="w-28 shrink-0 tabular-nums text-zinc-500">
                {format.date(touch.occurredAt)}
              </time>
              <span className="w-24 shrink-0">
                <Badge tone={tones[touch.touchModel]}>{tm(touch.touchModel)}</Badge>
              </span>
              <span className="min-w-0 text-zinc-800">
                {what(touch)}
                {touch.contactName && <span className="text-zinc-500"> · {touch.contactName}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="mt-3 flex items-center justify-between text-xs text-zinc-500" aria-label={t('pages')}>
          <span>{t('pageOf', { page, pages })}</span>
          <span className="flex gap-2">
            {page > 1 && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href({ touchesPage: page - 1 })}>
                {t('newer')}
              </Link>
            )}
            {page < pages && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href({ touchesPage: page + 1 })}>
                {t('older')}
              </Link>
            )}
          </span>
        </nav>
      )}
    </Card>
  );
}
