import 'server-only';
import { activityRules } from '@/lib/playbooks/rule-target';
import type { Tx } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { activeUserIds, plannedAround } from '@/db/queries/activities';
import { currentPlaybooks, findActivityType, type PlaybookRule } from '@/db/queries/playbooks';
import { plannedBetween } from '@/db/queries/series';
import { getWorkspace } from '@/db/queries/workspace';
import { assertOwnerIsCsm } from '@/lib/server/account-write';
import { ActionError, NeedsConfirmation, notFoundError, type Message } from '@/lib/actions/result';
import { assertCanEditAccount, canManageAccounts, ownerFor } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { scheduleWarnings } from '@/lib/scheduling/warnings';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { seriesWarnings } from '@/lib/activities/series';

/** The instant a date and time typed by `user` means: their zone, else the workspace's. */
export async function plannedInstant(tx: Tx, user: { timeZone: string | null }, date: string, time: string) {
  const timeZone = user.timeZone ?? (await getWorkspace(tx)).timeZone;
  return { startsAt: zonedToUtc(date, time, timeZone), timeZone };
}

/** The zone a user plans in: their own, else the workspace's. */
export async function planningZone(tx: Tx, user: { timeZone: string | null }): Promise<string> {
  return user.timeZone ?? (await getWorkspace(tx)).timeZone;
}

/** The tier playbook's rule for an activity type, if the tier asks for it. */
export async function playbookRuleFor(tx: Tx, tier: number, activityTypeId: number): Promise<PlaybookRule | undefined> {
  const playbooks = await currentPlaybooks(tx);
  return playbooks.find((p) => p.tier === tier)?.rules.find((r) => r.activityTypeId === activityTypeId);
}

/**
 * Who may book what on an account, shared by one-off activities and series:
 * CSMs book on accounts they own, for themselves; managers and admins on any
 * account, for any active CSM. The type must be active, a QBR names its
 * executive sponsor, and colleagues who join must be active users (the owner
 * is on it anyway, so is left out of the list).
 */
export async function resolveBooking(
  tx: Tx,
  user: CurrentUser,
  input: { accountId: number; ownerId: number | null; activityTypeId: number; executiveSponsor: string | null; internalAttendees: number[] },
) {
  const account = await findAccount(tx, input.accountId);
  if (!account) throw notFoundError();
  assertCanEditAccount(user, account);
  const ownerId = ownerFor(user, input.ownerId, account.ownerId);
  if (ownerId === null) throw new ActionError({ key: 'activities.ownerRequired' }, 'ownerId');
  if (canManageAccounts(user)) await assertOwnerIsCsm(tx, ownerId);
  const type = await findActivityType(tx, input.activityTypeId);
  if (!type || !type.active) throw new ActionError({ key: 'playbooks.typeUnavailable' }, 'activityTypeId');
  if (type.requiresExecutiveSponsor && !input.executiveSponsor) throw new ActionError({ key: 'activities.sponsorRequired' }, 'executiveSponsor');
  const internalAttendees = await activeColleaguesOf(tx, ownerId, input.internalAttendees);
  return { account, ownerId, type, internalAttendees };
}

/**
 * Stops with the warnings (past, double-booked, not in the tier's playbook)
 * unless the user confirmed them; the transaction then writes nothing.
 */
export async function confirmWarnings(
  tx: Tx,
  c: { ownerId: number; startsAt: Date; durationMinutes: number; tier: number; activityTypeId: number; confirm: boolean; exceptId?: number },
) {
  if (c.confirm) return;
  const [busy, playbooks] = await Promise.all([
    plannedAround(tx, c.ownerId, c.startsAt, new Date(c.startsAt.getTime() + c.durationMinutes * 60_000), c.exceptId),
    currentPlaybooks(tx),
  ]);
  const playbookTypeIds = activityRules(playbooks.find((p) => p.tier === c.tier)?.rules ?? []).map((r) => r.activityTypeId);
  const warnings = scheduleWarnings({ ...c, now: new Date(), ownerBusy: busy, playbookTypeIds });
  if (warnings.length) throw new NeedsConfirmation(warnings.map((w) => ({ key: `activities.warnings.${w}` })));
}

const listed = (dates: readonly LocalDate[]) => (dates.length > 4 ? `${dates.slice(0, 4).join(', ')}, …` : dates.join(', '));

/**
 * The same warnings for every occurrence of a series at once, checked
 * against one query of the owner's planned activities over the series'
 * span; plus, for an edit, the planned occurrences it would remove.
 */
export async function confirmSeriesWarnings(
  tx: Tx,
  c: {
    ownerId: number;
    occurrences: readonly { date: LocalDate; startsAt: Date }[];
    durationMinutes: number;
    confirm: boolean;
    /** Set when booking a new series; an edit keeps the type. */
    playbook?: { tier: number; activityTypeId: number };
    /** Occurrences being moved or removed, not counted as busy. */
    exceptIds?: readonly number[];
    removes?: readonly LocalDate[];
  },
) {
  if (c.confirm) return;
  const warnings: Message[] = [];
  if (c.occurrences.length) {
    const first = c.occurrences[0]!.startsAt;
    const last = c.occurrences.at(-1)!.startsAt;
    const busy = await plannedBetween(tx, c.ownerId, first, new Date(last.getTime() + c.durationMinutes * 60_000), c.exceptIds);
    const found = seriesWarnings({ occurrences: c.occurrences, durationMinutes: c.durationMinutes, now: new Date(), ownerBusy: busy });
    if (found.past.length) warnings.push({ key: 'series.warnings.past', values: { count: found.past.length, dates: listed(found.past) } });
    if (found.doubleBooked.length) warnings.push({ key: 'series.warnings.doubleBooked', values: { count: found.doubleBooked.length, dates: listed(found.doubleBooked) } });
  }
  if (c.playbook && !(await playbookRuleFor(tx, c.playbook.tier, c.playbook.activityTypeId))) warnings.push({ key: 'activities.warnings.notInPlaybook' });
  if (c.removes?.length) warnings.push({ key: 'series.warnings.removes', values: { count: c.removes.length, dates: listed(c.removes) } });
  if (warnings.length) throw new NeedsConfirmation(warnings);
}

/** The colleagues joining, without whoever runs it; refused next to the field if one is not an active user. */
export async function activeColleaguesOf(tx: Tx, ownerId: number, ids: readonly number[]): Promise<number[]> {
  const colleagues = ids.filter((id) => id !== ownerId);
  const active = new Set(await activeUserIds(tx, colleagues));
  if (colleagues.some((id) => !active.has(id))) throw new ActionError({ key: 'series.internalAttendees.unknown' }, 'internalAttendees');
  return colleagues;
}
