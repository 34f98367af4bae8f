import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { Card } from '@/components/ui/card';
import { funnelRowsFor, type FunnelGroup } from '@/lib/campaigns/funnel';
import type { CampaignChannel } from '@/lib/vocabulary';
import { getFormat } from '@/lib/i18n/format';

/** Delivered → opened → clicked → completed (tours) per tier, as bars (SVG, drawn on the server), with bounced and unsubscribed apart. */
export async function FunnelCard({ channel, groups }: { channel: CampaignChannel; groups: FunnelGroup[] }) {
  const [t, format] = await Promise.all([getTranslations('campaigns'), getFormat()]);
  const steps = funnelRowsFor(channel, groups);
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
                  // The share's meaning is said once, in the card's hint: a short note leaves the bars their width on a phone.
                  note: s === 'delivered' || !counts.delivered ? format.number(counts[s]) : `${format.number(counts[s])} · ${format.ratio(counts[s] / counts.delivered)}`,
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
