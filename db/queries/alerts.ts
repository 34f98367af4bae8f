import { eq, sql, type SQL } from 'drizzle-orm';
import type { AlertCondition } from '@/lib/alerts/conditions';
import type { EpisodeState } from '@/lib/alerts/episode';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';
import { alertRules } from '../schema';
import { alertFactsSql, type MatchInput } from './alert-match';

// Reads and writes of the alert evaluation (lib/server/alerts.ts): a rule's
// matches and open episodes, then its episodes' changes and the tasks they
// raise, each written in one statement whatever their number.

export type AlertRule = typeof alertRules.$inferSelect;

export async function enabledAlertRules(db: DbOrTx): Promise<AlertRule[]> {
  return db.select().from(alertRules).where(eq(alertRules.enabled, true)).orderBy(alertRules.id);
}

/** What the evaluation steps for a rule's ladder: when an episode closes, and when (if ever) a tech touch escalates. */
export type LadderRule = Pick<AlertRule, 'id' | 'conditions' | 'tiers' | 'stages' | 'first' | 'escalateAfterDays' | 'closeAfterDays'>;

/**
 * An account whose episode of a rule may change today: the rule holds and no
 * episode is open (one opens), or an open episode's condition stopped holding
 * (its false run starts, or it has lasted long enough to close), holds again
 * after a false run, or its tech touch is due to escalate. Everything else is
 * left as it is, so a steady evaluation reads little beyond the match.
 */
export type Candidate = { ruleId: number; accountId: number; ownerId: number | null; holds: boolean; values: Record<string, unknown>; episode: (EpisodeState & { id: number }) | null };

/** Every rule's candidates in one statement: the rules matched in one pass over the accounts, against their open episodes. */
export async function alertCandidates(db: DbOrTx, rules: LadderRule[], input: MatchInput): Promise<Candidate[]> {
  if (!rules.length) return [];
  const rows = await queryRows<Omit<Candidate, 'episode'> & { id: number | null } & EpisodeState>(db, alertCandidatesSql(rules, input));
  return rows.map(({ id, openedOn, techTouchOn, taskOn, falseSince, snoozedUntil, dismissedOn, closedOn, ...c }) => ({
    ...c,
    episode: id === null ? null : { id, openedOn, techTouchOn, taskOn, falseSince, snoozedUntil, dismissedOn, closedOn },
  }));
}

/** The statement of alertCandidates (the benchmark explains it). */
export function alertCandidatesSql(rules: LadderRule[], input: MatchInput): SQL {
  const matchable = rules.map((r) => ({ conditions: r.conditions as AlertCondition[], scope: { tiers: r.tiers, stages: r.stages as never } }));
  const { facts, holds, values } = alertFactsSql(matchable, input);
  const d = sql`${input.today}::date`;
  const ids = sql.join(rules.map((r) => sql`${r.id}::int`), sql`, `);
  // Per rule: the days a false run lasts before closing, and the days after a tech touch that it escalates (null: never).
  const ladders = sql.join(
    rules.map((r) => sql`(${r.id}::int, ${r.closeAfterDays}::int, ${r.first === 'tech_touch' ? r.escalateAfterDays : null}::int)`),
    sql`, `,
  );
  const valueCases = sql.join(rules.map((r, i) => sql`when ${r.id}::int then ${values[i]!}`), sql` `);
  return sql`with f as materialized (${facts}),
      m as (${sql.join(rules.map((r, i) => sql`select f.account_id, ${r.id}::int as rule_id from f where ${holds[i]!}`), sql` union all `)}),
      e as (select * from alert_episodes where closed_on is null and rule_id in (${ids})),
      c as (
        select coalesce(m.rule_id, e.rule_id) as rule_id, coalesce(m.account_id, e.account_id) as account_id, m.rule_id is not null as holds,
          e.id, e.values, e.opened_on, e.tech_touch_on, e.task_on, e.false_since, e.snoozed_until, e.dismissed_on, e.closed_on
        from m full join e on e.rule_id = m.rule_id and e.account_id = m.account_id
      )
      select c.rule_id as "ruleId", c.account_id as "accountId", f.owner_id as "ownerId", c.holds,
        case when c.holds then case c.rule_id ${valueCases} end else c.values end as "values",
        c.id::int as id, c.opened_on::text as "openedOn", c.tech_touch_on::text as "techTouchOn", c.task_on::text as "taskOn", c.false_since::text as "falseSince",
        c.snoozed_until::text as "snoozedUntil", c.dismissed_on::text as "dismissedOn", c.closed_on::text as "closedOn"
      from c
      join (values ${ladders}) r(rule_id, close_after, escalate_after) on r.rule_id = c.rule_id
      join f on f.account_id = c.account_id
      where c.id is null
        or (not c.holds and (c.false_since is null or c.false_since <= ${d} - r.close_after))
        or (c.holds and c.false_since is not null)
        or (c.holds and r.escalate_after is not null and c.task_on is null and c.tech_touch_on + greatest(1, r.escalate_after) <= ${d})`;
}

export type NewEpisode = EpisodeState & { ruleId: number; accountId: number; values: Record<string, unknown> };

/** Opens episodes (one per rule and account; one open already is skipped); their ids by `ruleId:accountId`. */
export async function insertEpisodes(db: DbOrTx, rows: NewEpisode[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const inserted = await queryRows<{ id: number; ruleId: number; accountId: number }>(
    db,
    sql`insert into alert_episodes (rule_id, account_id, opened_on, tech_touch_on, task_on, values)
        select r.rule_id, r.account_id, r.opened_on, r.tech_touch_on, r.task_on, r.values
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ rule_id: r.ruleId, account_id: r.accountId, opened_on: r.openedOn, tech_touch_on: r.techTouchOn, task_on: r.taskOn, values: r.values })))}::jsonb)
          as r(rule_id int, account_id int, opened_on date, tech_touch_on date, task_on date, values jsonb)
        on conflict (rule_id, account_id) where closed_on is null do nothing
        returning id::int as id, rule_id as "ruleId", account_id as "accountId"`,
  );
  return new Map(inserted.map((r) => [episodeKey(r.ruleId, r.accountId), r.id]));
}

export const episodeKey = (ruleId: number, accountId: number) => `${ruleId}:${accountId}`;

/** Writes the evaluation's changes to open episodes (false since, closed, escalated). */
export async function updateEpisodes(db: DbOrTx, rows: (EpisodeState & { id: number })[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(sql`
    update alert_episodes e set false_since = r.false_since, closed_on = r.closed_on, task_on = r.task_on, tech_touch_on = r.tech_touch_on, version = e.version + 1
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, false_since: r.falseSince, closed_on: r.closedOn, task_on: r.taskOn, tech_touch_on: r.techTouchOn })))}::jsonb)
      as r(id bigint, false_since date, closed_on date, task_on date, tech_touch_on date)
    where e.id = r.id`);
}

export type NewTask = { accountId: number; episodeId: number; title: string; values: Record<string, unknown>; priority: string; dueOn: LocalDate; ownerId: number | null; assignedWhy: Record<string, unknown> | null };

/** Raises the tasks (at most one per episode: a second evaluator's is dropped); how many were new. */
export async function insertRaisedTasks(db: DbOrTx, rows: NewTask[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into tasks (account_id, episode_id, title, values, priority, due_on, owner_id, assigned_why)
        select r.account_id, r.episode_id, r.title, r.values, r.priority, r.due_on, r.owner_id, r.assigned_why
        from jsonb_to_recordset(${JSON.stringify(
          rows.map((r) => ({ account_id: r.accountId, episode_id: r.episodeId, title: r.title, values: r.values, priority: r.priority, due_on: r.dueOn, owner_id: r.ownerId, assigned_why: r.assignedWhy })),
        )}::jsonb) as r(account_id int, episode_id bigint, title text, values jsonb, priority text, due_on date, owner_id int, assigned_why jsonb)
        on conflict (episode_id) do nothing
        returning id::int as id`,
  );
  return inserted.length;
}

/** Pool members with their open tasks on pooled accounts and when they last got one. */
export async function poolLoad(db: DbOrTx): Promise<{ userId: number; openPooledTasks: number; lastAssignedAt: number | null }[]> {
  const rows = await queryRows<{ userId: number; open: number; last: string | null }>(
    db,
    sql`select p.user_id as "userId", p.last_assigned_at::text as last,
          (select count(*)::int from tasks t where t.owner_id = p.user_id and t.status = 'open' and t.assigned_why is not null) as open
        from pool_members p join users u on u.id = p.user_id where u.active order by p.user_id`,
  );
  return rows.map((r) => ({ userId: r.userId, openPooledTasks: Number(r.open), lastAssignedAt: r.last ? new Date(r.last).getTime() : null }));
}

/** Records when members last got a pooled task (ties go in turn). */
export async function markPoolAssigned(db: DbOrTx, at: { userId: number; at: number }[]): Promise<void> {
  if (!at.length) return;
  await db.execute(sql`
    update pool_members p set last_assigned_at = r.at
    from jsonb_to_recordset(${JSON.stringify(at.map((a) => ({ user_id: a.userId, at: new Date(a.at).toISOString() })))}::jsonb) as r(user_id int, at timestamptz)
    where p.user_id = r.user_id`);
}
