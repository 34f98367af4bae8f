import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountShares } from '@/db/queries/account-view';
import { getFormat } from '@/lib/i18n/format';
import { one, withParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { Card } from '@/components/ui/card';
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
        <ol className="divide-y divide-zinc-100">
          {list.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2 text-sm sm:flex-nowrap">
              <time dateTime={r.sharedAt.toISOString()} className="shrink-0 tabular-nums text-zinc-500 sm:w-28">
                {format.date(r.sharedAt)}
              </time>
              <span className="order-last min-w-0 basis-full sm:order-none sm:basis-auto sm:flex-1">
                <Link href={`/content/${r.itemId}`} className="text-brand-700 hover:underline">
                  {r.title}
                </Link>
                {r.sharedByName && <span className="text-zinc-500"> · {r.sharedByName}</span>}
              </span>
              <span className="shrink-0 tabular-nums text-zinc-700">
                {t('openedOf', { opened: r.opened, recipients: r.recipients })}
                {r.lastOpenedAt && <span className="text-xs text-zinc-500"> · {t('lastOpened', { date: format.date(r.lastOpenedAt) })}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      <MorePager page={page} more={list.more} href={(p) => `/accounts/${account.id}${withParams(query, { page: p === 1 ? undefined : p })}`} />
    </Card>
  );
}
