'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/use-format';
import { TierBadge } from '@/components/tier-badge';
import { Table, Td, Th } from '@/components/ui/table';
import { cn } from '@/lib/cn';

export type Preview = {
  matrix: { fromTier: number; toTier: number; count: number }[];
  moved: { id: number; name: string; ownerName: string | null; fromTier: number; toTier: number; ltv: string | null }[];
  movedCount: number;
};

const tiers = [1, 2, 3];

/** The from → to matrix of a re-tiering, and the accounts that would move. */
export function RetierPreview({ preview }: { preview: Preview }) {
  const t = useTranslations('tiering');
  const format = useFormat();
  const count = (from: number, to: number) => preview.matrix.find((m) => m.fromTier === from && m.toTier === to)?.count ?? 0;
  return (
    <div className="space-y-4">
      <table className="text-sm" aria-label={t('matrix')}>
        <thead>
          <tr>
            <th className="p-2 text-left text-xs font-medium text-zinc-500">{t('fromTo')}</th>
            {tiers.map((to) => (
              <th key={to} scope="col" className="p-2 text-center text-xs font-medium text-zinc-500">
                {t('toTier', { tier: to })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tiers.map((from) => (
            <tr key={from}>
              <th scope="row" className="p-2 text-left text-xs font-medium text-zinc-500">
                {t('fromTier', { tier: from })}
              </th>
              {tiers.map((to) => {
                const n = count(from, to);
                return (
                  <td
                    key={to}
                    className={cn(
                      'min-w-20 rounded p-2 text-center tabular-nums',
                      from === to ? 'bg-zinc-50 text-zinc-500' : n === 0 ? 'text-zinc-300' : to < from ? 'bg-indigo-50 font-semibold text-indigo-800' : 'bg-amber-50 font-semibold text-amber-800',
                    )}
                  >
                    {format.number(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.moved.length > 0 ? (
        <div>
          <p className="mb-2 text-xs text-zinc-500">
            {preview.movedCount > preview.moved.length ? t('listCapped', { shown: preview.moved.length, total: preview.movedCount }) : t('listAll')}
          </p>
          <div className="relative max-h-80 overflow-y-auto rounded ring-1 ring-zinc-200">
            <Table>
              <thead className="sticky top-0 bg-zinc-50">
                <tr>
                  <Th>{t('account')}</Th>
                  <Th>{t('owner')}</Th>
                  <Th>{t('change')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {preview.moved.map((m) => (
                  <tr key={m.id}>
                    <Td>
                      <Link href={`/accounts/${m.id}`} className="hover:underline">
                        {m.name}
                      </Link>
                    </Td>
                    <Td>{m.ownerName ?? '—'}</Td>
                    <Td className="flex items-center gap-1">
                      <TierBadge tier={m.fromTier} label={t('fromTier', { tier: m.fromTier })} />
                      <span aria-hidden>→</span>
                      <TierBadge tier={m.toTier} label={t('toTier', { tier: m.toTier })} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-500">{t('nothingMoves')}</p>
      )}
    </div>
  );
}
