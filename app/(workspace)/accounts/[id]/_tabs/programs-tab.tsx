import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountInvitations } from '@/db/queries/account-view';
import { getFormat } from '@/lib/i18n/format';
import { one, withParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { TabProps } from './tab-props';
import { MorePager } from './more-pager';

const tones = { attended: 'brand', registered: 'indigo', waitlisted: 'amber', no_show: 'red', declined: 'neutral', cancelled: 'neutral', invited: 'neutral' } as const;

/** Every program invitation of the account's people, latest session first, with what became of it: a list that reads on a phone as on a desk. */
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
        <ol className="divide-y divide-zinc-100">
          {list.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2 text-sm sm:flex-nowrap">
              <span className="shrink-0 tabular-nums text-zinc-500 sm:w-44">
                {format.dateTime(r.startsAt)}
                {r.cancelled && <span className="ml-1 text-xs text-amber-700">{t('cancelled')}</span>}
              </span>
              <span className="order-last min-w-0 basis-full sm:order-none sm:basis-auto sm:flex-1">
                <Link href={`/programs/${r.programId}`} className="text-brand-700 hover:underline">
                  {r.programTitle}
                </Link>
                <span className="text-zinc-500"> · {r.contactName}</span>
              </span>
              <span className="shrink-0">
                <Badge tone={tones[r.status]}>{tp(`statuses.${r.status}`)}</Badge>
                {r.attendedMinutes !== null && <span className="ml-1 text-xs text-zinc-500">{t('minutes', { minutes: r.attendedMinutes })}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      <MorePager page={page} more={list.more} href={(p) => `/accounts/${account.id}${withParams(query, { page: p === 1 ? undefined : p })}`} />
    </Card>
  );
}
