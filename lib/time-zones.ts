import type { PickerOption } from './picker';

// IANA zones the runtime knows (Node and browsers share the list).
const zones = new Set(Intl.supportedValuesOf('timeZone'));
zones.add('UTC');

export function isTimeZone(value: string): boolean {
  return zones.has(value);
}

export function timeZoneList(): string[] {
  return [...zones].sort();
}


/** A zone's offset from UTC at `at`, in minutes (+540 for Tokyo). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** "UTC+09:00", "UTC−03:30", "UTC+00:00". */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The zones as picker options, west to east: "(UTC+09:00) Asia/Tokyo", found
 * by city ("tokyo", "new york"), region ("asia") or offset ("+9", "+09:00",
 * "utc+9", "gmt-5"). Offsets are today's (`at`), so summer time shows.
 */
export function timeZoneOptions(at: Date = new Date()): PickerOption[] {
  return timeZoneList()
    .map((zone) => ({ zone, offset: utcOffsetMinutes(zone, at) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone, offset }) => {
      const label = offsetLabel(offset);
      const sign = offset < 0 ? '-' : '+';
      const h = Math.floor(Math.abs(offset) / 60);
      const mm = String(Math.abs(offset) % 60).padStart(2, '0');
      const short = mm === '00' ? `${sign}${h}` : `${sign}${h}:${mm}`;
      const keywords = [zone.replace(/[_/]/g, ' '), short, `${sign}${String(h).padStart(2, '0')}:${mm}`, `utc${short}`, `gmt${short}`].join(' ');
      return { value: zone, label: `(${label}) ${zone.replace(/_/g, ' ')}`, keywords };
    });
}
