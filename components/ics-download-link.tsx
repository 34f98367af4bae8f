import { useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';

/**
 * "Download .ics" for one activity (GET /activities/<id>/ics). Works in
 * server and client components. `label` names the activity for screen
 * readers, e.g. "QBR, Apr 13, 2027".
 */
export function IcsDownloadLink({ activityId, label, className }: { activityId: number; label?: string; className?: string }) {
  const t = useTranslations('feeds');
  return (
    // A plain link, not next/link: it is a file download, not a page.
    <a
      href={`/activities/${activityId}/ics`}
      download
      aria-label={label ? t('downloadLabel', { activity: label }) : undefined}
      className={cn('text-xs font-medium text-brand-700 hover:underline', className)}
    >
      {t('download')}
    </a>
  );
}
