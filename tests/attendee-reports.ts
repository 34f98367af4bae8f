/**
 * A Zoom meeting participants report (the table alone, English locale) for
 * tests: one row per person, joined yesterday at 10:00 for `minutes`.
 */
export function zoomParticipants(people: { name: string; email: string; minutes: number }[], day = new Date(Date.now() - 86_400_000)): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}/${day.getUTCFullYear()}`;
  const rows = people.map((p) => {
    const leave = 10 * 60 + p.minutes;
    const clock = (m: number) => `${pad(((Math.floor(m / 60) + 11) % 12) + 1)}:${pad(m % 60)}:00 ${m >= 12 * 60 ? 'PM' : 'AM'}`;
    return `${p.name},${p.email},${date} ${clock(10 * 60)},${date} ${clock(leave)},${p.minutes},No`;
  });
  return ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest', ...rows].join('\n') + '\n';
}
