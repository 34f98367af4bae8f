import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { Conversion, GroupConversion } from '@/lib/campaigns/conversion';
import { getFormat } from '@/lib/i18n/format';

/** Goal conversion of the delivered accounts against the audience's accounts not delivered. */
export async function ConversionCard({ goal, conversion }: { goal: { event: string; days: number } | null; conversion: Conversion | null }) {
  const [t, format] = await Promise.all([getTranslations('campaigns'), getFormat()]);
  const group = (label: string, g: GroupConversion, key: string) => (
    <div className="rounded-md bg-zinc-50 px-3 py-2 ring-1 ring-inset ring-zinc-200" data-group={key}>
      <p className="text-xs text-zinc-500">{label}</p>
      <p className="text-xl font-semibold tabular-nums text-zinc-900">{g.rate === null ? t('none') : format.ratio(g.rate)}</p>
      <p className="text-xs text-zinc-600">{g.accounts ? t('page.converted', { converted: g.converted, accounts: g.accounts }) : t('page.noAccounts')}</p>
    </div>
  );
  return (
    <Card title={t('page.conversion')} description={goal ? t('page.conversionHint', { event: goal.event, days: goal.days }) : undefined}>
      {!goal || !conversion ? (
        <p className="text-sm text-zinc-500">{t('page.conversionNoGoal')}</p>
      ) : (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {group(t('page.deliveredGroup'), conversion.delivered, 'delivered')}
            {group(t('page.comparisonGroup'), conversion.comparison, 'comparison')}
          </div>
          {conversion.lift !== null && (
            <p className="text-sm text-zinc-700">{t('page.lift', { points: format.number(conversion.lift * 100, { maximumFractionDigits: 1 }) })}</p>
          )}
        </div>
      )}
    </Card>
  );
}
