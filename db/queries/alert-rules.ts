import { and, asc, eq, sql } from 'drizzle-orm';
import type { AlertCondition } from '@/lib/alerts/conditions';
import { queryRows, type DbOrTx } from '../client';
import { alertRules } from '../schema';

// Admin → Alert rules: the rules as the page lists and edits them. The
// evaluation reads them in db/queries/alerts.ts.

const columns = {
  id: alertRules.id,
  name: alertRules.name,
  enabled: alertRules.enabled,
  conditions: alertRules.conditions,
  tiers: alertRules.tiers,
  stages: alertRules.stages,
  first: alertRules.first,
  techChannel: alertRules.techChannel,
  techSubject: alertRules.techSubject,
  techMessage: alertRules.techMessage,
  techCampaignId: alertRules.techCampaignId,
  escalateAfterDays: alertRules.escalateAfterDays,
  closeAfterDays: alertRules.closeAfterDays,
  taskPriority: alertRules.taskPriority,
  taskDueDays: alertRules.taskDueDays,
  version: alertRules.version,
};

export type AlertRuleRow = {
  id: number;
  name: string;
  enabled: boolean;
  conditions: AlertCondition[];
  tiers: number[];
  stages: string[];
  first: string;
  techChannel: string | null;
  techSubject: string | null;
  techMessage: string | null;
  /** With the webhook: the campaign the receiving tool enrols the account in. */
  techCampaignId: number | null;
  escalateAfterDays: number | null;
  closeAfterDays: number;
  taskPriority: string;
  taskDueDays: number;
  version: number;
};

/** A rule as written; without its ladder fields, a task at once. */
export type AlertRuleValues = Pick<AlertRuleRow, 'name' | 'conditions' | 'tiers' | 'stages' | 'closeAfterDays' | 'taskPriority' | 'taskDueDays'> &
  Partial<Pick<AlertRuleRow, 'first' | 'techChannel' | 'techSubject' | 'techMessage' | 'techCampaignId' | 'escalateAfterDays'>>;

export async function listAlertRules(db: DbOrTx): Promise<AlertRuleRow[]> {
  return db.select(columns).from(alertRules).orderBy(asc(alertRules.name), asc(alertRules.id));
}

export async function findAlertRule(db: DbOrTx, id: number): Promise<AlertRuleRow | undefined> {
  const [row] = await db.select(columns).from(alertRules).where(eq(alertRules.id, id));
  return row;
}

export async function insertAlertRule(db: DbOrTx, values: AlertRuleValues & { enabled: boolean; createdBy: number }): Promise<AlertRuleRow> {
  const [row] = await db.insert(alertRules).values(values).returning(columns);
  return row!;
}

/** The edit as the next version, unless the rule moved on since `expectedVersion` ('conflict') or is gone ('missing'). */
export async function updateAlertRule(db: DbOrTx, id: number, expectedVersion: number, values: AlertRuleValues): Promise<AlertRuleRow | 'conflict' | 'missing'> {
  const [row] = await db
    .update(alertRules)
    .set({ ...values, version: sql`${alertRules.version} + 1`, updatedAt: new Date() })
    .where(and(eq(alertRules.id, id), eq(alertRules.version, expectedVersion)))
    .returning(columns);
  if (row) return row;
  const [exists] = await db.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.id, id));
  return exists ? 'conflict' : 'missing';
}

/** Turns a rule on or off (whatever its version: a switch cannot lose an edit); null when there is no such rule. */
export async function setAlertRuleEnabled(db: DbOrTx, id: number, enabled: boolean): Promise<{ name: string } | null> {
  const [row] = await db
    .update(alertRules)
    .set({ enabled, version: sql`${alertRules.version} + 1`, updatedAt: new Date() })
    .where(eq(alertRules.id, id))
    .returning({ name: alertRules.name });
  return row ?? null;
}

/** Deletes a rule with its episodes (their tasks stay, unlinked); what it was, or null. */
export async function deleteAlertRule(db: DbOrTx, id: number): Promise<AlertRuleRow | null> {
  const [row] = await db.delete(alertRules).where(eq(alertRules.id, id)).returning(columns);
  return row ?? null;
}

export type RuleActivity = { ruleId: number; open: number; nudgesSent: number; nudgesFailed: number; openTasks: number };

/** Per rule: its open episodes, the tech touches it sent and could not send (failed or skipped), and its open tasks. */
export async function ruleActivity(db: DbOrTx): Promise<Map<number, RuleActivity>> {
  const rows = await queryRows<RuleActivity>(
    db,
    sql`with e as (
          select e.rule_id, count(*) filter (where e.closed_on is null)::int as open,
                 count(k.id) filter (where k.status = 'open')::int as tasks
          from alert_episodes e left join tasks k on k.episode_id = e.id
          where e.closed_on is null or k.status = 'open' group by e.rule_id),
        t as (
          select rule_id, count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status in ('failed', 'skipped'))::int as failed
          from tech_touches group by rule_id)
        select r.id as "ruleId", coalesce(e.open, 0) as open, coalesce(t.sent, 0) as "nudgesSent", coalesce(t.failed, 0) as "nudgesFailed", coalesce(e.tasks, 0) as "openTasks"
        from alert_rules r left join e on e.rule_id = r.id left join t on t.rule_id = r.id`,
  );
  return new Map(rows.map((r) => [r.ruleId, r]));
}
