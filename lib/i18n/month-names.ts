/** Month names 1..12 in a locale, for pickers. */
export function monthNames(locale: string): { value: number; label: string }[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: format.format(new Date(Date.UTC(2024, i, 1))) }));
}
