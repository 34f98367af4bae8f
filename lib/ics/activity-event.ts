import type { ActivityStatus } from '@/lib/vocabulary';
import type { IcsEvent } from './calendar';

// How one Touchplan activity reads in someone's calendar.

export type IcsActivity = {
  id: number;
  accountId: number;
  accountName: string;
  typeLabel: string;
  ownerName: string;
  status: ActivityStatus;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  agenda: string | null;
  executiveSponsor: string | null;
  customerAttendees: unknown;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A translator for the `feeds.ics.*` keys, e.g. next-intl's. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type IcsContext = {
  /** The app's public URL, e.g. https://touchplan.example.com. */
  baseUrl: string;
  t: Translate;
};

/** "uid-host": the host part of a UID, so two deployments never collide. */
export function uidFor(activityId: number, baseUrl: string): string {
  return `activity-${activityId}@${new URL(baseUrl).hostname}`;
}

function attendeeList(value: unknown, t: Translate): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: unknown) => {
    if (!a || typeof a !== 'object') return [];
    const { name, role } = a as { name?: unknown; role?: unknown };
    if (typeof name !== 'string' || !name.trim()) return [];
    return [typeof role === 'string' && role.trim() ? t('feeds.ics.attendeeWithRole', { name: name.trim(), role: role.trim() }) : name.trim()];
  });
}

export function accountUrl(accountId: number, baseUrl: string): string {
  return new URL(`/accounts/${accountId}`, baseUrl).toString();
}

/**
 * Completed and no-show activities stay CONFIRMED (the time was spent);
 * the description says what happened. Cancelled ones are CANCELLED so
 * subscribed calendars drop or strike them.
 */
export function activityEvent(a: IcsActivity, { baseUrl, t }: IcsContext): IcsEvent {
  const link = accountUrl(a.accountId, baseUrl);
  const attendees = attendeeList(a.customerAttendees, t);
  const statusLine =
    a.status === 'cancelled'
      ? a.cancelReason
        ? t('feeds.ics.cancelledBecause', { reason: a.cancelReason })
        : t('feeds.ics.status.cancelled')
      : a.status === 'planned'
        ? null
        : t(`feeds.ics.status.${a.status}`);
  const description = [
    statusLine,
    a.agenda ? t('feeds.ics.agenda', { agenda: a.agenda }) : null,
    a.executiveSponsor ? t('feeds.ics.sponsor', { name: a.executiveSponsor }) : null,
    attendees.length ? t('feeds.ics.attendees', { names: attendees.join(t('feeds.ics.listSeparator')) }) : null,
    t('feeds.ics.owner', { name: a.ownerName }),
    `${t('feeds.ics.account', { name: a.accountName })}\n${link}`,
  ]
    .filter((x): x is string => Boolean(x))
    .join('\n\n');
  return {
    uid: uidFor(a.id, baseUrl),
    // activities.version starts at 1 and goes up with every change; SEQUENCE starts at 0.
    sequence: a.version - 1,
    stamp: a.updatedAt,
    created: a.createdAt,
    start: a.startsAt,
    end: new Date(a.startsAt.getTime() + a.durationMinutes * 60_000),
    timeZone: a.timeZone,
    summary: t('feeds.ics.summary', { type: a.typeLabel, account: a.accountName }),
    description,
    location: a.location,
    url: link,
    status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: [a.typeLabel],
  };
}

/** "2027-04-13-qbr-acme-corp.ics": safe in any file system, readable; non-ASCII names fall back to the id. */
export function icsFilename(a: Pick<IcsActivity, 'id' | 'accountName' | 'typeLabel'>, localDate: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const parts = [localDate, slug(a.typeLabel), slug(a.accountName)].filter(Boolean);
  return `${parts.join('-').slice(0, 80).replace(/-$/, '')}-${a.id}.ics`;
}
