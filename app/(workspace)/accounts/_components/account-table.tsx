'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { TierBadge } from '@/components/tier-badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Table, Td, Th } from '@/components/ui/table';
import type { Message } from '@/lib/actions/result';
import { reassignAccounts } from '../actions';
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
};

type Props = {
  rows: AccountListRow[];
  canReassign: boolean;
  csms: { id: number; name: string }[];
  sort: string;
  dir: 'asc' | 'desc';
  sortHrefs: Record<string, string>;
  emptyHint: 'noAccounts' | 'noMatch';
};

export function AccountTable({ rows, canReassign, csms, sort, dir, sortHrefs, emptyHint }: Props) {
  const t = useTranslations('accounts');
  const message = useMessage();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [owner, setOwner] = useState('');
  const [result, setResult] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function reassign() {
    startTransition(async () => {
      const res = await reassignAccounts(null, { ids: [...selected], ownerId: owner === 'none' ? '' : owner });
      if (res.ok) {
        setResult({ tone: 'success', text: t('reassigned', { count: res.data.count }) });
        setSelected(new Set());
        router.refresh();
      } else {
        const m: Message = res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' };
        setResult({ tone: 'error', text: message(m) });
      }
    });
  }

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
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
      {canReassign && selected.size > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white">
          <span>{t('selected', { count: selected.size })}</span>
          <label htmlFor="reassign-owner" className="ml-2">
            {t('reassignTo')}
          </label>
          <Select id="reassign-owner" value={owner} onChange={(e) => setOwner(e.target.value)} className="w-auto text-zinc-900">
            <option value="">{t('chooseOwner')}</option>
            <option value="none">{t('ownerNone')}</option>
            {csms.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
          <Button variant="secondary" disabled={!owner || pending} onClick={reassign} aria-busy={pending}>
            {pending ? t('reassigning') : t('reassign')}
          </Button>
          <Button variant="ghost" className="text-zinc-300 hover:bg-zinc-800" onClick={() => setSelected(new Set())}>
            {t('clearSelection')}
          </Button>
        </div>
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
                      onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                    />
                  </Th>
                )}
                {header('name', t('name'))}
                {header('tier', t('tier'))}
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
