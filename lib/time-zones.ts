// IANA zones the runtime knows (Node and browsers share the list).
const zones = new Set(Intl.supportedValuesOf('timeZone'));
zones.add('UTC');

export function isTimeZone(value: string): boolean {
  return zones.has(value);
}

export function timeZoneList(): string[] {
  return [...zones].sort();
}
