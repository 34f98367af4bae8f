import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { programs, programSessions } from '../schema';

/** Sessions one can still invite to (not over, not cancelled, program not archived), soonest first: the account page's "Invite to a program". */
export async function listOpenSessions(db: DbOrTx, limit = 100) {
  return queryRows<{ id: number; programId: number; title: string; startsAt: string; timeZone: string }>(
    db,
    sql`select s.id, s.program_id as "programId", p.title, s.starts_at as "startsAt", s.time_zone as "timeZone"
        from ${programSessions} s join ${programs} p on p.id = s.program_id
        where not p.archived and not s.cancelled and s.starts_at + make_interval(mins => s.duration_minutes) > now()
        order by s.starts_at, s.id limit ${limit}`,
  );
}
