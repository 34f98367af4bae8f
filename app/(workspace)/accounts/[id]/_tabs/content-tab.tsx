import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountShares } from '@/db/queries/account-view';
import { getFormat } from '@/lib/i18n/format';
import { one, withParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { TabProps } from './tab-props';
import { MorePager } from './more-pager';

/** What was shared with the account, newest first, and how many of its recipients opened it. */
export async function ContentTab({ account, workspace, query, editable }: TabProps) {
  const page = parsePage(one(query.page));
  const [t, format, list] = await Promise.all([getTranslations('accountView.content'), getFormat(workspace.currency), listAccountShares(await getDb(), account.id, page)]);
  return (
    <Card title={t('title')} description={t('description')}>
      {list.rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{editable ? t('empty') : t('emptyReadOnly')}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t('item')}</Th>
              <Th>{t('sharedAt')}</Th>
              <Th>{t('by')}</Th>
              <Th>{t('opened')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {list.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-normal">
                  <Link href={`/content/${r.itemId}`} className="text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                </Td>
                <Td className="tabular-nums">{format.date(r.sharedAt)}</Td>
                <Td>{r.sharedByName ?? '—'}</Td>
                <Td className="tabular-nums">
                  {t('openedOf', { opened: r.opened, recipients: r.recipients })}
                  {r.lastOpenedAt && <span className="block text-xs text-zinc-500">{t('lastOpened', { date: format.date(r.lastOpenedAt) })}</span>}
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
