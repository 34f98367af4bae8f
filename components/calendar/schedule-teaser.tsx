import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { overdueActivities, upcomingActivities } from '@/db/queries/calendar';
import { Badge } from '@/components/ui/badge';
import { toShown } from './shown';

/** The home page's "next up": the user's next planned activity and how many are overdue; nothing for someone who runs none. */
export async function ScheduleTeaser({ userId, now }: { userId: number; now: Date }) {
  const db = await getDb();
  const [t, format, next, overdue] = await Promise.all([
    getTranslations('calendar'),
    getFormat(),
    upcomingActivities(db, { ownerIds: [userId], now, limit: 1 }),
    overdueActivities(db, { ownerIds: [userId], now, limit: 1 }),
  ]);
  if (next.total === 0 && overdue.total === 0) return null;
  const [a] = await toShown(next.rows, now);
  return (
    <section aria-label={t('teaserLabel')} className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-zinc-200">
      <span className="font-semibold text-zinc-900">{t('teaserNext')}</span>
      {a ? (
        <span className="flex min-w-0 flex-wrap items-center gap-x-2">
          <time dateTime={a.startsAt.toISOString()} className="tabular-nums text-zinc-700">
            {format.dateTime(a.startsAt, 'weekdayMonthDay')}
          </time>
          <span className="text-zinc-900">{a.typeLabel}</span>
          <Link href={`/accounts/${a.accountId}`} className="truncate text-brand-700 hover:underline">
            {a.accountName}
          </Link>
        </span>
      ) : (
        <span className="text-zinc-500">{t('teaserNone')}</span>
      )}
      {overdue.total > 0 && <Badge tone="red">{t('teaserOverdue', { count: overdue.total })}</Badge>}
      <Link href="/schedule" className="ml-auto font-medium text-brand-700 hover:underline">
        {t('teaserOpen')}
      </Link>
    </section>
  );
}
