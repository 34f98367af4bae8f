import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { insertAlertRule, type AlertRuleValues } from '@/db/queries/alert-rules';
import { saveWebhookSettings, webhookSettings } from '@/db/queries/tech-touches';
import { getWorkspace } from '@/db/queries/workspace';
import { poolMembers } from '@/db/schema';
import { tier3Defaults } from '@/lib/alerts/defaults';
import { newSecret } from '@/lib/alerts/webhook';
import { translatorFor } from '@/lib/i18n/translator';

// The demo's alert rules (as an admin would write them in Admin → Alert
// rules, with the Tier 3 defaults whose first rung is an in-app nudge) and a
// pool of two CSMs for the accounts nobody owns. The nudges go to the webhook
// in DEMO_WEBHOOK_URL: `npm run demo` starts a receiver there that checks each
// signature and prints what arrived. The rules are
// evaluated by the app's alerts job when it starts (lib/server/alerts.ts), so
// the tasks in the inboxes are the evaluation's, not inserted. No
// `server-only`: the seed script runs it.

// The Tier 3 pricing-page rule is the setup default's (below), not a second one: one account, one task.
const rules: AlertRuleValues[] = [
  { name: 'Health is poor', conditions: [{ kind: 'band_poor' }], tiers: [], stages: [], closeAfterDays: 7, taskPriority: 'high', taskDueDays: 2 },
  { name: 'Detractor (NPS 4 or less)', conditions: [{ kind: 'nps_low', max: 4 }], tiers: [1, 2], stages: [], closeAfterDays: 30, taskPriority: 'normal', taskDueDays: 5 },
  { name: 'Renewal soon, health under 60', conditions: [{ kind: 'renewal_health', days: 90, below: 60 }], tiers: [1, 2], stages: [], closeAfterDays: 7, taskPriority: 'high', taskDueDays: 3 },
];

/** Adds the rules and the pool once; false when the demo has rules already. */
export async function seedDemoAlerts(db: Db, log: (line: string) => void = () => {}): Promise<boolean> {
  await pointWebhook(db, log);
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from alert_rules`);
  if (Number(existing?.n ?? 0) > 0) return false;
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin' order by id limit 1`);
  for (const rule of rules) await insertAlertRule(db, { ...rule, enabled: true, createdBy: admin!.id });
  const t = await translatorFor((await getWorkspace(db)).currency === 'JPY' ? 'ja' : 'en');
  for (const d of tier3Defaults) {
    const tech = d.first === 'tech_touch' ? { techSubject: t('alerts.defaults.nudgeName'), techMessage: t('alerts.defaults.nudgeText') } : {};
    await insertAlertRule(db, { ...d, ...tech, name: t(`alerts.defaults.${d.key}`), stages: [], enabled: true, createdBy: admin!.id });
  }

  const csms = await queryRows<{ id: number }>(db, sql`select id from users where role = 'csm' and active order by id limit 2`);
  if (csms.length) await db.insert(poolMembers).values(csms.map((c) => ({ userId: c.id }))).onConflictDoNothing();
  log(`Alerts: ${rules.length + tier3Defaults.length} rules and a pool of ${csms.length} CSMs; the app evaluates them when it starts`);
  return true;
}

/** Points the nudge webhook at the demo's receiver (keeping its secret), and prints the secret the receiver checks signatures with. */
async function pointWebhook(db: Db, log: (line: string) => void) {
  const url = process.env.DEMO_WEBHOOK_URL;
  if (!url) return;
  const current = await webhookSettings(db);
  const secret = current.secret ?? newSecret(randomBytes);
  if (current.url !== url || !current.secret) await saveWebhookSettings(db, current.version, { url, secret });
  log(`Nudge webhook: ${url} secret ${secret}`);
}
