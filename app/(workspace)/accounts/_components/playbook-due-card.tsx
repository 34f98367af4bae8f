import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import type { RuleDue } from '@/db/queries/coverage';

type Due = Omit<RuleDue, 'accountId'>;

/**
 * What the account's tier's playbook asks, rule by rule, with the touch that
 * last met each and when the next is due: the open obligation of each rule
 * as the coverage figures count it (an activity of the rule's type, or any
 * touch of its kind: a share, an open…).
 */
export async function PlaybookDueCard({ dues, types }: { dues: Due[]; types: { id: number; key: string | null; name: string | null }[] }) {
  if (!dues.length) return null;
  const [t, tp, format] = await Promise.all([getTranslations('touches.playbook'), getTranslations('playbooks'), getFormat()]);
  const typeById = new Map(types.map((ty) => [ty.id, ty]));
  const label = (d: Due) => {
    if (d.campaignName !== null) return tp('campaignDelivered', { name: d.campaignName });
    if (d.touchKind !== null) return tp(`touchKinds.${d.touchKind}`);
    const type = d.activityTypeId === null ? undefined : typeById.get(d.activityTypeId);
    return type ? activityTypeLabel(type, tp) : '';
  };
  return (
    <Card title={t('title')} description={t('description')}>
      <ul className="divide-y divide-zinc-100">
        {dues.map((d) => (
          <li key={`${d.activityTypeId ?? d.touchKind}-${d.campaignId}-${d.every}-${d.unit}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-1.5 text-sm">
            <span className="text-zinc-800">
              {label(d)} <span className="text-zinc-500">· {t('every', { every: d.every, unit: tp(`units.${d.unit}`, { count: d.every }) })}</span>
            </span>
            <span className="flex flex-wrap items-baseline gap-x-3 text-zinc-600 tabular-nums">
              <span>{d.lastMet ? t('last', { date: format.date(d.lastMet) }) : t('never')}</span>
              <span className={d.overdue ? 'font-medium text-red-700' : 'text-zinc-800'}>{t('due', { date: format.date(d.due) })}</span>
              {d.overdue && <Badge tone="red">{t('overdue')}</Badge>}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
