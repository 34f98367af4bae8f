import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { HealthComponent, HealthModel } from '@/lib/health/model';
import { queryRows, type DbOrTx } from '../client';
import { accountHealth, accountPulses, accountSignals, accounts, eventMappings, healthModels } from '../schema';

/** The current health model: the highest version (the migration makes version 1). */
export async function currentHealthModel(db: DbOrTx): Promise<HealthModel & { note: string | null; createdAt: Date }> {
  const [m] = await db.select().from(healthModels).orderBy(desc(healthModels.version)).limit(1);
  if (!m) throw new Error('No health model: migrations not applied.');
  return { version: m.version, components: m.components as HealthComponent[], poorMax: m.poorMax, averageMax: m.averageMax, note: m.note, createdAt: m.createdAt };
}

/** Every version's number and when it took effect, for the trend's markers. */
export async function healthModelVersions(db: DbOrTx): Promise<{ version: number; createdAt: Date; note: string | null }[]> {
  return db.select({ version: healthModels.version, createdAt: healthModels.createdAt, note: healthModels.note }).from(healthModels).orderBy(healthModels.version);
}

export async function insertHealthModel(db: DbOrTx, m: Omit<HealthModel, 'version'> & { note: string | null; createdBy: number; expectedVersion: number }): Promise<number | null> {
  const rows = await queryRows<{ version: number }>(
    db,
    sql`insert into health_models (version, components, poor_max, average_max, note, created_by)
        select ${m.expectedVersion + 1}, ${JSON.stringify(m.components)}::jsonb, ${m.poorMax}, ${m.averageMax}, ${m.note}, ${m.createdBy}
        where (select max(version) from health_models) = ${m.expectedVersion}
        on conflict (version) do nothing
        returning version`,
  );
  return rows[0]?.version ?? null;
}

export type EventMapping = { id: number; meaning: string; event: string; scoreProperty: string | null };

export async function listEventMappings(db: DbOrTx): Promise<EventMapping[]> {
  return db.select({ id: eventMappings.id, meaning: eventMappings.meaning, event: eventMappings.event, scoreProperty: eventMappings.scoreProperty }).from(eventMappings).orderBy(eventMappings.meaning, eventMappings.event);
}

/** An account's signals, score and pulse as last worked out (signals null before the first run). */
export async function accountHealthCard(db: DbOrTx, accountId: number) {
  const [row] = await db
    .select({
      signals: accountSignals,
      health: accountHealth,
      pulse: { pulse: accountPulses.pulse, note: accountPulses.note, setAt: accountPulses.setAt, expiresOn: accountPulses.expiresOn, version: accountPulses.version },
    })
    .from(accounts)
    .leftJoin(accountSignals, eq(accountSignals.accountId, accounts.id))
    .leftJoin(accountHealth, eq(accountHealth.accountId, accounts.id))
    .leftJoin(accountPulses, eq(accountPulses.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  return row ?? null;
}

/** An account's daily scores over the last `days` days, oldest first. */
export async function healthTrend(db: DbOrTx, accountId: number, from: string): Promise<{ day: string; score: number | null; modelVersion: number }[]> {
  return queryRows(
    db,
    sql`select day::text as day, score, model_version as "modelVersion" from health_history where account_id = ${accountId} and day >= ${from}::date order by day`,
  );
}

export type HealthMark = { accountId: number; fromDay: string; markedAt: string };

/** Accounts marked for a recompute (new usage, a touch, a pulse), oldest mark first. */
export async function healthMarks(db: DbOrTx, limit: number): Promise<HealthMark[]> {
  return queryRows(db, sql`select account_id as "accountId", from_day::text as "fromDay", marked_at::text as "markedAt" from health_dirty order by marked_at limit ${limit}`);
}

/** Unmarks these accounts unless they were marked again since they were read. */
export async function unmarkHealth(db: DbOrTx, marks: readonly HealthMark[]): Promise<void> {
  if (!marks.length) return;
  await db.execute(
    sql`delete from health_dirty d using jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as x("accountId" int, "markedAt" timestamptz)
        where d.account_id = x."accountId" and d.marked_at = x."markedAt"`,
  );
}

/** Marks accounts for a recompute from `fromDay` (a pulse set, a model applied). */
export async function markHealth(db: DbOrTx, accountIds: SQL, fromDay: string): Promise<void> {
  await db.execute(sql`insert into health_dirty (account_id, from_day) select id, ${fromDay}::date from accounts where id in (${accountIds})
    on conflict (account_id) do update set from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now()`);
}

/** The whole run of a day, if there was one, and under which model. */
export async function healthRunOf(db: DbOrTx, day: string): Promise<{ modelVersion: number } | null> {
  const [row] = await queryRows<{ modelVersion: number }>(db, sql`select model_version as "modelVersion" from health_runs where day = ${day}::date`);
  return row ?? null;
}

export async function recordHealthRun(db: DbOrTx, r: { day: string; modelVersion: number; accounts: number; startedAt: Date }): Promise<void> {
  await db.execute(sql`insert into health_runs (day, model_version, accounts, started_at) values (${r.day}::date, ${r.modelVersion}, ${r.accounts}, ${r.startedAt.toISOString()}::timestamptz)
    on conflict (day) do update set model_version = excluded.model_version, accounts = excluded.accounts, started_at = excluded.started_at, finished_at = now()`);
}

/**
 * Sets (or with a null pulse clears) an account's pulse if nobody changed it
 * since `version` (0: there was none); false on a conflict.
 */
export async function savePulse(db: DbOrTx, p: { accountId: number; version: number; pulse: string | null; note: string | null; setBy: number; expiresOn: string }): Promise<boolean> {
  if (p.pulse === null) {
    const rows = await queryRows(db, sql`delete from account_pulses where account_id = ${p.accountId} and version = ${p.version} returning 1`);
    return rows.length > 0 || p.version === 0;
  }
  const rows = await queryRows(
    db,
    sql`insert into account_pulses (account_id, pulse, note, set_by, set_at, expires_on, version)
        values (${p.accountId}, ${p.pulse}, ${p.note}, ${p.setBy}, now(), ${p.expiresOn}::date, 1)
        on conflict (account_id) do update set pulse = excluded.pulse, note = excluded.note, set_by = excluded.set_by, set_at = now(),
          expires_on = excluded.expires_on, version = account_pulses.version + 1
        where account_pulses.version = ${p.version}
        returning 1`,
  );
  return rows.length > 0;
}

/** An account's events of these names over the 30 days to `day` (custom components). */
export async function eventCounts30d(db: DbOrTx, accountId: number, day: string, events: string[]): Promise<Record<string, number>> {
  if (!events.length) return {};
  const rows = await queryRows<{ event: string; n: number }>(
    db,
    sql`select event, sum(events)::int as n from usage_daily where account_id = ${accountId} and day > ${day}::date - 30 and day <= ${day}::date
        and event in (select jsonb_array_elements_text(${JSON.stringify(events)}::jsonb)) group by event`,
  );
  return Object.fromEntries(rows.map((r) => [r.event, Number(r.n)]));
}

export async function insertEventMappings(db: DbOrTx, rows: readonly { meaning: string; event: string; scoreProperty: string | null }[]): Promise<void> {
  if (rows.length) await db.insert(eventMappings).values(rows.map((r) => ({ meaning: r.meaning, event: r.event, scoreProperty: r.scoreProperty }))).onConflictDoNothing();
}

/** Adds a mapping; false when that event already has that meaning. */
export async function addEventMapping(db: DbOrTx, m: { meaning: string; event: string; scoreProperty: string | null }): Promise<number | null> {
  const rows = await db.insert(eventMappings).values(m).onConflictDoNothing().returning({ id: eventMappings.id });
  return rows[0]?.id ?? null;
}

export async function removeEventMapping(db: DbOrTx, id: number): Promise<EventMapping | null> {
  const rows = await db.delete(eventMappings).where(eq(eventMappings.id, id)).returning({ id: eventMappings.id, meaning: eventMappings.meaning, event: eventMappings.event, scoreProperty: eventMappings.scoreProperty });
  return rows[0] ?? null;
}

/** Today's scores must be worked out again for everyone (the mapping changed): the minute job's next run is a whole one. */
export async function invalidateHealthRun(db: DbOrTx, day: string): Promise<void> {
  await db.execute(sql`delete from health_runs where day = ${day}::date`);
}
