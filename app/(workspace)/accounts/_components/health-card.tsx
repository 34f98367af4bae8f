import { getTranslations } from 'next-intl/server';
import type { Format } from '@/lib/format';
import type { Band, HealthComponent } from '@/lib/health/model';
import type { healthCardData } from '@/lib/server/health-card';
import { addDays } from '@/lib/scheduling/local-date';
import { ScoreTrend } from '@/components/charts/score-trend';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { PulseForm } from './pulse-form';

const bandTone = { poor: 'red', average: 'amber', good: 'brand' } as const satisfies Record<Band, string>;

type Data = Awaited<ReturnType<typeof healthCardData>>;

/** The account's health: score and band, what share of the weight had data, each signal's value, points and weight, the 90-day trend, and the CSM's pulse. */
export async function HealthCard({ data, format, accountId, canPulse }: { data: Data; format: Format; accountId: number; canPulse: boolean }) {
  const t = await getTranslations('health');
  const b = data.breakdown;
  const value = (c: HealthComponent, v: number | null): string => {
    if (v === null) return t('noData');
    switch (c.measure) {
      case 'days_since_seen':
      case 'days_since_human_touch':
        return t('daysAgo', { count: v });
      case 'feature_adoption':
        return format.percent(v);
      case 'usage_trend':
        return `${v > 0 ? '+' : ''}${format.percent(v)}`;
      case 'nps':
        return format.number(v, { maximumFractionDigits: 1 });
      case 'pulse':
        return t(`pulse.${v >= 100 ? 'green' : v >= 50 ? 'yellow' : 'red'}`);
      default:
        return format.number(v);
    }
  };
  const label = (c: HealthComponent) => (c.measure === 'event_30d' ? t('measures.event_30d', { event: c.event ?? '' }) : t(`measures.${c.measure}`));
  // The trend: one point per day of the last 90, a dashed line where the model version changed.
  const days = Array.from({ length: 90 }, (_, i) => addDays(data.from, i));
  const byDay = new Map(data.trend.map((p) => [p.day, p]));
  const points = days.map((d) => ({ label: format.date(d), score: byDay.get(d)?.score ?? null }));
  const markers: { index: number; label: string }[] = [];
  let previous: number | null = null;
  days.forEach((d, i) => {
    const v = byDay.get(d)?.modelVersion ?? null;
    if (v !== null && previous !== null && v !== previous) markers.push({ index: i, label: t('modelChanged', { version: v }) });
    if (v !== null) previous = v;
  });
  const axis = [0, 30, 60, 89].map((i) => ({ index: i, label: format.date(days[i]!, 'short') }));
  const pulse = data.pulse;
  return (
    <Card title={t('title')} description={data.asOf ? t('asOf', { date: format.date(data.asOf), version: data.model.version }) : undefined}>
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-3 lg:col-span-2">
          {b?.score != null && b.band ? (
            <div className="flex items-baseline gap-3">
              <span className="text-4xl font-semibold tabular-nums text-zinc-900">{b.score}</span>
              <Badge tone={bandTone[b.band]}>{t(`bands.${b.band}`)}</Badge>
            </div>
          ) : (
            <div>
              <p className="text-base font-medium text-zinc-900">{t('noScore')}</p>
              <p className="mt-1 text-sm text-zinc-500">{t('noScoreHint')}</p>
            </div>
          )}
          {b && b.score != null && (
            <p className="text-xs text-zinc-500" title={t('dataShareHint')}>
              {t('dataShare', { pct: format.percent(Math.round(b.dataShare * 100)) })}
            </p>
          )}
          <div>
            <p className="mb-1 text-xs font-medium text-zinc-500">{t('trend')}</p>
            {data.trend.length ? <ScoreTrend points={points} bands={data.model} markers={markers} axis={axis} /> : <p className="text-sm text-zinc-500">{t('trendEmpty')}</p>}
          </div>
        </div>
        <div className="lg:col-span-3">
          <Table>
            <thead>
              <tr>
                <Th>{t('component')}</Th>
                <Th className="text-right">{t('value')}</Th>
                <Th className="text-right">{t('points')}</Th>
                <Th className="text-right">{t('weight')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {(b?.parts ?? data.model.components.map((c) => ({ component: c, value: null, points: null, share: 0 }))).map((p) => (
                <tr key={p.component.key} className={p.points === null ? 'text-zinc-400' : undefined}>
                  <Td className="whitespace-normal">{label(p.component)}</Td>
                  <Td className="text-right tabular-nums">{value(p.component, p.value)}</Td>
                  <Td className="text-right tabular-nums">{p.points === null ? '—' : Math.round(p.points)}</Td>
                  <Td className="text-right tabular-nums">{p.points === null ? '—' : format.percent(Math.round(p.share * 1000) / 10)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </div>
      <div className="mt-4 space-y-2 border-t border-zinc-100 pt-4">
        {pulse && (
          <p className="text-xs text-zinc-500">
            {t(pulse.expired ? 'pulse.expired' : 'pulse.until', { date: format.date(pulse.expiresOn) })}
          </p>
        )}
        {canPulse ? (
          <PulseForm accountId={accountId} version={pulse?.version ?? 0} pulse={pulse?.pulse ?? null} note={pulse?.note ?? null} />
        ) : (
          <p className="text-sm text-zinc-700">
            {t('measures.pulse')}: {pulse ? t(`pulse.${pulse.pulse as 'green' | 'yellow' | 'red'}`) : t('pulse.none')}
            {pulse?.note ? ` — ${pulse.note}` : ''}
          </p>
        )}
      </div>
    </Card>
  );
}
