import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { goalEventOptions, insertCampaign, type CampaignRow } from '@/db/queries/campaigns';
import { getWorkspace } from '@/db/queries/workspace';
import { insertWriteKey } from '@/db/queries/write-keys';
import { audienceOf, demoCampaignPlan, demoCampaigns, type DemoCampaign, type PlannedEvent } from '@/db/seed-campaigns';
import { csvFile } from '@/lib/csv/write';
import { todayIn } from '@/lib/dates';
import { assertRunnable } from '@/lib/import/read-file';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { newWriteKey } from '@/lib/signals/write-key';
import { createCampaignInput } from '@/lib/validation/campaign';
import type { CampaignOutcome } from '@/lib/vocabulary';
import { receiveCampaignEvents } from './campaign-events';
import { commitCampaignImport, prepareCampaignImport } from './campaign-import';

// The demo's Tier 3 campaigns (db/seed-campaigns.ts) through the real
// paths: each campaign checked by the form's own validation and goal rule,
// created by the manager; the HubSpot and Pendo ones fed by their tools'
// CSV exports through the import's preview and commit (a few rows that
// match nobody, skipped as a user would), the Intercom one by its events
// posted to the campaign events API with a write key made for it. The goal
// features' first uses came earlier, through the usage seed's ingestion. No
// `server-only`: the seed script runs it.

const keyName = 'Demo campaigns (Intercom)';

export async function seedDemoCampaigns(db: Db, log: (line: string) => void = () => {}): Promise<{ campaigns: number; events: number } | null> {
  const keys = sql.join(demoCampaigns.map((c) => sql`${c.key}`), sql`, `);
  const [done] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from campaigns where key in (${keys})`);
  if (Number(done?.n ?? 0) > 0) return null;
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone);
  const [manager] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'manager' order by id limit 1`);
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin' order by id limit 1`);
  const accounts = await queryRows<{ id: number; domain: string; tier: number; stage: string }>(db, sql`select id, domain, tier, lifecycle_stage as stage from accounts order by id`);
  const people = await queryRows<{ accountId: number; email: string }>(db, sql`select account_id as "accountId", email from contacts where email is not null order by id`);
  const emailsOf = new Map<number, string[]>();
  for (const p of people) emailsOf.set(p.accountId, [...(emailsOf.get(p.accountId) ?? []), p.email]);
  const plan = demoCampaignPlan(accounts.map((a, index) => ({ index, tier: Number(a.tier), stage: a.stage })));
  const who = (e: PlannedEvent) => {
    const account = accounts[e.index]!;
    const emails = emailsOf.get(account.id) ?? [];
    return { email: emails[e.contact] ?? emails[0] ?? null, domain: account.domain };
  };
  const at = (e: PlannedEvent): { day: LocalDate; time: string } => ({
    day: addDays(today, e.day - 89),
    time: `${String(9 + Math.floor(e.minute / 60)).padStart(2, '0')}:${String(e.minute % 60).padStart(2, '0')}`,
  });

  const options = new Set((await goalEventOptions(db)).map((o) => o.event));
  let total = 0;
  for (const c of demoCampaigns) {
    const campaign = await createDemoCampaign(db, c, today, options, manager!.id);
    const events = plan.events.filter((e) => e.campaign === c.key);
    if (c.feed === 'import') {
      const csv = c.tool === 'hubspot' ? hubspotExport(events, who, at) : pendoExport(events, who, at);
      const file = new File([csv], `${c.tool}-${c.key}-${today}.csv`, { type: 'text/csv' });
      const { preview, events: rows } = await prepareCampaignImport(db, campaign.id, { file });
      // HubSpot's export names two people who have left the customer since: the import skips them, as a user would choose.
      const skips = c.tool === 'hubspot' ? 2 : 0;
      if (preview.invalidRows !== skips) throw new Error(`The demo's ${file.name} has ${preview.invalidRows} rows the import refuses, not ${skips}: ${JSON.stringify(preview.errors.slice(0, 3))}`);
      const mode = skips ? 'validOnly' : 'all';
      assertRunnable(preview, mode);
      await db.transaction((tx) => commitCampaignImport(tx, { campaign, preview, events: rows, mode, userId: manager!.id }, (entry) => writeAudit(tx, { ...entry, actorId: manager!.id })));
      log(`Campaign ${c.key}: ${rows.length} outcomes imported from ${file.name} (${preview.invalidRows} rows skipped)`);
      total += rows.length;
    } else {
      total += await postEvents(db, c, events, who, at, (day, time) => zonedToUtc(day, time, workspace.timeZone).toISOString(), admin!.id);
      log(`Campaign ${c.key}: ${events.length} outcomes sent to /api/v1/campaigns/${c.key}/events`);
    }
  }
  await datePromiseFromFirstCampaign(db, addDays(today, -Math.max(...demoCampaigns.map((c) => c.startsDaysAgo))), workspace.timeZone);
  return { campaigns: demoCampaigns.length, events: total };
}

/**
 * Tier 3's promise (the setup default, a campaign delivered every month:
 * migration 0045) dates from the day the demo team's first campaign
 * started, as the setup playbooks date from the workspace's set-up: before
 * it they ran no tech touch, so coverage does not count months they could
 * not have met.
 */
async function datePromiseFromFirstCampaign(db: Db, day: LocalDate, timeZone: string) {
  await db.execute(sql`
    update playbook_versions v set created_at = ${zonedToUtc(day, '00:00', timeZone).toISOString()}::timestamptz
    where v.tier = 3 and v.created_by is null
      and exists (select 1 from playbook_rules r where r.playbook_version_id = v.id and r.touch_kind = 'campaign_delivered')`);
}

/** The campaign as the manager's form would save it: the same validation and goal rule, and its audit row. */
async function createDemoCampaign(db: Db, c: DemoCampaign, today: LocalDate, goals: Set<string>, managerId: number): Promise<CampaignRow> {
  const input = createCampaignInput.parse({
    name: c.name,
    key: c.key,
    channel: c.channel,
    tool: c.tool,
    audience: audienceOf(c),
    startsOn: addDays(today, -c.startsDaysAgo),
    endsOn: '',
    goalEvent: c.goalEvent,
    goalWindowDays: c.goalWindowDays,
  });
  if (!goals.has(c.goalEvent)) throw new Error(`The demo campaign ${c.key}'s goal "${c.goalEvent}" is not a mapped signal.`);
  return db.transaction(async (tx) => {
    const row = await insertCampaign(tx, { ...input, createdBy: managerId });
    if (!row) throw new Error(`The demo campaign key ${c.key} is taken.`);
    await writeAudit(tx, { actorId: managerId, action: 'campaign.create', entity: 'campaign', entityId: String(row.id), after: { ...input, version: row.version } });
    return row;
  });
}

type Who = (e: PlannedEvent) => { email: string | null; domain: string };
type At = (e: PlannedEvent) => { day: LocalDate; time: string };

const hubspotWords: Record<CampaignOutcome, string> = { delivered: 'DELIVERED', opened: 'OPEN', clicked: 'CLICK', bounced: 'BOUNCE', unsubscribed: 'UNSUBSCRIBED', completed: 'COMPLETED' };

/** HubSpot's email events export: one row per event, the recipient's email, its time in the portal's zone; two rows for people no longer at the customer. */
function hubspotExport(events: readonly PlannedEvent[], who: Who, at: At): string {
  const rows = events.flatMap((e) => {
    const { email } = who(e);
    const t = at(e);
    return email ? [[email, `Onboarding step ${stepOf(events, e)}`, hubspotWords[e.outcome], `${t.day} ${t.time}:00`]] : [];
  });
  const first = rows[0];
  if (first) rows.splice(Math.floor(rows.length / 2), 0, ['k.ono@former-customer.example', first[1]!, 'DELIVERED', first[3]!], ['t.mori@former-customer.example', first[1]!, 'DELIVERED', first[3]!]);
  return csvFile(['Recipient', 'Email name', 'Event type', 'Created'], rows);
}

/** Which of the four steps a delivery is: its place among the account's deliveries. */
function stepOf(events: readonly PlannedEvent[], e: PlannedEvent): number {
  const mine = events.filter((x) => x.index === e.index && x.outcome === 'delivered' && (x.day < e.day || (x.day === e.day && x.minute <= e.minute)));
  return Math.max(1, Math.min(4, mine.length));
}

/** Pendo's guide events export: the visitor's email and the account, "Shown" or "guideCompleted". */
function pendoExport(events: readonly PlannedEvent[], who: Who, at: At): string {
  const rows = events.map((e) => {
    const { email, domain } = who(e);
    const t = at(e);
    return [email ?? '', domain, 'はじめてのワークフロー', e.outcome === 'completed' ? 'guideCompleted' : 'Shown', `${t.day}T${t.time}:00`];
  });
  return csvFile(['Visitor Email', 'Account ID', 'Guide Name', 'Event Type', 'Timestamp'], rows);
}

/** Intercom's events, posted in batches of 500 as a pipeline would; throws if the API refuses any. */
async function postEvents(db: Db, c: DemoCampaign, events: readonly PlannedEvent[], who: Who, at: At, instant: (day: LocalDate, time: string) => string, adminId: number): Promise<number> {
  const made = newWriteKey();
  await insertWriteKey(db, { name: keyName, prefix: made.prefix, hash: made.hash, ratePerMinute: 600, createdBy: adminId });
  let accepted = 0;
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500).map((e) => {
      const { email, domain } = who(e);
      const t = at(e);
      return { ...(email ? { email } : { account: domain }), outcome: e.outcome, timestamp: instant(t.day, t.time) };
    });
    const request = new Request(`http://demo.invalid/api/v1/campaigns/${c.key}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${made.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch }),
    });
    const res = await receiveCampaignEvents(db, request, c.key);
    const body = (await res.json()) as { accepted?: number; rejected?: unknown[] };
    if (res.status !== 200 || body.rejected?.length) throw new Error(`The demo's campaign events were refused (${res.status}): ${JSON.stringify(body).slice(0, 500)}`);
    accepted += body.accepted ?? 0;
  }
  return accepted;
}
