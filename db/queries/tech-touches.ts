import { sql } from 'drizzle-orm';
import type { NudgePayload } from '@/lib/alerts/webhook';
import { queryRows, type DbOrTx } from '../client';
import { idArray } from './id-array';
import { defaultWorkspace } from './workspace';

// Tech touches of alert episodes (issue 14): queued by the evaluation in the
// rule's transaction, sent by the `tech-touch-webhook` and `tech-touch-email`
// jobs, and written to the touch ledger once they have left.

/** Why a tech touch could not go: shown on the account and in the admin's list. */
export type SkipReason = 'no_webhook' | 'no_smtp' | 'no_recipients';

/** The workspace's webhook for in-app nudges: where, and the secret that signs each body. */
export async function webhookSettings(db: DbOrTx): Promise<{ url: string | null; secret: string | null; version: number }> {
  const [row] = await queryRows<{ url: string | null; secret: string | null; version: number }>(
    db,
    sql`select tech_touch_webhook_url as url, tech_touch_webhook_secret as secret, version from workspace_settings where id = 1`,
  );
  return row ?? { url: null, secret: null, version: 0 };
}

export async function webhookReady(db: DbOrTx): Promise<boolean> {
  const s = await webhookSettings(db);
  return !!s.url && !!s.secret;
}

/** Saves the webhook (and a new secret when given) from the workspace version the admin saw; false when it moved on. */
export async function saveWebhookSettings(db: DbOrTx, expectedVersion: number, set: { url: string | null; secret?: string }): Promise<boolean> {
  if (expectedVersion === 0) {
    // Settings never saved: the row starts from the defaults.
    const { name, currency, timeZone } = defaultWorkspace;
    const inserted = await queryRows<{ id: number }>(
      db,
      sql`insert into workspace_settings (id, name, currency, time_zone, tech_touch_webhook_url, tech_touch_webhook_secret)
          values (1, ${name}, ${currency}, ${timeZone}, ${set.url}, ${set.secret ?? null}) on conflict do nothing returning id`,
    );
    return inserted.length > 0;
  }
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update workspace_settings set tech_touch_webhook_url = ${set.url},
          tech_touch_webhook_secret = ${set.secret === undefined ? sql`tech_touch_webhook_secret` : set.secret},
          version = version + 1, updated_at = now()
        where id = 1 and version = ${expectedVersion} returning id`,
  );
  return rows.length > 0;
}

export type QueuedTechTouch = { id: number; channel: 'email' | 'webhook' };

/**
 * Queues one tech touch per episode (a second evaluator's is dropped), with
 * an email's recipients (the accounts' active contacts; those who opted out
 * skipped), in three statements whatever their number. A touch that has
 * nowhere to go (no webhook URL, no SMTP, nobody to write to) is `skipped`
 * with its reason. Returns the ones still queued.
 */
export async function insertTechTouches(
  db: DbOrTx,
  rule: { id: number; name: string; techChannel: string; techSubject: string | null; techMessage: string | null; techCampaignId?: number | null },
  episodes: { episodeId: number; accountId: number }[],
  ready: { webhook: boolean; smtp: boolean },
): Promise<QueuedTechTouch[]> {
  if (!episodes.length) return [];
  const channel = rule.techChannel === 'email' ? 'email' : 'webhook';
  const unready: SkipReason | null = channel === 'webhook' ? (ready.webhook ? null : 'no_webhook') : ready.smtp ? null : 'no_smtp';
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into tech_touches (episode_id, rule_id, rule_name, account_id, channel, subject, message, campaign_id, status, last_error)
        select r.episode_id, ${rule.id}, ${rule.name}, r.account_id, ${channel}, ${rule.techSubject}, ${rule.techMessage}, ${channel === 'webhook' ? (rule.techCampaignId ?? null) : null}::int,
          ${unready ? 'skipped' : 'queued'}, ${unready}
        from jsonb_to_recordset(${JSON.stringify(episodes.map((e) => ({ episode_id: e.episodeId, account_id: e.accountId })))}::jsonb) as r(episode_id bigint, account_id int)
        on conflict (episode_id) do nothing
        returning id::int as id`,
  );
  if (unready || !inserted.length) return [];
  const ids = inserted.map((r) => r.id);
  if (channel === 'webhook') return ids.map((id) => ({ id, channel }));

  await db.execute(sql`
    insert into tech_touch_recipients (tech_touch_id, contact_id, email, language, status)
    select t.id, c.id, c.email, c.language::text, case when c.no_program_emails then 'skipped' else 'queued' end
    from tech_touches t join contacts c on c.account_id = t.account_id and c.active
    where t.id = any(${idArray(ids, 'bigint')})
    on conflict do nothing`);
  const skipped = await queryRows<{ id: number }>(
    db,
    sql`update tech_touches t set status = 'skipped', last_error = 'no_recipients'
        where t.id = any(${idArray(ids, 'bigint')})
          and not exists (select 1 from tech_touch_recipients r where r.tech_touch_id = t.id and r.status = 'queued')
        returning t.id::int as id`,
  );
  const gone = new Set(skipped.map((s) => s.id));
  return ids.filter((id) => !gone.has(id)).map((id) => ({ id, channel }));
}

/**
 * The campaign a webhook tech touch enrols its account in, as `c`: the one
 * its rule named when the touch was queued (kept on the touch, so a later
 * rule edit does not rewrite history). A tech touch `t`; email touches enrol in none.
 */
export const enrolledIn = sql`left join campaigns c on c.id = t.campaign_id`;

export type WebhookDelivery = { id: number; status: string; url: string | null; secret: string | null; payload: NudgePayload };

/** What a queued webhook tech touch sends, and where; undefined when it is gone. */
export async function webhookDelivery(db: DbOrTx, id: number, sentAt: Date): Promise<WebhookDelivery | undefined> {
  const [row] = await queryRows<{
    id: number;
    status: string;
    url: string | null;
    secret: string | null;
    ruleId: number | null;
    ruleName: string;
    subject: string | null;
    message: string | null;
    campaign: NudgePayload['campaign'];
    account: NudgePayload['account'];
    contacts: NudgePayload['contacts'];
  }>(
    db,
    sql`select t.id::int as id, t.status, w.tech_touch_webhook_url as url, w.tech_touch_webhook_secret as secret,
          t.rule_id as "ruleId", t.rule_name as "ruleName", t.subject, t.message,
          case when c.id is not null then jsonb_build_object('key', c.key, 'name', c.name, 'channel', c.channel, 'tool', c.tool) end as campaign,
          jsonb_build_object('id', a.id, 'externalId', a.external_id, 'name', a.name, 'domain', a.domain, 'tier', a.tier, 'owner', u.email) as account,
          coalesce((select jsonb_agg(jsonb_build_object('email', c.email, 'name', c.name, 'language', c.language, 'roles', c.roles) order by c.id)
                    from contacts c where c.account_id = a.id and c.active), '[]'::jsonb) as contacts
        from tech_touches t join accounts a on a.id = t.account_id left join users u on u.id = a.owner_id
          ${enrolledIn}
          cross join workspace_settings w
        where t.id = ${id} and t.channel = 'webhook'`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    url: row.url,
    secret: row.secret,
    payload: {
      type: 'alert.nudge',
      delivery: `tt_${row.id}`,
      sentAt: sentAt.toISOString(),
      rule: { id: row.ruleId, name: row.ruleName },
      message: { name: row.subject, text: row.message },
      campaign: row.campaign,
      account: row.account,
      contacts: row.contacts,
    },
  };
}

/** Writes the ledger's touch for a tech touch that has left (once, whatever the retries). */
const ledger = (ids: ReturnType<typeof sql>) => sql`
  insert into touches (account_id, kind, touch_model, occurred_at, tech_touch_id)
  select account_id, 'alert_nudge', 'tech', sent_at, id from ${ids}
  on conflict (tech_touch_id) where tech_touch_id is not null do nothing`;

/**
 * One webhook attempt's outcome: sent (and into the ledger, in the same
 * statement), or failed with the answer; `final` marks it failed for good,
 * else it stays queued for the next retry.
 */
export async function recordWebhookAttempt(db: DbOrTx, id: number, o: { ok: boolean; status: number | null; error: string | null; final: boolean }): Promise<void> {
  if (o.ok) {
    await db.execute(sql`
      with sent as (
        update tech_touches set status = 'sent', sent_at = now(), attempts = attempts + 1, response_status = ${o.status}, last_error = null
        where id = ${id} and status = 'queued' returning id, account_id, sent_at)
      ${ledger(sql`sent`)}`);
    return;
  }
  await db.execute(sql`
    update tech_touches set attempts = attempts + 1, response_status = ${o.status}, last_error = ${o.error},
      status = case when ${o.final} then 'failed' else status end
    where id = ${id} and status = 'queued'`);
}

export type QueuedTechMail = { id: number; language: string | null; email: string; name: string | null; token: string; subject: string; message: string; accountName: string };

/** Queued email tech touches' recipients, oldest first. */
export async function queuedTechMail(db: DbOrTx, limit: number): Promise<QueuedTechMail[]> {
  return queryRows<QueuedTechMail>(
    db,
    sql`select r.id::int as id, r.language, r.email, c.name, r.token, coalesce(t.subject, t.rule_name) as subject, coalesce(t.message, '') as message, a.name as "accountName"
        from tech_touch_recipients r join tech_touches t on t.id = r.tech_touch_id join accounts a on a.id = t.account_id
          left join contacts c on c.id = r.contact_id
        where r.status = 'queued' and t.status in ('queued', 'sent')
        order by r.id limit ${limit}`,
  );
}

/**
 * One recipient's outcome. The first sent copy makes the tech touch sent and
 * writes its ledger touch; when every copy failed, the tech touch failed.
 */
export async function recordTechMail(db: DbOrTx, id: number, outcome: { status: 'sent' | 'failed'; error?: string }): Promise<void> {
  await db.execute(sql`
    with r as (
      update tech_touch_recipients set status = ${outcome.status}, error = ${outcome.error ?? null}, sent_at = case when ${outcome.status} = 'sent' then now() end
      where id = ${id} and status = 'queued' returning tech_touch_id),
    sent as (
      update tech_touches t set status = 'sent', sent_at = now(), attempts = t.attempts + 1, last_error = null
      from r where t.id = r.tech_touch_id and ${outcome.status} = 'sent' and t.status = 'queued'
      returning t.id, t.account_id, t.sent_at),
    failed as (
      update tech_touches t set status = 'failed', attempts = t.attempts + 1, last_error = ${outcome.error ?? null}
      from r where t.id = r.tech_touch_id and ${outcome.status} = 'failed' and t.status = 'queued'
        and not exists (select 1 from tech_touch_recipients x where x.tech_touch_id = t.id and x.id <> ${id} and x.status in ('queued', 'sent'))
      returning t.id)
    ${ledger(sql`sent`)}`);
}

export type TechTouchRow = { id: number; ruleName: string; channel: string; subject: string | null; status: string; lastError: string | null; attempts: number; sentAt: string | null; createdAt: string; recipients: number };

/** An account's tech touches, newest first. */
export async function accountTechTouches(db: DbOrTx, accountId: number, limit = 20): Promise<TechTouchRow[]> {
  return queryRows<TechTouchRow>(
    db,
    sql`select t.id::int as id, t.rule_name as "ruleName", t.channel, t.subject, t.status, t.last_error as "lastError", t.attempts,
          t.sent_at::text as "sentAt", t.created_at::text as "createdAt",
          (select count(*)::int from tech_touch_recipients r where r.tech_touch_id = t.id and r.status = 'sent') as recipients
        from tech_touches t where t.account_id = ${accountId} order by t.created_at desc, t.id desc limit ${limit}`,
  );
}
