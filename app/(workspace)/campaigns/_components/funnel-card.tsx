import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { Card } from '@/components/ui/card';
import { funnelExits, funnelSteps, type FunnelGroup } from '@/lib/campaigns/funnel';
import { getFormat } from '@/lib/i18n/format';

/** Delivered → opened → clicked → completed per tier, as bars (SVG, drawn on the server), with bounced and unsubscribed apart. */
export async function FunnelCard({ groups }: { groups: FunnelGroup[] }) {
  const [t, format] = await Promise.all([getTranslations('campaigns'), getFormat()]);
  const steps = [...funnelSteps, ...funnelExits];
  return (
    <Card title={t('page.funnel')} description={t('page.funnelHint')}>
      {groups.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('page.funnelEmpty')}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {groups.map(({ tier, counts }) => (
            <ChartFigure
              key={tier}
              id={`funnel-tier-${tier}`}
              title={t('page.tierN', { tier })}
              labels={{ showTable: t('page.showTable'), downloadCsv: t('page.downloadCsv') }}
              table={{
                head: [{ label: t('page.step') }, { label: t('page.accounts'), numeric: true }],
                rows: steps.map((s) => ({ key: s, cells: [t(`outcomes.${s}`), format.number(counts[s])] })),
              }}
            >
              <BarChart
                series={[{ key: 'accounts', label: t('page.accounts'), tone: 'brand' }]}
                rows={steps.map((s) => ({
                  key: s,
                  label: t(`outcomes.${s}`),
                  values: { accounts: counts[s] },
                  note: s === 'delivered' || !counts.delivered ? format.number(counts[s]) : `${format.number(counts[s])} · ${t('page.ofDelivered', { rate: format.ratio(counts[s] / counts.delivered) })}`,
                }))}
                format={(v) => format.number(v)}
              />
            </ChartFigure>
          ))}
        </div>
      )}
    </Card>
  );
}
