import { createServer, type IncomingHttpHeaders } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { idArray } from '@/db/queries/id-array';
import { insertTechTouches, saveWebhookSettings, webhookSettings } from '@/db/queries/tech-touches';
import { alertRules, workspaceSettings } from '@/db/schema';
import { verifySignature } from '@/lib/alerts/webhook';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount, setHealthBand } from '@/tests/accounts';
import { createUser, uniqueEmail } from '@/tests/factories';
import { mailText } from '@/tests/mail';
import { startTestSmtp } from '@/tests/smtp';
import { evaluateAlerts } from './alerts';
import { stopJobs } from './jobs';
import { deliverWebhook, sendTechTouchEmails, webhookAttempts } from './tech-touch';

// Tech touches really leave the building: a signed webhook to a receiver on
// a free port (retried while it fails, given up when it refuses), emails to
// the account's active contacts through a real SMTP server (opt-outs
// honoured), each recorded once in the touch ledger; the ladder raises the
// task only if the condition still holds N days after the nudge.

const tz = 'Asia/Tokyo';
const day0 = '2026-12-01';
const at = (day: string) => zonedToUtc(day, '09:00', tz);
const secret = 'whsec_integration';

type Hit = { headers: IncomingHttpHeaders; body: string };
const hits: Hit[] = [];
let answers: number[] = []; // statuses to answer in turn, then 200
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    hits.push({ headers: req.headers, body });
    res.writeHead(answers.shift() ?? 200).end();
  });
});

const { mails } = startTestSmtp();
let csm = 0;
let webhookRule = 0;
let silent = 0;

async function techTouchesOf(accountId: number) {
  return queryRows<{ id: number; status: string; attempts: number; lastError: string | null; responseStatus: number | null; channel: string }>(
    await getDb(),
    sql`select id::int as id, status, attempts, last_error as "lastError", response_status as "responseStatus", channel from tech_touches where account_id = ${accountId} order by id`,
  );
}
async function ledger(accountId: number) {
  return queryRows<{ kind: string; model: string }>(await getDb(), sql`select kind::text, touch_model::text as model from touches where account_id = ${accountId} and tech_touch_id is not null`);
}
async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const db = await getDb();
  await db.insert(workspaceSettings).values({ id: 1, name: 'Nudges', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
  const { version } = await webhookSettings(db);
  expect(await saveWebhookSettings(db, version, { url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/nudges`, secret })).toBe(true);
  csm = (await createUser('csm', { name: 'Nudge owner' })).id;
  silent = (await createAccount({ name: 'Silent Tier 3', ownerId: csm })).id;
  await insertContact(db, { accountId: silent, name: '佐藤 花子', email: uniqueEmail('hanako'), roles: ['champion'], language: 'ja' });
  await setHealthBand(silent, 'poor');
  const [rule] = await db
    .insert(alertRules)
    .values({ name: 'Poor health nudge', conditions: [{ kind: 'band_poor' }], first: 'tech_touch', techChannel: 'webhook', techSubject: 'login-nudge', techMessage: 'We miss you', escalateAfterDays: 7, closeAfterDays: 0 })
    .returning({ id: alertRules.id });
  webhookRule = rule!.id;
});

afterAll(async () => {
  await stopJobs();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook tech touches', () => {
  it('sends one signed nudge per episode through the queue, into the ledger once; two evaluators at once queue one', async () => {
    const [a, b] = await Promise.all([evaluateAlerts({ now: at(day0) }), evaluateAlerts({ now: at(day0) })]);
    expect(a.techTouches + b.techTouches).toBe(1);
    expect(a.tasks + b.tasks).toBe(0);
    const [touch] = await waitFor(() => techTouchesOf(silent), (r) => r[0]?.status === 'sent');
    expect(touch).toMatchObject({ status: 'sent', attempts: 1, responseStatus: 200, channel: 'webhook' });
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(verifySignature(hit.body, secret, hit.headers['x-touchplan-signature'] as string)).toBe(true);
    expect(hit.headers['x-touchplan-delivery']).toBe(`tt_${touch!.id}`);
    const payload = JSON.parse(hit.body);
    expect(payload).toMatchObject({ type: 'alert.nudge', rule: { id: webhookRule, name: 'Poor health nudge' }, message: { name: 'login-nudge', text: 'We miss you' }, account: { id: silent, name: 'Silent Tier 3', tier: expect.any(Number) } });
    expect(payload.contacts).toEqual([expect.objectContaining({ name: '佐藤 花子', language: 'ja', roles: ['champion'] })]);
    expect(await ledger(silent)).toEqual([{ kind: 'alert_nudge', model: 'tech' }]);
    // Delivered at least once: a second run of the same job sends nothing.
    expect(await deliverWebhook(touch!.id, 0)).toBeNull();
    expect(hits).toHaveLength(1);
  });

  it('escalates to a task only if the condition still holds the set days after the nudge', async () => {
    await evaluateAlerts({ now: at(addDays(day0, 6)) });
    const count = async () => (await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from tasks where account_id = ${silent}`))[0]!.n;
    expect(await count()).toBe(0);
    const escalated = await evaluateAlerts({ now: at(addDays(day0, 7)) });
    expect(escalated.tasks).toBe(1);
    expect(await count()).toBe(1);
    expect(await techTouchesOf(silent)).toHaveLength(1);
  });

  it('retries while the receiver fails, gives up on the last attempt, and never retries a refusal', async () => {
    const db = await getDb();
    const flaky = (await createAccount({ name: 'Flaky receiver' })).id;
    const refused = (await createAccount({ name: 'Refused receiver' })).id;
    const exhausted = (await createAccount({ name: 'Down receiver' })).id;
    const rule = { id: webhookRule, name: 'Direct', techChannel: 'webhook', techSubject: 'x', techMessage: null };
    const episodes = await queryRows<{ episodeId: number; accountId: number }>(
      db,
      sql`insert into alert_episodes (rule_id, account_id, opened_on, tech_touch_on, values)
          select ${webhookRule}, a, ${day0}::date, ${day0}::date, '{}'::jsonb from unnest(${idArray([flaky, refused, exhausted])}) a
          returning id::int as "episodeId", account_id as "accountId"`,
    );
    const [f, r, x] = [flaky, refused, exhausted].map((id) => episodes.find((e) => e.accountId === id)!);
    const queued = await insertTechTouches(db, rule, [f!, r!, x!], { webhook: true, smtp: true });
    const idOf = async (accountId: number) => (await techTouchesOf(accountId))[0]!.id;
    expect(queued).toHaveLength(3);

    answers = [503];
    await expect(deliverWebhook(await idOf(flaky), 0)).rejects.toThrow(/HTTP 503/);
    expect((await techTouchesOf(flaky))[0]).toMatchObject({ status: 'queued', attempts: 1, responseStatus: 503, lastError: 'HTTP 503' });
    await deliverWebhook(await idOf(flaky), 1);
    expect((await techTouchesOf(flaky))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await ledger(flaky)).toHaveLength(1);

    answers = [401];
    expect(await deliverWebhook(await idOf(refused), 0)).toMatchObject({ ok: false, status: 401 });
    expect((await techTouchesOf(refused))[0]).toMatchObject({ status: 'failed', attempts: 1 });

    answers = [502];
    expect(await deliverWebhook(await idOf(exhausted), webhookAttempts - 1)).toMatchObject({ ok: false, status: 502 });
    expect((await techTouchesOf(exhausted))[0]).toMatchObject({ status: 'failed', lastError: 'HTTP 502' });
    expect(await ledger(refused)).toHaveLength(0);
    expect(await ledger(exhausted)).toHaveLength(0);
  });
});

describe('email tech touches', () => {
  it('emails the active contacts who did not opt out, with one-click unsubscribe, and records the touch once', async () => {
    const db = await getDb();
    const account = (await createAccount({ name: 'Email nudge' })).id;
    const reader = uniqueEmail('reader');
    await insertContact(db, { accountId: account, name: 'Reader', email: reader, roles: [], language: 'en' });
    await insertContact(db, { accountId: account, name: 'Opted out', email: uniqueEmail('out'), roles: [], noProgramEmails: true });
    await insertContact(db, { accountId: account, name: 'Gone', email: uniqueEmail('gone'), roles: [], active: false });
    // Scoped to at-risk accounts: only this one among the file's.
    await db.execute(sql`update accounts set lifecycle_stage = 'at_risk' where id = ${account}`);
    await db.insert(alertRules).values({
      name: 'Never seen, email',
      conditions: [{ kind: 'no_activity', days: 1 }],
      stages: ['at_risk'],
      first: 'tech_touch',
      techChannel: 'email',
      techSubject: 'Three tips for your team',
      techMessage: 'First tip.\n\nSecond tip.',
      escalateAfterDays: null,
    });
    await evaluateAlerts({ now: at(addDays(day0, 10)) });
    // The queue's worker sends it; running the job again sends nothing twice.
    await waitFor(() => techTouchesOf(account), (r) => r[0]?.status === 'sent');
    await sendTechTouchEmails();
    const [touch] = await techTouchesOf(account);
    expect(touch).toMatchObject({ status: 'sent', channel: 'email' });
    const toReader = mails.filter((m) => m.to === reader);
    expect(mails.map((m) => m.to)).toEqual([reader]);
    expect(toReader[0]!.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/localhost:\d+\/u\/[0-9a-f]{64}>/);
    const text = mailText(toReader[0]!.raw);
    expect(text).toContain('First tip.');
    expect(text).toContain('Second tip.');
    expect(await ledger(account)).toEqual([{ kind: 'alert_nudge', model: 'tech' }]);
    const statuses = await queryRows<{ status: string }>(db, sql`select r.status from tech_touch_recipients r where r.tech_touch_id = ${touch!.id} order by r.id`);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'skipped']);
  });

  it('skips a nudge with nowhere to go, saying why', async () => {
    const db = await getDb();
    const nobody = (await createAccount({ name: 'No contacts' })).id;
    const [episode] = await queryRows<{ episodeId: number; accountId: number }>(
      db,
      sql`insert into alert_episodes (rule_id, account_id, opened_on, values) values (${webhookRule}, ${nobody}, ${day0}::date, '{}'::jsonb) returning id::int as "episodeId", account_id as "accountId"`,
    );
    const rule = { id: webhookRule, name: 'Email', techChannel: 'email', techSubject: 's', techMessage: 'm' };
    expect(await insertTechTouches(db, rule, [episode!], { webhook: true, smtp: true })).toEqual([]);
    expect((await techTouchesOf(nobody))[0]).toMatchObject({ status: 'skipped', lastError: 'no_recipients' });
  });
});
