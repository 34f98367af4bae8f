import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { describeChange } from '@/lib/audit-describe';
import { Card } from '@/components/ui/card';
import { loose, looseOr } from '@/lib/i18n/loose';

type Event = { id: number; at: Date; action: string; before: unknown; after: unknown; actorName: string | null };

/** What happened to the account, from the audit trail, newest first. */
export async function AccountTimeline({ events }: { events: Event[] }) {
  const [t, tAudit, format] = await Promise.all([getTranslations('accounts'), getTranslations('audit'), getFormat()]);
  const label = (code: string) => looseOr(tAudit, () => code)(`actions.${code.replace(/\./g, '_')}`);
  return (
    <Card title={t('timeline')} description={t('timelineDescription')}>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('noTimeline')}</p>
      ) : (
        <ol className="relative space-y-3 border-l border-zinc-200 pl-4">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span aria-hidden className="absolute -left-1 mt-1.5 size-2 rounded-full bg-zinc-300" />
              <p className="text-zinc-800">
                <span className="font-medium">{label(e.action)}</span>
                <span className="text-zinc-500">
                  {' '}
                  · {e.actorName ?? t('system')} · {format.dateTime(e.at)}
                </span>
              </p>
              {e.action === 'account.update' && (
                <ul className="mt-0.5 text-xs text-zinc-500">
                  {describeChange(e.before, e.after).map((c) => (
                    <li key={c.field}>
                      {loose(t)(`fields.${c.field}`)}: {c.from} → {c.to}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
