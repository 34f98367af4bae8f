// When a campaign event may have happened: not before 2000 (a typo such as
// year 0 or 0201; PostgreSQL refuses year 0 outright) and not more than a
// day ahead of now (a clock a little ahead is fine; a typo such as 2062 would
// put a touch in the future, where it counts as met and shows as the last).

const earliest = Date.UTC(2000, 0, 1);
const maxAhead = 24 * 60 * 60 * 1000;

export type EventTimeProblem = 'tooEarly' | 'tooLate';

export function eventTimeProblem(at: Date, now: Date): EventTimeProblem | null {
  if (at.getTime() < earliest) return 'tooEarly';
  if (at.getTime() > now.getTime() + maxAhead) return 'tooLate';
  return null;
}
