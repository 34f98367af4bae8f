import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Renewal } from '@/db/queries/home';
import type { Format } from '@/lib/format';
import { TierBadge } from '@/components/tier-badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

/** The accounts renewing soonest, with their ARR; how many more there are beyond those shown. */
export async function RenewalsCard({ renewals, format, showOwner }: { renewals: { rows: Renewal[]; total: number }; format: Format; showOwner: boolean }) {
  const [t, tc] = await Promise.all([getTranslations('home'), getTranslations('calendar')]);
  const more = renewals.total - renewals.rows.length;
  return (
    <Card title={t('renewalsTitle')}>
      {renewals.rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('renewalsEmpty')}</p>
      ) : (
        <div className="-m-4">
          <Table>
            <thead className="bg-zinc-50">
              <tr>
                <Th>{t('account')}</Th>
                <Th className="hidden sm:table-cell">{t('renewalDate')}</Th>
                <Th className="text-right">{t('arr')}</Th>
                {showOwner && <Th className="hidden sm:table-cell">{t('owner')}</Th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {renewals.rows.map((r) => (
                <tr key={r.id}>
                  <Td className="max-w-56 truncate">
                    <TierBadge tier={r.tier} label={tc('tierN', { tier: r.tier })} />{' '}
                    <Link href={`/accounts/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                    <span className="block text-xs tabular-nums text-zinc-500 sm:hidden">{format.date(r.renewalDate)}</span>
                  </Td>
                  <Td className="hidden tabular-nums sm:table-cell">{format.date(r.renewalDate)}</Td>
                  <Td className="text-right tabular-nums">{format.money(r.arr)}</Td>
                  {showOwner && <Td className="hidden text-zinc-600 sm:table-cell">{r.ownerName ?? t('unassigned')}</Td>}
                </tr>
              ))}
            </tbody>
          </Table>
          {more > 0 && <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">{t('renewalsMore', { count: more })}</p>}
        </div>
      )}
    </Card>
  );
}
