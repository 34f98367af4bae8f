type SessionTimes = { id: number; startsAt: string | Date; durationMinutes: number; cancelled: boolean };

/** Where a session stands at `now`: not started (invitations open, no attendance yet), under way, or over. */
export function sessionPhase(s: SessionTimes, now: number = Date.now()): 'upcoming' | 'started' | 'over' {
  const start = new Date(s.startsAt).getTime();
  if (start > now) return 'upcoming';
  return start + s.durationMinutes * 60_000 > now ? 'started' : 'over';
}

/**
 * The session a program page shows invitations for: the one asked for,
 * else the next one not over yet (sessions come in start order), else the latest.
 */
export function pickSession<S extends SessionTimes>(sessions: readonly S[], chosenId: number | null, now: number = Date.now()): S | undefined {
  return sessions.find((s) => s.id === chosenId) ?? sessions.find((s) => !s.cancelled && sessionPhase(s, now) !== 'over') ?? sessions.at(-1);
}
