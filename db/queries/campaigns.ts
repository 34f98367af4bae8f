import { and, desc, eq, sql } from 'drizzle-orm';
import type { AccountFilters } from '@/lib/accounts/filters';
import type { ConversionRow } from '@/lib/campaigns/conversion';
import type { RecipientLookup } from '@/lib/campaigns/events';
import type { CampaignEventRow } from '@/lib/campaigns/import-plan';
import type { CampaignOutcome, CampaignOutcomeSource } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';
import { accounts, campaignEvents, campaignImports, campaigns, eventMappings, users } from '../schema';
import { accountWhere } from './accounts';

// Tech-touch campaigns: the campaigns, their outcomes per contact and
// account, the deliveries' touches in the ledger, and the set-based reads
// of the campaign page (funnel by tier, goal conversion).

export const campaignColumns = {
  id: campaigns.id,
  key: campaigns.key,
  name: campaigns.name,
  channel: campaigns.channel,
  tool: campaigns.tool,
  audience: campaigns.audience,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  goalEvent: campaigns.goalEvent,
  goalWindowDays: campaigns.goalWindowDays,
  version: campaigns.version,
  eventsChangedAt: campaigns.eventsChangedAt,
};

export type CampaignRow = { id: number } & Omit<typeof campaigns.$inferSelect, 'createdBy' | 'createdAt' | 'updatedAt'>;
export type CampaignValues = Omit<typeof campaigns.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'eventsChangedAt'>;

/** Every campaign, newest start first, with how many accounts it was delivered to. */
export async function listCampaigns(db: DbOrTx) {
  return db
    .select({
      ...campaignColumns,
      // The campaign's id named with its table: a bare "id" inside the subquery would be the event's.
      deliveredAccounts: sql<number>`(select count(distinct e.account_id)::int from ${campaignEvents} e where e.campaign_id = ${campaigns}.id and e.outcome = 'delivered')`,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id));
}

export async function findCampaign(db: DbOrTx, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** Every campaign as a choice, by name: a playbook rule may ask for one, an alert rule's webhook may enrol accounts in one. */
export async function campaignChoices(db: DbOrTx): Promise<CampaignChoice[]> {
  return db.select({ id: campaigns.id, key: campaigns.key, name: campaigns.name, channel: campaigns.channel, tool: campaigns.tool }).from(campaigns).orderBy(campaigns.name, campaigns.id);
}

export type CampaignChoice = Pick<CampaignRow, 'id' | 'key' | 'name' | 'channel' | 'tool'>;

/**
 * Whether the campaign's key is in use outside Touchplan: it has events (a
 * tool or pipeline posts to its API address) or an alert rule's webhook names
 * it (receivers enrol by it). Its key must not change then.
 */
export async function campaignKeyInUse(db: DbOrTx, id: number): Promise<boolean> {
  const [row] = await queryRows<{ used: boolean }>(
    db,
    sql`select exists (select 1 from ${campaignEvents} where campaign_id = ${id}) or exists (select 1 from alert_rules where tech_campaign_id = ${id}) as used`,
  );
  return row?.used === true;
}

export async function findCampaignByKey(db: DbOrTx, key: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.key, key));
  return row;
}

/** The new campaign, or null when its key is taken. */
export async function insertCampaign(db: DbOrTx, values: CampaignValues): Promise<CampaignRow | null> {
  const [row] = await db.insert(campaigns).values(values).onConflictDoNothing({ target: campaigns.key }).returning(campaignColumns);
  return row ?? null;
}

/** Saves an edit unless someone saved since `version` was read; a taken key is `keyTaken`. */
export async function updateCampaign(db: DbOrTx, id: number, version: number, values: Omit<CampaignValues, 'createdBy'>): Promise<CampaignRow | 'missing' | 'conflict' | 'keyTaken'> {
  const [taken] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.key, values.key), sql`${campaigns.id} <> ${id}`));
  if (taken) return 'keyTaken';
  const [row] = await db
    .update(campaigns)
    .set({ ...values, version: sql`${campaigns.version} + 1` })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning(campaignColumns);
  if (row) return row;
  return (await findCampaign(db, id)) ? 'conflict' : 'missing';
}

/**
 * The contacts and accounts the given emails, external ids and domains name:
 * two statements whatever the number of keys (a 50,000-row export names
 * 50,000 emails and as many domains), each key list one JSON parameter.
 */
export async function loadRecipients(db: DbOrTx, keys: { emails: string[]; externalIds: string[]; domains: string[] }): Promise<RecipientLookup> {
  const [contacts, found] = await Promise.all([
    keys.emails.length
      ? queryRows<{ id: number; email: string; accountId: number }>(
          db,
          sql`select c.id, c.email, c.account_id as "accountId"
              from jsonb_array_elements_text(${JSON.stringify(keys.emails)}::jsonb) k(email)
              join contacts c on lower(c.email) = k.email`,
        )
      : [],
    keys.externalIds.length || keys.domains.length
      ? queryRows<{ id: number; externalId: string | null; domain: string | null }>(
          db,
          sql`select a.id, a.external_id as "externalId", a.domain from accounts a
              where a.external_id in (select jsonb_array_elements_text(${JSON.stringify(keys.externalIds)}::jsonb))
              union
              select a.id, a.external_id, a.domain from accounts a
              where lower(a.domain) in (select jsonb_array_elements_text(${JSON.stringify(keys.domains)}::jsonb))`,
        )
      : [],
  ]);
  return { contacts: contacts.map((c) => ({ ...c, id: Number(c.id), accountId: Number(c.accountId) })), accounts: found.map((a) => ({ ...a, id: Number(a.id) })) };
}

/**
 * Records a campaign's events in one statement: each new (recipient,
 * outcome, time) once, repeats (in the rows or already stored) ignored, and
 * a campaign_delivered tech touch in the ledger for each new delivery.
 * Returns how many events were new and how many of them were deliveries.
 */
export async function recordCampaignEvents(db: DbOrTx, campaignId: number, events: readonly CampaignEventRow[], source: CampaignOutcomeSource): Promise<{ added: number; delivered: number }> {
  if (!events.length) return { added: 0, delivered: 0 };
  const json = JSON.stringify(events.map((e) => ({ a: e.accountId, c: e.contactId, r: e.recipient, o: e.outcome, t: e.occurredAt.toISOString() })));
  const [row] = await queryRows<{ added: number; delivered: number }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${json}::jsonb) as r(a int, c int, r text, o campaign_outcome, t timestamptz)),
        added as (
          insert into ${campaignEvents} (campaign_id, account_id, contact_id, recipient, outcome, occurred_at, source)
          select ${campaignId}::int, a, c, r, o, t, ${source}::campaign_outcome_source from input
          on conflict (campaign_id, recipient, outcome, occurred_at) do nothing
          returning id, account_id, contact_id, outcome, occurred_at),
        touched as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, campaign_event_id)
          select account_id, 'campaign_delivered', 'tech', occurred_at, contact_id, id from added where outcome = 'delivered'
          returning 1),
        -- New events make the page's stored figures out of date (campaign-figures.ts).
        changed as (
          update ${campaigns} set events_changed_at = clock_timestamp() where id = ${campaignId} and exists (select 1 from added) returning 1)
        select (select count(*) from added)::int as added, (select count(*) from touched)::int as delivered`,
  );
  return { added: Number(row!.added), delivered: Number(row!.delivered) };
}

/** Accounts that reached each outcome, by tier: the campaign page's funnel. */
export async function campaignFunnel(db: DbOrTx, campaignId: number): Promise<{ tier: number; outcome: CampaignOutcome; accounts: number }[]> {
  // Each (outcome, account) once from the campaign index, then the accounts' tiers: not every event joined to its account.
  const rows = await queryRows<{ tier: number; outcome: CampaignOutcome; accounts: number }>(
    db,
    sql`select a.tier, o.outcome, count(*)::int as accounts
        from (select distinct outcome, account_id from ${campaignEvents} where campaign_id = ${campaignId}) o
        join ${accounts} a on a.id = o.account_id
        group by a.tier, o.outcome`,
  );
  return rows.map((r) => ({ tier: Number(r.tier), outcome: r.outcome, accounts: Number(r.accounts) }));
}

/**
 * The grouped rows goal conversion is computed from (lib/campaigns/conversion.ts):
 * delivered accounts from their first delivery's workspace day, the
 * audience's other accounts from the campaign's start, each with the days to
 * its first goal event within the window; one grouped read of usage_daily.
 */
export async function campaignConversionRows(
  db: DbOrTx,
  c: { id: number; startsOn: string; goalEvent: string; goalWindowDays: number },
  audience: AccountFilters,
  timeZone: string,
): Promise<ConversionRow[]> {
  const rows = await queryRows<{ delivered: boolean; days: number | null; accounts: number }>(
    db,
    sql`with delivered as (
          select account_id, min(occurred_at) as first_at from ${campaignEvents}
          where campaign_id = ${c.id} and outcome = 'delivered' group by account_id),
        grouped as (
          select account_id, true as delivered, (first_at at time zone ${timeZone})::date as start_day from delivered
          union all
          select ${accounts.id}, false, ${c.startsOn}::date from ${accounts}
          where ${accountWhere(audience) ?? sql`true`} and not exists (select 1 from delivered d where d.account_id = ${accounts.id})),
        -- The goal's days once, from its (event, day) index, over the span any window covers.
        goal as (
          select account_id, day from usage_daily
          where event = ${c.goalEvent}
            and day between (select min(start_day) from grouped) and (select max(start_day) from grouped) + ${c.goalWindowDays}::int),
        firsts as (
          select g.delivered, min(u.day) - g.start_day as days
          from grouped g
          left join goal u on u.account_id = g.account_id and u.day between g.start_day and g.start_day + ${c.goalWindowDays}::int
          group by g.delivered, g.account_id, g.start_day)
        select delivered, days, count(*)::int as accounts from firsts group by delivered, days`,
  );
  return rows.map((r) => ({ delivered: r.delivered, daysToGoal: r.days === null ? null : Number(r.days), accounts: Number(r.accounts) }));
}

/** The delivered group's rows for every campaign with a goal at once (the list's conversion column). */
export async function deliveredConversionRows(db: DbOrTx, timeZone: string): Promise<(ConversionRow & { campaignId: number })[]> {
  const rows = await queryRows<{ campaignId: number; days: number | null; accounts: number }>(
    db,
    sql`with firsts as (
          select e.campaign_id, e.account_id, (min(e.occurred_at) at time zone ${timeZone})::date as start_day, c.goal_event, c.goal_window_days
          from ${campaignEvents} e join ${campaigns} c on c.id = e.campaign_id
          where e.outcome = 'delivered' and c.goal_event is not null
          group by e.campaign_id, e.account_id, c.goal_event, c.goal_window_days),
        goals as (
          select f.campaign_id, min(u.day) - f.start_day as days
          from firsts f
          left join usage_daily u on u.account_id = f.account_id and u.event = f.goal_event and u.day between f.start_day and f.start_day + f.goal_window_days
          group by f.campaign_id, f.account_id, f.start_day)
        select campaign_id as "campaignId", days, count(*)::int as accounts from goals group by campaign_id, days`,
  );
  return rows.map((r) => ({ campaignId: Number(r.campaignId), delivered: true, daysToGoal: r.days === null ? null : Number(r.days), accounts: Number(r.accounts) }));
}

export async function insertCampaignImport(db: DbOrTx, values: typeof campaignImports.$inferInsert): Promise<number> {
  const [row] = await db.insert(campaignImports).values(values).returning({ id: campaignImports.id });
  return row!.id;
}

/** A campaign's latest imports, newest first, with who ran them. */
export async function recentCampaignImports(db: DbOrTx, campaignId: number, limit = 10) {
  return db
    .select({
      id: campaignImports.id,
      fileName: campaignImports.fileName,
      rows: campaignImports.rows,
      added: campaignImports.added,
      duplicates: campaignImports.duplicates,
      skipped: campaignImports.skipped,
      importedAt: campaignImports.importedAt,
      importedBy: users.name,
    })
    .from(campaignImports)
    .leftJoin(users, eq(users.id, campaignImports.importedBy))
    .where(eq(campaignImports.campaignId, campaignId))
    .orderBy(desc(campaignImports.importedAt), desc(campaignImports.id))
    .limit(limit);
}

/** The event names mapped to a meaning (Admin → Signals): a campaign's goal is one of them. */
export async function goalEventOptions(db: DbOrTx): Promise<{ event: string; meanings: string[] }[]> {
  return db
    .select({ event: eventMappings.event, meanings: sql<string[]>`array_agg(${eventMappings.meaning} order by ${eventMappings.meaning})` })
    .from(eventMappings)
    .groupBy(eventMappings.event)
    .orderBy(eventMappings.event);
}

/** An account's campaigns, latest first: each with how many of each outcome reached its people and the last delivery (the account page's campaigns section). */
export async function listAccountCampaignTouches(db: DbOrTx, accountId: number) {
  const n = (outcome: CampaignOutcome) => sql<number>`(count(*) filter (where ${campaignEvents.outcome} = ${outcome}))::int`;
  return db
    .select({
      campaignId: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      deliveries: n('delivered'),
      opened: n('opened'),
      clicked: n('clicked'),
      completed: n('completed'),
      bounced: n('bounced'),
      unsubscribed: n('unsubscribed'),
      lastDeliveredAt: sql<Date | null>`max(${campaignEvents.occurredAt}) filter (where ${campaignEvents.outcome} = 'delivered')`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
    })
    .from(campaignEvents)
    .innerJoin(campaigns, eq(campaigns.id, campaignEvents.campaignId))
    .where(eq(campaignEvents.accountId, accountId))
    .groupBy(campaigns.id)
    .orderBy(desc(sql`max(${campaignEvents.occurredAt})`));
}

/** How many of these events the campaign already has (the preview's "already imported"); one statement. */
export async function countStoredCampaignEvents(db: DbOrTx, campaignId: number, events: readonly CampaignEventRow[]): Promise<number> {
  if (!events.length) return 0;
  const json = JSON.stringify(events.map((e) => ({ r: e.recipient, o: e.outcome, t: e.occurredAt.toISOString() })));
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select distinct r, o, t from jsonb_to_recordset(${json}::jsonb) as x(r text, o campaign_outcome, t timestamptz)) i
        where exists (select 1 from ${campaignEvents} e where e.campaign_id = ${campaignId} and e.recipient = i.r and e.outcome = i.o and e.occurred_at = i.t)`,
  );
  return Number(row!.n);
}
