import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ActivityLogForms } from './activity-log-forms';
import { ScheduleForm } from './schedule-form';

type Activity = {
  id: number;
  status: 'planned' | 'completed' | 'cancelled' | 'no_show';
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  agenda: string | null;
  outcome: string | null;
  nextSteps: string | null;
  cancelReason: string | null;
  executiveSponsor: string | null;
  version: number;
  ownerId: number;
  ownerName: string;
  typeLabel: string;
};

type Props = {
  accountId: number;
  activities: Activity[];
  canSchedule: boolean;
  canLog: (a: Activity) => boolean;
  schedule: Omit<Parameters<typeof ScheduleForm>[0], 'accountId'>;
};

const tones = { planned: 'brand', completed: 'neutral', cancelled: 'amber', no_show: 'red' } as const;

/** The account's high-touch activities: planned and past, and booking the next one. */
export async function ActivitiesCard({ accountId, activities, canSchedule, canLog, schedule }: Props) {
  const [t, format, nowDate] = await Promise.all([getTranslations('activities'), getFormatter(), getNow()]);
  const now = nowDate.getTime();
  return (
    <Card title={t('title')} description={t('description')}>
      {canSchedule && (
        <details className="mb-4 rounded-md ring-1 ring-zinc-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">{t('scheduleTitle')}</summary>
          <div className="border-t border-zinc-100 p-3">
            <ScheduleForm accountId={accountId} {...schedule} />
          </div>
        </details>
      )}
      {activities.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('none')}</p>
      ) : (
        <ol className="space-y-3">
          {activities.map((a) => {
            const overdue = a.status === 'planned' && a.startsAt.getTime() < now;
            return (
              <li key={a.id} className="text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-zinc-900">{a.typeLabel}</span>
                  <Badge tone={overdue ? 'red' : tones[a.status]}>{overdue ? t('overdue') : t(`status.${a.status}`)}</Badge>
                  <span className="text-zinc-500">
                    {format.dateTime(a.startsAt, { dateStyle: 'medium', timeStyle: 'short' })} · {t('minutes', { minutes: a.durationMinutes })} · {a.ownerName}
                  </span>
                </div>
                {(a.location || a.executiveSponsor) && (
                  <p className="text-xs text-zinc-500">
                    {[a.location, a.executiveSponsor && t('sponsorIs', { name: a.executiveSponsor })].filter(Boolean).join(' · ')}
                  </p>
                )}
                {a.agenda && <p className="mt-1 whitespace-pre-wrap text-zinc-700">{a.agenda}</p>}
                {a.outcome && (
                  <p className="mt-1 text-zinc-800">
                    <span className="text-zinc-500">{t('outcome')}:</span> {a.outcome}
                    {a.nextSteps && (
                      <>
                        {' '}
                        · <span className="text-zinc-500">{t('nextSteps')}:</span> {a.nextSteps}
                      </>
                    )}
                  </p>
                )}
                {a.cancelReason && <p className="mt-1 text-zinc-600">{t('cancelledBecause', { reason: a.cancelReason })}</p>}
                {a.status === 'planned' && canLog(a) && <ActivityLogForms id={a.id} version={a.version} />}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
