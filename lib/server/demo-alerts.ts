import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { insertAlertRule, type AlertRuleValues } from '@/db/queries/alert-rules';
import { poolMembers } from '@/db/schema';

// The demo's alert rules (as an admin would write them in Admin → Alert
// rules) and a pool of two CSMs for the accounts nobody owns. The rules are
// evaluated by the app's alerts job when it starts (lib/server/alerts.ts), so
// the tasks in the inboxes are the evaluation's, not inserted. No
// `server-only`: the seed script runs it.

const rules: AlertRuleValues[] = [
  { name: 'Health is poor', conditions: [{ kind: 'band_poor' }], tiers: [], stages: [], closeAfterDays: 7, taskPriority: 'high', taskDueDays: 2 },
  { name: 'Pricing page viewed again and again', conditions: [{ kind: 'pricing_views', views: 10, days: 7 }], tiers: [3], stages: [], closeAfterDays: 14, taskPriority: 'high', taskDueDays: 1 },
  { name: 'Detractor (NPS 4 or less)', conditions: [{ kind: 'nps_low', max: 4 }], tiers: [1, 2], stages: [], closeAfterDays: 30, taskPriority: 'normal', taskDueDays: 5 },
  { name: 'Renewal soon, health under 60', conditions: [{ kind: 'renewal_health', days: 90, below: 60 }], tiers: [1, 2], stages: [], closeAfterDays: 7, taskPriority: 'high', taskDueDays: 3 },
];

/** Adds the rules and the pool once; false when the demo has rules already. */
export async function seedDemoAlerts(db: Db, log: (line: string) => void = () => {}): Promise<boolean> {
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from alert_rules`);
  if (Number(existing?.n ?? 0) > 0) return false;
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin' order by id limit 1`);
  for (const rule of rules) await insertAlertRule(db, { ...rule, enabled: true, createdBy: admin!.id });
  const csms = await queryRows<{ id: number }>(db, sql`select id from users where role = 'csm' and active order by id limit 2`);
  if (csms.length) await db.insert(poolMembers).values(csms.map((c) => ({ userId: c.id }))).onConflictDoNothing();
  log(`Alerts: ${rules.length} rules and a pool of ${csms.length} CSMs; the app evaluates them when it starts`);
  return true;
}
