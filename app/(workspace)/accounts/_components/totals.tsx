import { getTranslations } from 'next-intl/server';
import { formatMoney, formatNumber } from '@/lib/format';

type Row = { tier: number; count: number; arr: string; ltv: string };

/** Accounts, ARR and LTV of the current filter, in all and by tier, with each tier's share of LTV as a bar. */
export async function Totals({ totals, currency, locale }: { totals: Row[]; currency: string; locale: string }) {
  const t = await getTranslations('accounts');
  const money = (v: string) => formatMoney(v, currency, locale, { compact: true });
  const sum = (key: 'arr' | 'ltv') => totals.reduce((s, r) => s + BigInt(r[key].split('.')[0] ?? '0'), 0n).toString();
  const count = totals.reduce((n, r) => n + r.count, 0);
  const ltvTotal = Number(sum('ltv')) || 1;
  const byTier = [1, 2, 3].map((tier) => totals.find((r) => r.tier === tier) ?? { tier, count: 0, arr: '0', ltv: '0' });
  return (
    <section aria-label={t('totals')} className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4 sm:gap-3">
      <div className="rounded-lg bg-white p-3 ring-1 ring-zinc-200">
        <p className="text-xs text-zinc-500">{t('totalAccounts')}</p>
        <p className="text-lg font-semibold tabular-nums">{formatNumber(count, locale)}</p>
        <p className="text-xs text-zinc-500 tabular-nums">
          {t('arrShort')} {money(sum('arr'))} · {t('ltvShort')} {money(sum('ltv'))}
        </p>
      </div>
      {byTier.map((r) => (
        <div key={r.tier} className="rounded-lg bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">{t('tierN', { tier: r.tier })}</p>
          <p className="text-lg font-semibold tabular-nums">{formatNumber(r.count, locale)}</p>
          <p className="text-xs text-zinc-500 tabular-nums">
            {t('arrShort')} {money(r.arr)} · {t('ltvShort')} {money(r.ltv)}
          </p>
          <div className="mt-2 h-1.5 overflow-hidden rounded bg-zinc-100" aria-hidden>
            <div
              className={r.tier === 1 ? 'h-full bg-indigo-500' : r.tier === 2 ? 'h-full bg-brand-500' : 'h-full bg-zinc-400'}
              style={{ width: `${Math.round((Number(r.ltv) / ltvTotal) * 100)}%` }}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
