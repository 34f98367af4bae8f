import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { daysOverdue } from '@/lib/calendar/layout';
import { TierBadge } from '@/components/tier-badge';
import type { ShownActivity } from './shown';

/**
 * A compact list of planned activities for the Overdue and Due soon panels:
 * when, what, which account (a link), and for overdue ones how late.
 */
export async function PlannedList({ items, now, timeZone, showOwner, empty }: { items: ShownActivity[]; now: Date; timeZone: string; showOwner: boolean; empty: string }) {
  const [t, format] = await Promise.all([getTranslations('calendar'), getFormat()]);
  if (items.length === 0) return <p className="text-sm text-zinc-500">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {items.map((a) => (
        <li key={a.id} className="py-2 text-sm first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-baseline justify-between gap-x-2">
            <time dateTime={a.startsAt.toISOString()} className="tabular-nums text-zinc-700">
              {format.dateTime(a.startsAt, 'weekdayMonthDay')}
            </time>
            {a.status === 'overdue' && <span className="text-xs font-medium text-red-700">{t('daysOverdue', { days: daysOverdue(a.startsAt, now, timeZone) })}</span>}
          </div>
          <div className="mt-0.5 flex min-w-0 items-center gap-1.5">
            <span className="shrink-0 font-medium text-zinc-900">{a.typeLabel}</span>
            <span aria-hidden className="text-zinc-300">·</span>
            <TierBadge tier={a.tier} label={t('tierN', { tier: a.tier })} />
            <Link href={`/accounts/${a.accountId}`} className="truncate text-brand-700 hover:underline">
              {a.accountName}
            </Link>
          </div>
          {showOwner && <p className="text-xs text-zinc-500">{a.ownerName}</p>}
        </li>
      ))}
    </ul>
  );
}
