import { sql } from 'drizzle-orm';
import type { EpisodeState } from '@/lib/alerts/episode';
import { queryRows, type DbOrTx } from '../client';

// What a person decides about one alert episode (snooze, dismiss), from the
// version they saw. The evaluator's own writes are in alerts.ts.

export type EpisodeRow = EpisodeState & { id: number; version: number; accountId: number; ruleName: string; snoozeReason: string | null; dismissReason: string | null };

export async function findEpisode(db: DbOrTx, id: number): Promise<EpisodeRow | undefined> {
  const [row] = await queryRows<EpisodeRow>(
    db,
    sql`select e.id::int as id, e.version, e.account_id as "accountId", r.name as "ruleName",
          e.opened_on::text as "openedOn", e.tech_touch_on::text as "techTouchOn", e.task_on::text as "taskOn", e.false_since::text as "falseSince",
          e.snoozed_until::text as "snoozedUntil", e.snooze_reason as "snoozeReason", e.dismissed_on::text as "dismissedOn", e.dismiss_reason as "dismissReason",
          e.closed_on::text as "closedOn"
        from alert_episodes e join alert_rules r on r.id = e.rule_id where e.id = ${id}`,
  );
  return row;
}

/** Writes a snooze or dismissal on an open episode still at `version`; false if it changed or closed since. */
export async function decideEpisode(
  db: DbOrTx,
  e: { id: number; version: number } & ({ snoozedUntil: string; snoozeReason: string | null } | { dismissedOn: string; dismissReason: string }),
): Promise<boolean> {
  const set =
    'snoozedUntil' in e
      ? sql`snoozed_until = ${e.snoozedUntil}::date, snooze_reason = ${e.snoozeReason}`
      : sql`dismissed_on = ${e.dismissedOn}::date, dismiss_reason = ${e.dismissReason}`;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update alert_episodes set ${set}, version = version + 1 where id = ${e.id} and version = ${e.version} and closed_on is null returning id::int as id`,
  );
  return rows.length > 0;
}
