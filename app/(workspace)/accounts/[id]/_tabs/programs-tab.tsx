import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountInvitations } from '@/db/queries/account-view';
import { getFormat } from '@/lib/i18n/format';
import { one, withParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { TabProps } from './tab-props';
import { MorePager } from './more-pager';

const tones = { attended: 'brand', registered: 'indigo', waitlisted: 'amber', no_show: 'red', declined: 'neutral', cancelled: 'neutral', invited: 'neutral' } as const;

/** Every program invitation of the account's people, latest session first, with what became of it. */
export async function ProgramsTab({ account, workspace, query, editable }: TabProps) {
  const page = parsePage(one(query.page));
  const [t, tp, format, list] = await Promise.all([
    getTranslations('accountView.programs'),
    getTranslations('programs'),
    getFormat(workspace.currency),
    listAccountInvitations(await getDb(), account.id, page),
  ]);
  return (
    <Card title={t('title')} description={t('description')}>
      {list.rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{editable ? t('empty') : t('emptyReadOnly')}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t('session')}</Th>
              <Th>{t('program')}</Th>
              <Th>{t('contact')}</Th>
              <Th>{t('status')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {list.rows.map((r) => (
              <tr key={r.id}>
                <Td className="tabular-nums">
                  {format.dateTime(r.startsAt)}
                  {r.cancelled && <span className="block text-xs text-amber-700">{t('cancelled')}</span>}
                </Td>
                <Td className="whitespace-normal">
                  <Link href={`/programs/${r.programId}`} className="text-brand-700 hover:underline">
                    {r.programTitle}
                  </Link>
                </Td>
                <Td className="whitespace-normal">{r.contactName}</Td>
                <Td>
                  <Badge tone={tones[r.status]}>{tp(`statuses.${r.status}`)}</Badge>
                  {r.attendedMinutes !== null && <span className="ml-1 text-xs text-zinc-500">{t('minutes', { minutes: r.attendedMinutes })}</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <MorePager page={page} more={list.more} href={(p) => `/accounts/${account.id}${withParams(query, { page: p === 1 ? undefined : p })}`} />
    </Card>
  );
}
