'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { TierBadge } from '@/components/tier-badge';
import { Table, Td, Th } from '@/components/ui/table';
import { Notice } from '@/components/ui/notice';
import { ReassignBar, type BarNotice } from './reassign-bar';
import type { LifecycleStage } from '@/lib/vocabulary';

export type AccountListRow = {
  id: number;
  name: string;
  domain: string;
  tier: number;
  override: boolean;
  ownerName: string | null;
  stage: LifecycleStage;
  arr: string;
  ltv: string;
  renewalDate: string | null;
  nextTouch: string | null;
  nextTouchOverdue: boolean;
  lastTouch: string | null;
  /** The health score and its band's words; null before the first score. */
  health: { score: number; band: 'poor' | 'average' | 'good' } | null;
};

const bandDot = { poor: 'bg-red-500', average: 'bg-amber-400', good: 'bg-emerald-500' } as const;

type Props = {
  rows: AccountListRow[];
  canReassign: boolean;
  csms: { id: number; name: string }[];
  sort: string;
  dir: 'asc' | 'desc';
  sortHrefs: Record<string, string>;
  emptyHint: 'noAccounts' | 'noMatch';
  /** How many accounts the filters match, on every page. */
  total: number;
  /** The list's filters as a query string, for moving every matching account. */
  matchingQuery: string;
};

export function AccountTable({ rows, canReassign, csms, sort, dir, sortHrefs, emptyHint, total, matchingQuery }: Props) {
  const t = useTranslations('accounts');
  const th = useTranslations('health');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // Every account the filters match, not only this page's.
  const [allMatching, setAllMatching] = useState(false);
  const [notice, setNotice] = useState<BarNotice | null>(null);

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const toggle = (id: number) => {
    setAllMatching(false);
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const count = allMatching ? total : selected.size;

  const header = (key: string, label: string, className?: string) => (
    <Th className={className} aria-sort={sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={sortHrefs[key] ?? '#'} className="inline-flex items-center gap-1 hover:text-zinc-900">
        {label}
        <span aria-hidden className="text-zinc-400">
          {sort === key ? (dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </Link>
    </Th>
  );

  return (
    <div className="space-y-2">
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      {canReassign && count > 0 && (
        <ReassignBar
          count={count}
          csms={csms}
          target={allMatching ? { matching: matchingQuery, expected: total } : { ids: [...selected] }}
          onDone={(n) => {
            clear();
            setNotice(n);
          }}
          onClear={clear}
          selectAllMatching={
            allSelected && total > rows.length ? (
              allMatching ? (
                <button type="button" className="underline" onClick={() => setAllMatching(false)}>
                  {t('selectPageOnly', { count: selected.size })}
                </button>
              ) : (
                <button type="button" className="underline" onClick={() => setAllMatching(true)}>
                  {t('selectAllMatching', { count: total })}
                </button>
              )
            ) : null
          }
        />
      )}
      <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        {rows.length === 0 ? (
          <div className="p-8 text-center text-sm text-zinc-500">
            <p className="font-medium text-zinc-700">{t(emptyHint)}</p>
            <p className="mt-1">{t(`${emptyHint}Hint`)}</p>
          </div>
        ) : (
          <Table>
            <thead className="bg-zinc-50">
              <tr>
                {canReassign && (
                  <Th className="w-8">
                    <input
                      type="checkbox"
                      aria-label={t('selectAll')}
                      checked={allSelected}
                      onChange={() => (allSelected ? clear() : setSelected(new Set(rows.map((r) => r.id))))}
                    />
                  </Th>
                )}
                {header('name', t('name'))}
                {header('tier', t('tier'))}
                {header('health', th('title'), 'text-right')}
                {header('owner', t('owner'))}
                {header('stage', t('stage'))}
                {header('arr', t('arr'), 'text-right')}
                {header('ltv', t('ltv'), 'text-right')}
                {header('renewal', t('renewalDate'))}
                {header('nextTouch', t('nextTouch'))}
                {header('lastTouch', t('lastTouch'))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((r) => (
                <tr key={r.id} className={selected.has(r.id) ? 'bg-brand-50/50' : 'hover:bg-zinc-50'}>
                  {canReassign && (
                    <Td>
                      <input type="checkbox" aria-label={t('selectAccount', { name: r.name })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                    </Td>
                  )}
                  <Td className="max-w-72 truncate">
                    <Link href={`/accounts/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                    <div className="truncate text-xs text-zinc-500">{r.domain}</div>
                  </Td>
                  <Td>
                    <TierBadge tier={r.tier} override={r.override} label={r.override ? t('tierOverridden', { tier: r.tier }) : t('tierN', { tier: r.tier })} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {r.health ? (
                      <span className="inline-flex items-center gap-1.5" title={th(`bands.${r.health.band}`)}>
                        <span aria-hidden className={`size-2 rounded-full ${bandDot[r.health.band]}`} />
                        {r.health.score}
                        <span className="sr-only">{th(`bands.${r.health.band}`)}</span>
                      </span>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </Td>
                  <Td>{r.ownerName ?? <span className="text-zinc-400">{t('ownerNone')}</span>}</Td>
                  <Td>{t(`stages.${r.stage}`)}</Td>
                  <Td className="text-right tabular-nums">{r.arr}</Td>
                  <Td className="text-right tabular-nums">{r.ltv}</Td>
                  <Td className="tabular-nums">{r.renewalDate ?? '—'}</Td>
                  <Td className={r.nextTouchOverdue ? 'tabular-nums text-red-700' : 'tabular-nums'}>
                    {r.nextTouch ?? '—'}
                    {r.nextTouchOverdue && <span className="ml-1 text-xs">({t('overdue')})</span>}
                  </Td>
                  <Td className="tabular-nums">{r.lastTouch ?? '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </div>
  );
}
