'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import type { Message } from '@/lib/actions/result';
import { revokeWriteKey } from '../actions';

export type KeyItem = { id: number; name: string; prefix: string; rate: string; createdBy: string; createdAt: string; lastUsed: string; revoked: string | null };

/** The workspace's write keys, each live one with Revoke (asked to confirm). */
export function KeysTable({ keys }: { keys: KeyItem[] }) {
  const t = useTranslations('signals.keys');
  if (!keys.length) return <p className="text-sm text-zinc-500">{t('empty')}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t('name')}</Th>
          <Th>{t('key')}</Th>
          <Th>{t('rate')}</Th>
          <Th>{t('createdBy')}</Th>
          <Th>{t('lastUsed')}</Th>
          <Th>{t('status')}</Th>
          <Th>
            <span className="sr-only">{t('revoke')}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {keys.map((k) => (
          <tr key={k.id} className={k.revoked ? 'text-zinc-400' : undefined}>
            <Td className="font-medium text-zinc-900">{k.name}</Td>
            <Td className="font-mono text-xs">{k.prefix}…</Td>
            <Td className="tabular-nums">{k.rate}</Td>
            <Td>
              {k.createdBy}
              <span className="block text-xs text-zinc-500">{k.createdAt}</span>
            </Td>
            <Td>{k.lastUsed}</Td>
            <Td>{k.revoked ? <Badge>{t('revoked', { date: k.revoked })}</Badge> : <Badge tone="brand">{t('live')}</Badge>}</Td>
            <Td className="text-right">{!k.revoked && <Revoke id={k.id} name={k.name} />}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Revoke({ id, name }: { id: number; name: string }) {
  const t = useTranslations('signals.keys');
  const message = useMessage();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      const res = await revokeWriteKey(null, { id });
      if (res.ok) {
        setAsking(false);
        router.refresh();
      } else {
        const m: Message = res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' };
        setError(message(m));
      }
    });
  }

  if (!asking)
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('revoke')}
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={t('revokeConfirm', { name })} className="ml-auto max-w-64 space-y-2 whitespace-normal text-left">
      <p className="text-sm text-zinc-700">{t('revokeConfirm', { name })}</p>
      <div className="flex gap-2">
        <Button variant="danger" onClick={revoke} disabled={pending} aria-busy={pending} autoFocus>
          {pending ? t('revoking') : t('revokeYes')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
          {t('cancel')}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
