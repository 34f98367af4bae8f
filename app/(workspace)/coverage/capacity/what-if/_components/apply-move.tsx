'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import type { Message } from '@/lib/actions/result';
import { applyBookMove } from '../actions';

/** Applies one move through the reassignment action, then opens the what-if without it (`next`), the books now changed. */
export function ApplyMove({ move, next }: { move: { fromId: number | null; ownerId: number | null; tier: number; count: number }; next: string }) {
  const t = useTranslations('capacity.whatIf');
  const message = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function apply() {
    startTransition(async () => {
      const res = await applyBookMove(null, { fromId: move.fromId ?? '', ownerId: move.ownerId ?? '', tier: move.tier, count: move.count });
      if (res.ok) {
        setError(null);
        router.replace(next);
        router.refresh();
      } else {
        const m: Message = res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' };
        setError(message(m));
      }
    });
  }

  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={apply} disabled={pending} aria-busy={pending}>
        {pending ? t('applying') : t('applyMove', { count: move.count })}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
