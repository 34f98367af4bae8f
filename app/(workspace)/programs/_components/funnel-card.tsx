import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { Card } from '@/components/ui/card';

type Row = { tier: number; invited: number; registered: number; attended: number; accounts: number };

/** Invited → registered → attended, overall and per tier, as bars against the invited count. */
export async function FunnelCard({ funnel }: { funnel: Row[] }) {
  const [t, format] = await Promise.all([getTranslations('programs'), getFormat()]);
  const all = funnel.reduce((a, r) => ({ invited: a.invited + r.invited, registered: a.registered + r.registered, attended: a.attended + r.attended, accounts: a.accounts + r.accounts }), {
    invited: 0,
    registered: 0,
    attended: 0,
    accounts: 0,
  });
  const groups = [{ label: t('page.all'), ...all }, ...(funnel.length > 1 ? funnel.map((r) => ({ label: t('page.byTier', { tier: r.tier }), ...r })) : [])];
  const steps = [
    ['invited', 'bg-zinc-300'],
    ['registered', 'bg-brand-300'],
    ['attended', 'bg-brand-600'],
  ] as const;
  return (
    <Card title={t('page.funnel')} description={t('page.funnelHint')}>
      {all.invited === 0 ? (
        <p className="text-sm text-zinc-500">{t('page.noInvitations')}</p>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <div key={g.label} className="space-y-1" data-funnel={g.label}>
              <p className="text-xs font-semibold text-zinc-700">{g.label}</p>
              {steps.map(([step, color]) => (
                <div key={step} className="flex items-center gap-2 text-xs">
                  <span className="w-20 shrink-0 text-zinc-600">{t(`columns.${step}`)}</span>
                  <span className="h-2.5 flex-1 rounded-sm bg-zinc-100">
                    <span className={`block h-full rounded-sm ${color}`} style={{ width: `${g.invited ? (g[step] / g.invited) * 100 : 0}%`, minWidth: g[step] ? '2px' : undefined }} />
                  </span>
                  <span className="w-10 text-right tabular-nums text-zinc-800" data-step={step}>
                    {g[step]}
                  </span>
                </div>
              ))}
              <p className="text-xs text-zinc-500">
                {g.registered ? t('page.attendanceRate', { rate: format.ratio(g.attended / g.registered) }) : t('none')}
                {g.accounts > 0 && ` · ${t('page.accountsCame', { count: g.accounts })}`}
              </p>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
