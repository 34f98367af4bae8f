'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type ReactNode } from 'react';
import { useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import type { Message } from '@/lib/actions/result';
import { reassignAccounts } from '../actions';

type Target = { ids: number[] } | { matching: string; expected: number };
export type BarNotice = { tone: 'error' | 'success'; text: string };

/**
 * Moving the selected accounts to another owner: choose the owner, then
 * confirm the move (it says how many and to whom). After a move the selection
 * and the owner are cleared, so a second click cannot move anything again.
 */
export function ReassignBar({ count, csms, target, onDone, onClear, selectAllMatching }: {
  count: number;
  csms: { id: number; name: string }[];
  target: Target;
  /** After a move, with what to tell the user (the bar itself goes away with the selection). */
  onDone: (notice: BarNotice) => void;
  onClear: () => void;
  selectAllMatching: ReactNode;
}) {
  const t = useTranslations('accounts');
  const message = useMessage();
  const router = useRouter();
  const [owner, setOwner] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ownerName = owner === 'none' ? t('ownerNone') : (csms.find((c) => String(c.id) === owner)?.name ?? '');

  function move() {
    startTransition(async () => {
      const res = await reassignAccounts(null, { ...target, ownerId: owner === 'none' ? '' : owner });
      setConfirming(false);
      if (res.ok) {
        setOwner('');
        setError(null);
        onDone({ tone: 'success', text: t('reassigned', { count: res.data.count }) });
        router.refresh();
      } else {
        const m: Message = res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' };
        setError(message(m));
      }
    });
  }

  return (
    <div className="space-y-2">
      {error && <Notice tone="error">{error}</Notice>}
      <div role="region" aria-label={t('reassignBar')} className="flex flex-col gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white sm:flex-row sm:flex-wrap sm:items-center">
        <span className="font-medium">{t('selected', { count })}</span>
        {selectAllMatching && <span className="text-zinc-300">{selectAllMatching}</span>}
        {confirming ? (
          <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
            <span>{t('reassignConfirm', { count, owner: ownerName })}</span>
            <Button variant="secondary" onClick={move} disabled={pending} aria-busy={pending}>
              {pending ? t('reassigning') : t('reassignConfirmButton')}
            </Button>
            <Button variant="ghost" className="text-zinc-300 hover:bg-zinc-800" onClick={() => setConfirming(false)} disabled={pending}>
              {t('back')}
            </Button>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
            <label htmlFor="reassign-owner">{t('reassignTo')}</label>
            <Select id="reassign-owner" value={owner} onChange={(e) => setOwner(e.target.value)} className="w-full text-zinc-900 sm:w-auto">
              <option value="">{t('chooseOwner')}</option>
              <option value="none">{t('ownerNone')}</option>
              {csms.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
            <Button variant="secondary" disabled={!owner} onClick={() => setConfirming(true)}>
              {t('reassign')}
            </Button>
            <Button variant="ghost" className="text-zinc-300 hover:bg-zinc-800" onClick={onClear}>
              {t('clearSelection')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
