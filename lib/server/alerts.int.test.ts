import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { alertEpisodes, alertRules, poolMembers, tasks, workspaceSettings } from '@/db/schema';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount, setHealthBand } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { evaluateAlerts } from './alerts';

// The alert evaluation over stored scores: a rule acts once per episode
// (a task for the account's owner, or a pool member's for a pooled account),
// stays quiet while the episode is open, closes after the condition has been
// false for the rule's period, and acts again when it comes back. Two
// evaluations at once raise one task.

const tz = 'Asia/Tokyo';
const day0 = '2026-12-01';
const at = (day: string) => zonedToUtc(day, '09:00', tz);
let owned = 0;
let pooledA = 0;
let pooledB = 0;
let csm = 0;
let ruleId = 0;

async function tasksOf(ids: number[]) {
  return (await getDb()).select().from(tasks).where(inArray(tasks.accountId, ids)).orderBy(tasks.id);
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(workspaceSettings).values({ id: 1, name: 'Alerts', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
  csm = (await createUser('csm', { name: 'Owner CSM' })).id;
  const p1 = (await createUser('csm', { name: 'Pool one' })).id;
  const p2 = (await createUser('csm', { name: 'Pool two' })).id;
  await db.insert(poolMembers).values([{ userId: p1 }, { userId: p2 }]);
  owned = (await createAccount({ name: 'Alert owned' })).id;
  pooledA = (await createAccount({ name: 'Alert pooled A' })).id;
  pooledB = (await createAccount({ name: 'Alert pooled B' })).id;
  await db.execute(sql`update accounts set owner_id = ${csm} where id = ${owned}`);
  for (const id of [owned, pooledA, pooledB]) await setHealthBand(id, 'poor');
  const [rule] = await db
    .insert(alertRules)
    .values({ name: 'Health is poor', conditions: [{ kind: 'band_poor' }], first: 'task', closeAfterDays: 3, taskPriority: 'high', taskDueDays: 2 })
    .returning({ id: alertRules.id });
  ruleId = rule!.id;
});

describe('evaluateAlerts', () => {
  it('raises one task per episode: the owner’s, or a pool member’s in turn, with why', async () => {
    const [a, b] = await Promise.all([evaluateAlerts({ now: at(day0) }), evaluateAlerts({ now: at(day0) })]);
    expect(a.tasks + b.tasks).toBe(3);
    const raised = await tasksOf([owned, pooledA, pooledB]);
    expect(raised).toHaveLength(3);
    expect(raised.find((t) => t.accountId === owned)).toMatchObject({ ownerId: csm, title: 'Health is poor', priority: 'high', dueOn: addDays(day0, 2), assignedWhy: null, values: { ruleId, score: 30 } });
    const pooled = raised.filter((t) => t.accountId !== owned);
    expect(new Set(pooled.map((t) => t.ownerId)).size).toBe(2);
    expect(pooled[0]!.assignedWhy).toMatchObject({ pooled: true, openPooledTasks: 0 });
    const episodes = await (await getDb()).select().from(alertEpisodes).where(eq(alertEpisodes.ruleId, ruleId));
    expect(episodes).toHaveLength(3);
  });

  it('stays quiet while the episode is open, closes after the set period, then acts again', async () => {
    await evaluateAlerts({ now: at(addDays(day0, 1)) });
    expect(await tasksOf([owned])).toHaveLength(1);

    await setHealthBand(owned, 'good');
    await evaluateAlerts({ now: at(addDays(day0, 2)) });
    await evaluateAlerts({ now: at(addDays(day0, 4)) });
    const [open] = await queryRows<{ closed: string | null; falseSince: string | null }>(
      await getDb(),
      sql`select closed_on::text as closed, false_since::text as "falseSince" from alert_episodes where rule_id = ${ruleId} and account_id = ${owned}`,
    );
    expect(open).toEqual({ closed: null, falseSince: addDays(day0, 2) });
    await evaluateAlerts({ now: at(addDays(day0, 5)) });
    const [closed] = await queryRows<{ closed: string | null }>(await getDb(), sql`select closed_on::text as closed from alert_episodes where rule_id = ${ruleId} and account_id = ${owned}`);
    expect(closed!.closed).toBe(addDays(day0, 5));

    await setHealthBand(owned, 'poor');
    const again = await evaluateAlerts({ now: at(addDays(day0, 6)) });
    expect(again).toMatchObject({ opened: 1, tasks: 1 });
    expect(await tasksOf([owned])).toHaveLength(2);
  });

  it('leaves disabled rules alone', async () => {
    const db = await getDb();
    await db.update(alertRules).set({ enabled: false }).where(eq(alertRules.id, ruleId));
    const other = (await createAccount({ name: 'Alert later' })).id;
    await setHealthBand(other, 'poor');
    expect(await evaluateAlerts({ now: at(addDays(day0, 7)) })).toMatchObject({ rules: 0, tasks: 0 });
    expect(await tasksOf([other])).toHaveLength(0);
  });

  it('starts a false run over when the condition holds again before the episode closes', async () => {
    const db = await getDb();
    await db.update(alertRules).set({ enabled: true }).where(eq(alertRules.id, ruleId));
    const episode = async () =>
      (await queryRows<{ closed: string | null; falseSince: string | null }>(db, sql`select closed_on::text as closed, false_since::text as "falseSince" from alert_episodes where rule_id = ${ruleId} and account_id = ${pooledB} order by id desc limit 1`))[0];
    const before = (await tasksOf([pooledB])).length;
    await setHealthBand(pooledB, 'good');
    await evaluateAlerts({ now: at(addDays(day0, 8)) });
    expect(await episode()).toEqual({ closed: null, falseSince: addDays(day0, 8) });
    await setHealthBand(pooledB, 'poor');
    expect(await evaluateAlerts({ now: at(addDays(day0, 9)) })).toMatchObject({ opened: 0, closed: 0, tasks: 0 });
    expect(await episode()).toEqual({ closed: null, falseSince: null });
    await setHealthBand(pooledB, 'good');
    await evaluateAlerts({ now: at(addDays(day0, 10)) });
    // Three days after the first false day, but only two after the run began again: still open.
    await evaluateAlerts({ now: at(addDays(day0, 12)) });
    expect(await episode()).toEqual({ closed: null, falseSince: addDays(day0, 10) });
    await evaluateAlerts({ now: at(addDays(day0, 13)) });
    expect(await episode()).toEqual({ closed: addDays(day0, 13), falseSince: addDays(day0, 10) });
    expect(await tasksOf([pooledB])).toHaveLength(before);
  });

  it('leaves out a rule whose stored conditions the editor would refuse, and evaluates the rest', async () => {
    const db = await getDb();
    await db.insert(alertRules).values({ name: 'Written by hand', conditions: [{ kind: 'no_activity', days: 1.5 }, { kind: 'made_up' }] as never, closeAfterDays: 3, taskDueDays: 2 });
    const other = (await createAccount({ name: 'Alert beside a broken rule' })).id;
    await setHealthBand(other, 'poor');
    expect(await evaluateAlerts({ now: at(addDays(day0, 14)) })).toMatchObject({ rules: 1, opened: 1, tasks: 1 });
    expect(await tasksOf([other])).toHaveLength(1);
  });
});
