// What a CSM should know before booking, without being stopped: each is
// shown and the CSM confirms.

export type ScheduleWarning = 'past' | 'doubleBooked' | 'notInPlaybook';

export type ScheduleCheck = {
  startsAt: Date;
  durationMinutes: number;
  now: Date;
  /** The owner's other planned activities that could overlap. */
  ownerBusy: readonly { startsAt: Date; durationMinutes: number }[];
  /** Activity types the account's tier playbook asks for. */
  playbookTypeIds: readonly number[];
  activityTypeId: number;
};

const end = (startsAt: Date, minutes: number) => startsAt.getTime() + minutes * 60_000;

export function overlaps(a: { startsAt: Date; durationMinutes: number }, b: { startsAt: Date; durationMinutes: number }): boolean {
  return a.startsAt.getTime() < end(b.startsAt, b.durationMinutes) && b.startsAt.getTime() < end(a.startsAt, a.durationMinutes);
}

export function scheduleWarnings(c: ScheduleCheck): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  if (c.startsAt.getTime() < c.now.getTime()) out.push('past');
  if (c.ownerBusy.some((b) => overlaps(b, c))) out.push('doubleBooked');
  if (!c.playbookTypeIds.includes(c.activityTypeId)) out.push('notInPlaybook');
  return out;
}
