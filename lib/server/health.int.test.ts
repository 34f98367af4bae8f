import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { accountHealthCard, currentHealthModel } from '@/db/queries/health-read';
import { ensureUsagePartitions } from '@/db/queries/ingest';
import { accountHealth, accountPulses, eventMappings, healthHistory, usageEvents } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { healthScore, valueFor } from '@/lib/health/model';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount } from '@/tests/accounts';
import { listAccounts } from '@/db/queries/accounts';
import { writeHealth } from '@/db/queries/health';
import { recomputeChangedHealth } from './health';
import { healthCardData, signalValues } from './health-card';

// Usage events stored as the ingestion API stores them, then the minute job:
// signals, the score with missing data left out, and the history.

const tz = 'Asia/Tokyo';
const today = todayIn(tz);
const at = (day: string, time = '12:00') => zonedToUtc(day, time, tz);

async function events(accountId: number, rows: { day: string; event: string; user: string; properties?: Record<string, unknown> }[]) {
  const db = await getDb();
  await ensureUsagePartitions(db, at(addDays(today, -120)), at(today));
  await db.insert(usageEvents).values(
    rows.map((r) => ({ occurredAt: at(r.day), messageId: `h-${randomBytes(6).toString('hex')}`, type: 'track', event: r.event, userKey: r.user, accountId, properties: r.properties ?? null })),
  );
}

let active = 0;
let silent = 0;
let unseen = 0;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(eventMappings).values([
    { meaning: 'key_feature', event: 'Report Exported' },
    { meaning: 'key_feature', event: 'Dashboard Shared' },
    { meaning: 'support_ticket', event: 'Ticket Opened' },
    { meaning: 'nps', event: 'NPS Answered', scoreProperty: 'score' },
    { meaning: 'pricing_view', event: 'Pricing Viewed' },
  ]);
  active = (await createAccount({ name: 'Health active' })).id;
  silent = (await createAccount({ name: 'Health silent' })).id;
  unseen = (await createAccount({ name: 'Health unseen' })).id;
  // Active: 4 users in the last 30 days (2 in the last 7), one key feature of two, a ticket, NPS 9 then 6.
  await events(active, [
    { day: addDays(today, -1), event: 'Report Exported', user: 'a1' },
    { day: addDays(today, -3), event: 'Logged In', user: 'a2' },
    { day: addDays(today, -10), event: 'Logged In', user: 'a3' },
    { day: addDays(today, -20), event: 'Ticket Opened', user: 'a4' },
    { day: addDays(today, -40), event: 'Logged In', user: 'a1' },
    { day: addDays(today, -45), event: 'NPS Answered', user: 'a1', properties: { score: 9 } },
    { day: addDays(today, -5), event: 'NPS Answered', user: 'a2', properties: { score: 6 } },
    { day: addDays(today, -2), event: 'Pricing Viewed', user: 'a2' },
    { day: addDays(today, -2), event: 'Pricing Viewed', user: 'a2' },
  ]);
  // Silent: seen 50 days ago only.
  await events(silent, [{ day: addDays(today, -50), event: 'Logged In', user: 's1' }]);
  await db.insert(accountPulses).values({ accountId: silent, pulse: 'red', note: 'Champion left', expiresOn: addDays(today, 10) });
  await recomputeChangedHealth();
});

describe('signals', () => {
  it('are worked out per account from the rollups, the touch ledger and the pulse', async () => {
    const card = await accountHealthCard(await getDb(), active);
    expect(card?.signals).toMatchObject({
      day: today,
      daysSinceSeen: 1,
      activeUsers7d: 2,
      activeUsers30d: 4,
      featureAdoptionPct: '50.0',
      pricingViews7d: 2,
      tickets30d: 1,
      nps: '6.0',
      daysSinceHumanTouch: null,
      pulse: null,
    });
    // 7 events in the 30 days to today against 2 in the 30 before: +250 %.
    expect(card?.signals?.usageTrendPct).toBe('250.0');
    const quiet = await accountHealthCard(await getDb(), silent);
    expect(quiet?.signals).toMatchObject({ daysSinceSeen: 50, activeUsers30d: 0, featureAdoptionPct: '0.0', tickets30d: 0, nps: null, pulse: 0 });
  });

  it('are missing for an account never seen, not zero', async () => {
    const card = await accountHealthCard(await getDb(), unseen);
    expect(card?.signals).toMatchObject({ daysSinceSeen: null, activeUsers30d: null, featureAdoptionPct: null, tickets30d: null, nps: null });
    expect(card?.health).toMatchObject({ score: null, band: null, dataShare: '0.0000' });
  });
});

describe('today over every account at once', () => {
  it('gives the same signals and scores as the day-by-day history form', async () => {
    const db = await getDb();
    const model = await currentHealthModel(db);
    const ids = sql`select x::int from unnest(${`{${active},${silent},${unseen}}`}::int[]) x`;
    const read = () =>
      queryRows<Record<string, unknown>>(
        db,
        sql`select s.*, h.score, h.band, h.data_share from account_signals s join account_health h using (account_id)
            where s.account_id in (${ids}) order by s.account_id`,
      ).then((rows) => rows.map((r) => ({ ...r, computed_at: null })));
    await writeHealth(db, { accountIds: ids, from: addDays(today, -2), to: today, today, timeZone: tz, model });
    const byDay = await read();
    await writeHealth(db, { accountIds: ids, from: today, to: today, today, timeZone: tz, model });
    expect(await read()).toEqual(byDay);
    expect(byDay).toHaveLength(3);
  });
});

describe('scores', () => {
  it('agree with the plain function of lib/health, missing data left out', async () => {
    const db = await getDb();
    const model = await currentHealthModel(db);
    for (const id of [active, silent]) {
      const card = (await accountHealthCard(db, id))!;
      const s = card.signals!;
      const values = signalValues(s, {});
      const expected = healthScore((c) => valueFor(values, c), model);
      expect(card.health).toMatchObject({ score: expected.score, band: expected.band, dataShare: expected.dataShare.toFixed(4) });
    }
    // Silent: seen 50 days ago (0), nobody active (0), no adoption (0), no trend, no tickets (100), red pulse (0); NPS and touch missing.
    expect((await accountHealthCard(db, silent))?.health?.band).toBe('poor');
  });

  it('keep a daily history from the first day with events, computed backwards', async () => {
    const db = await getDb();
    const [{ days }] = (await queryRows<{ days: number }>(db, sql`select count(*)::int as days from health_history where account_id = ${active}`)) as [{ days: number }];
    // Events from 45 days back (within the 90 kept): a row for each day since.
    expect(days).toBe(46);
    const [first] = await db.select().from(healthHistory).where(eq(healthHistory.accountId, active)).orderBy(healthHistory.day).limit(1);
    expect(first?.day).toBe(addDays(today, -45));
    expect(first?.score).not.toBeNull();
  });

  it('follow new events within a run of the minute job', async () => {
    const before = (await (await getDb()).select().from(accountHealth).where(eq(accountHealth.accountId, unseen)))[0];
    expect(before?.score).toBeNull();
    await events(unseen, [{ day: today, event: 'Dashboard Shared', user: 'u1' }]);
    expect(await recomputeChangedHealth()).toMatchObject({ whole: false, accounts: 1 });
    const after = (await (await getDb()).select().from(accountHealth).where(eq(accountHealth.accountId, unseen)))[0];
    expect(after?.score).not.toBeNull();
  });
});

describe('the health card', () => {
  it('shows a pulse past its last day as expired, and leaves it out of the score', async () => {
    const db = await getDb();
    const account = (await createAccount({ name: 'Health expired pulse' })).id;
    await db.insert(accountPulses).values({ accountId: account, pulse: 'green', setAt: at(addDays(today, -40)), expiresOn: addDays(today, -10) });
    await events(account, [{ day: addDays(today, -1), event: 'Logged In', user: 'e1' }]);
    await recomputeChangedHealth();
    const card = await healthCardData(db, account, today);
    expect(card.pulse).toMatchObject({ pulse: 'green', expired: true });
    expect(card.breakdown?.parts.find((p) => p.component.measure === 'pulse')?.value).toBeNull();
  });
});

describe('the account list', () => {
  it('shows each account’s score, sorts by it, and filters by band or no score', async () => {
    const db = await getDb();
    const ids = [active, silent, unseen];
    const rows = await listAccounts(db, { ids, sort: 'health', dir: 'desc' });
    const scores = rows.map((r) => r.healthScore);
    expect(scores.filter((s) => s !== null)).toEqual([...scores.filter((s) => s !== null)].sort((a, b) => b! - a!));
    expect(rows.find((r) => r.id === silent)).toMatchObject({ healthBand: 'poor' });
    expect((await listAccounts(db, { ids, health: ['poor'] })).map((r) => r.id)).toEqual([silent]);
    const [health] = await db.select().from(accountHealth).where(eq(accountHealth.accountId, unseen));
    expect((await listAccounts(db, { ids, health: ['none'] })).map((r) => r.id)).toEqual(health?.band ? [] : [unseen]);
  });
});
