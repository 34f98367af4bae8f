import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';

export type DebuggerItem = {
  key: string;
  time: string;
  accepted: boolean;
  keyName: string;
  type: string;
  event: string;
  user: string;
  account: { id: number; name: string } | null;
  groupId: string | null;
  why: string | null;
  excerpt: string | null;
};

/** The last messages, accepted and refused, with where each went or why it was refused. */
export function DebuggerTable({ rows }: { rows: DebuggerItem[] }) {
  const t = useTranslations('signals.debugger');
  if (!rows.length) return <p className="text-sm text-zinc-500">{t('empty')}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t('time')}</Th>
          <Th>{t('status')}</Th>
          <Th>{t('type')}</Th>
          <Th>{t('event')}</Th>
          <Th>{t('user')}</Th>
          <Th>{t('account')}</Th>
          <Th>{t('key')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((r) => (
          <tr key={r.key} className="align-top">
            <Td className="tabular-nums text-zinc-500">{r.time}</Td>
            <Td>{r.accepted ? <Badge tone="brand">{t('accepted')}</Badge> : <Badge tone="red">{t('rejected')}</Badge>}</Td>
            <Td className="font-mono text-xs">{r.type}</Td>
            {r.accepted ? (
              <>
                <Td className="max-w-56 truncate">{r.event}</Td>
                <Td className="max-w-40 truncate font-mono text-xs">{r.user}</Td>
                <Td>
                  {r.account ? (
                    <Link href={`/accounts/${r.account.id}`} className="text-brand-700 hover:underline">
                      {r.account.name}
                    </Link>
                  ) : r.groupId ? (
                    <span className="text-amber-800">{t('unattributed', { group: r.groupId })}</span>
                  ) : (
                    <span className="text-zinc-500">{t('noGroup')}</span>
                  )}
                </Td>
              </>
            ) : (
              <Td colSpan={3} className="whitespace-normal">
                <p className="text-red-700">{r.why}</p>
                {r.excerpt && <p className="mt-0.5 max-w-xl truncate font-mono text-xs text-zinc-500">{r.excerpt}</p>}
              </Td>
            )}
            <Td className="text-zinc-500">{r.keyName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
