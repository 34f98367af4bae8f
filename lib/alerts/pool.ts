// Who gets a pooled account's task (issue 14): the pool member with the most
// room for it, by open pooled tasks per free capacity hour after taking it.
// Equal candidates take turns (least recently assigned first), so equal
// members stay within one task of each other.

export type PoolMember = {
  userId: number;
  openPooledTasks: number;
  /** Capacity hours free this month (may be ≤ 0). */
  freeHours: number;
  /** When this member last got a pooled task (ms since epoch), null never. */
  lastAssignedAt: number | null;
};

export type PoolPick = {
  userId: number;
  reason: {
    openPooledTasks: number;
    freeHours: number;
    /** (open + 1) ÷ free hours: the load after this task. */
    loadAfter: number | null;
    tie: boolean;
  };
};

const epsilon = 1e-9;

/** Turn order among equals: never assigned first, then least recently, then lowest userId. */
function byTurn(a: PoolMember, b: PoolMember): number {
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt - b.lastAssignedAt;
  }
  return a.userId - b.userId;
}

/** The member to give the next pooled task to; null for an empty pool. */
export function pickPoolMember(members: readonly PoolMember[]): PoolPick | null {
  const withRoom = members.filter((m) => m.freeHours > 0);
  // Nobody with free hours: the fewest open pooled tasks, so the work still spreads.
  const measure = withRoom.length ? (m: PoolMember) => (m.openPooledTasks + 1) / m.freeHours : (m: PoolMember) => m.openPooledTasks;
  const candidates = withRoom.length ? withRoom : members;
  if (!candidates.length) return null;
  const best = Math.min(...candidates.map(measure));
  const tied = candidates.filter((m) => measure(m) - best <= epsilon).sort(byTurn);
  const m = tied[0]!;
  return {
    userId: m.userId,
    reason: { openPooledTasks: m.openPooledTasks, freeHours: m.freeHours, loadAfter: withRoom.length ? measure(m) : null, tie: tied.length > 1 },
  };
}

/**
 * Simulates `n` successive picks: each gives the member one more open pooled
 * task and a later `lastAssignedAt` (from `now`, default just after the
 * latest given, 1 ms apart). Free hours stay as given. Returns how many tasks
 * each userId got.
 */
export function assignMany(members: readonly PoolMember[], n: number, now?: number): Record<number, number> {
  const pool = members.map((m) => ({ ...m }));
  const counts: Record<number, number> = Object.fromEntries(pool.map((m) => [m.userId, 0]));
  let at = now ?? Math.max(0, ...pool.map((m) => m.lastAssignedAt ?? 0)) + 1;
  for (let i = 0; i < n; i++) {
    const pick = pickPoolMember(pool);
    if (!pick) break;
    const m = pool.find((p) => p.userId === pick.userId)!;
    m.openPooledTasks += 1;
    m.lastAssignedAt = at++;
    counts[m.userId] = (counts[m.userId] ?? 0) + 1;
  }
  return counts;
}
