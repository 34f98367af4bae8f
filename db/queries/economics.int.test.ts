import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { listActivityTypes } from '@/db/queries/playbooks';
import { listProgramKinds } from '@/db/queries/programs';
import { activities, contacts, coverageObligations, programInvitations, programs, programSessions } from '@/db/schema';
import { costToServe, exceedsShare, type CostSettings } from '@/lib/economics/cost';
import type { ObligationStatus } from '@/lib/vocabulary';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { todayIn } from '@/lib/dates';
import { economicsAccounts, economicsByTier, type EconomicsWindow } from './economics';
import { economicsSnapshot } from './economics-snapshot';

// Known data in 2026 (Tokyo): hours delivered per account as DOMAIN.md
// defines them — the playbook rule's hours for a completed activity of a
// type the account's tier asks for, its own length otherwise, and a
// program session's hours shared equally among the accounts that attended.

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+09:00`);
const year: EconomicsWindow = { from: '2026-01-01', to: '2026-12-31', fromAt: at('2026-01-01', '00:00'), toAt: at('2027-01-01', '00:00') };
const settings: CostSettings = { hourlyCost: '8000.00', tooling: { 1: '3000.00', 2: '2000.00', 3: '500.00' }, thresholdPct: '20.00' };

const ids: Record<string, number> = {};

/** The window's snapshot, up to date. */
const run = async (w: EconomicsWindow = year) => (await economicsSnapshot(await getDb(), w, todayIn('Asia/Tokyo'))).runId;

async function activity(account: string, type: string, startsAt: Date, durationMinutes: number, status: 'completed' | 'planned' | 'cancelled' = 'completed') {
  const db = await getDb();
  const typeId = (await listActivityTypes(db)).find((t) => t.key === type)!.id;
  await db.insert(activities).values({ accountId: ids[account]!, activityTypeId: typeId, ownerId: ids.csm!, timeZone: 'Asia/Tokyo', durationMinutes, startsAt, status });
}

async function session(o: { startsAt: Date; minutes: number; preparationHours: string; cancelled?: boolean; attended: string[]; registered?: string[] }) {
  const db = await getDb();
  const [program] = await db.insert(programs).values({ kindId: (await listProgramKinds(db))[0]!.id, title: 'Study session' }).returning({ id: programs.id });
  const [s] = await db
    .insert(programSessions)
    .values({ programId: program!.id, startsAt: o.startsAt, timeZone: 'Asia/Tokyo', durationMinutes: o.minutes, preparationHours: o.preparationHours, cancelled: o.cancelled ?? false })
    .returning({ id: programSessions.id });
  const invite = async (account: string, status: 'attended' | 'registered') => {
    const tag = randomBytes(4).toString('hex');
    const [c] = await db.insert(contacts).values({ accountId: ids[account]!, name: `Contact ${tag}`, email: `c-${tag}@example.jp` }).returning({ id: contacts.id });
    await db.insert(programInvitations).values({ sessionId: s!.id, contactId: c!.id, accountId: ids[account]!, token: `t-${tag}`, status });
  };
  for (const a of o.attended) await invite(a, 'attended');
  for (const a of o.registered ?? []) await invite(a, 'registered');
}

async function obligations(account: string, statuses: [ObligationStatus, string][]) {
  const db = await getDb();
  await db.insert(coverageObligations).values(statuses.map(([status, due]) => ({ accountId: ids[account]!, tier: 1, touchKind: 'program_attended' as const, every: 1, unit: 'month' as const, due, deadline: due, status })));
}

beforeAll(async () => {
  ids.csm = (await createUser('csm')).id;
  // Tier 1 from ARR 8,000,000 (LTV 64,000,000), Tier 2 from 1,000,000, Tier 3 below.
  for (const [key, arr] of [['a', '8000000'], ['a2', '8000000'], ['a3', '8000000'], ['b', '1000000'], ['c', '100000'], ['d', '100000'], ['e', '0'], ['f', null], ['g', '100000']] as const) {
    ids[key] = (await createAccount({ name: `Economics ${key.toUpperCase()}`, arr, ownerId: ids.csm })).id;
  }

  // A, Tier 1: a QBR (rule: 5 h) of 90 minutes, two regular meetings (1.5 h each), an onboarding session (no rule: its 50 minutes).
  await activity('a', 'qbr', at('2026-03-10'), 90);
  await activity('a', 'regular_meeting', at('2026-04-10'), 60);
  await activity('a', 'regular_meeting', at('2026-05-10'), 60);
  await activity('a', 'onboarding_session', at('2026-06-10'), 50);
  // Not delivered, or not in the year.
  await activity('a', 'qbr', at('2026-09-10'), 90, 'planned');
  await activity('a', 'qbr', at('2026-10-10'), 90, 'cancelled');
  await activity('a', 'qbr', at('2025-12-31', '23:30'), 90);
  await activity('a', 'qbr', at('2027-01-01', '00:00'), 90);
  // B, Tier 2 (no rule for meetings): its own 45 minutes.
  await activity('b', 'regular_meeting', at('2026-02-01'), 45);
  // C, Tier 3: two hours of its own; G exactly at the 20 % line (1.75 h).
  await activity('c', 'regular_meeting', at('2026-02-01'), 120);
  await activity('g', 'regular_meeting', at('2026-02-01'), 105);

  // A study session of 60 minutes + 2 h preparation attended by two people at A, one at B and one at C: 1 h each account.
  await session({ startsAt: at('2026-06-01'), minutes: 60, preparationHours: '2', attended: ['a', 'a', 'b', 'c'], registered: ['d'] });
  // Cancelled, or outside the year: nothing.
  await session({ startsAt: at('2026-07-01'), minutes: 60, preparationHours: '1', cancelled: true, attended: ['a'] });
  await session({ startsAt: at('2027-02-01'), minutes: 60, preparationHours: '1', attended: ['a'] });

  // Coverage in 2026: A 1 of 4 due on time (25 %), A2 1 of 2 (50 %: not under), A3 nothing due.
  await obligations('a', [['on_time', '2026-02-01'], ['late', '2026-03-01'], ['missed', '2026-04-01'], ['overdue', '2026-05-01'], ['not_yet_due', '2026-12-01'], ['ended', '2026-06-01'], ['missed', '2025-12-01']]);
  await obligations('a2', [['on_time', '2026-02-01'], ['missed', '2026-03-01']]);
  await obligations('a3', [['not_yet_due', '2026-12-31']]);
});

const hoursOf = async () => {
  const { rows } = await economicsAccounts(await getDb(), await run(), settings, 12, { list: 'all', limit: 100 });
  return Object.fromEntries(rows.map((r) => [Object.entries(ids).find(([key, id]) => key !== 'csm' && id === r.id)![0], r.hours]));
};

describe('hours delivered per account', () => {
  it('counts the rule hours of a completed activity, else its own length, and shares a session among the accounts that attended', async () => {
    expect(await hoursOf()).toEqual({
      // 5 + 1.5 + 1.5 + 50/60 + 3/3
      a: '9.833333',
      a2: '0.000000',
      a3: '0.000000',
      // 0.75 + 1
      b: '1.750000',
      // 2 + 1
      c: '3.000000',
      d: '0.000000',
      e: '0.000000',
      f: '0.000000',
      g: '1.750000',
    });
  });
});

describe('economicsByTier', () => {
  it('adds up accounts, ARR, LTV and hours per current tier, and counts the accounts over the cost-share line', async () => {
    expect(await economicsByTier(await getDb(), await run(), settings, 12)).toEqual([
      { tier: 1, accounts: 3, arr: '24000000.00', ltv: '192000000', hours: '9.833333', over: 0 },
      { tier: 2, accounts: 1, arr: '1000000.00', ltv: '8000000', hours: '1.750000', over: 0 },
      // C (30 %) and E (no revenue) are over; G sits exactly on the line; F has no ARR.
      { tier: 3, accounts: 5, arr: '300000.00', ltv: '2400000', hours: '4.750000', over: 2 },
    ]);
  });

  it('has every tier even when one has no accounts', async () => {
    const nothing: EconomicsWindow = { ...year, fromAt: at('2030-01-01'), toAt: at('2030-02-01') };
    expect((await economicsByTier(await getDb(), await run(nothing), settings, 1)).map((t) => t.hours)).toEqual(['0.000000', '0.000000', '0.000000']);
  });
});

describe('economicsAccounts', () => {
  it('lists the accounts whose cost to serve is over the threshold share of ARR: no revenue first, then the highest share', async () => {
    const { rows, total } = await economicsAccounts(await getDb(), await run(), settings, 12, { list: 'over', page: 1 });
    expect(rows.map((r) => r.name)).toEqual(['Economics E', 'Economics C']);
    expect(total).toBe(2);
    // The same accounts as lib's exact rule says, over every account.
    const all = (await economicsAccounts(await getDb(), await run(), settings, 12, { list: 'all', limit: 100 })).rows;
    const overByLib = all.filter((r) => exceedsShare(costToServe({ hours: r.hours, hourlyCost: settings.hourlyCost, toolingPerMonth: settings.tooling[r.tier], months: 12 }), r.arr, 12, settings.thresholdPct));
    expect(overByLib.map((r) => r.name).sort()).toEqual(['Economics C', 'Economics E']);
  });

  it('moves the line with the threshold and the months', async () => {
    const db = await getDb();
    const names = async (s: CostSettings, months: number) => (await economicsAccounts(db, await run(), s, months, { list: 'over' })).rows.map((r) => r.name).sort();
    expect(await names({ ...settings, thresholdPct: '19.99' }, 12)).toEqual(['Economics C', 'Economics E', 'Economics G']);
    expect(await names({ ...settings, thresholdPct: '30' }, 12)).toEqual(['Economics E']);
  });

  it('lists the Tier 1 accounts with coverage under 50 % in the period, lowest first, with what was due and met on time', async () => {
    const { rows, total } = await economicsAccounts(await getDb(), await run(), settings, 12, { list: 'uncared', page: 1 });
    expect(total).toBe(1);
    expect(rows).toEqual([expect.objectContaining({ id: ids.a, tier: 1, due: 4, onTime: 1, hours: '9.833333', ownerId: ids.csm, arr: '8000000.00' })]);
  });

  it('pages a list, and the CSV reads every account in slices by id', async () => {
    const db = await getDb();
    const second = await economicsAccounts(db, await run(), settings, 12, { list: 'over', page: 2, limit: 1 });
    expect(second).toMatchObject({ total: 2, rows: [{ name: 'Economics C' }] });
    const first = await economicsAccounts(db, await run(), settings, 12, { list: 'all', limit: 4 });
    const next = await economicsAccounts(db, await run(), settings, 12, { list: 'all', limit: 4, afterId: first.rows.at(-1)!.id });
    expect([...first.rows, ...next.rows].map((r) => r.id)).toEqual([ids.a, ids.a2, ids.a3, ids.b, ids.c, ids.d, ids.e, ids.f]);
    // A slice still splits a session over every account that attended it.
    expect(next.rows.find((r) => r.id === ids.c)?.hours).toBe('3.000000');
  });
});

describe('the snapshot', () => {
  // A window of its own (2028), so the figures above stay as they are.
  const later: EconomicsWindow = { from: '2028-01-01', to: '2028-12-31', fromAt: at('2028-01-01', '00:00'), toAt: at('2029-01-01', '00:00') };
  const rowOf = async (account: string) => (await economicsAccounts(await getDb(), await run(later), settings, 12, { list: 'all', limit: 1000 })).rows.find((r) => r.id === ids[account]);
  const snapshot = async () => economicsSnapshot(await getDb(), later, todayIn('Asia/Tokyo'));

  it('is built once, then only worked out again for the accounts that changed', async () => {
    expect((await snapshot()).built).toBe('whole');
    expect(await snapshot()).toMatchObject({ built: 'none' });
    await activity('d', 'regular_meeting', at('2028-03-01'), 30);
    expect(await snapshot()).toMatchObject({ built: 'accounts', accounts: 1 });
    expect((await rowOf('d'))?.hours).toBe('0.500000');
    // A planned activity changes nothing.
    await activity('d', 'regular_meeting', at('2028-04-01'), 30, 'planned');
    expect(await snapshot()).toMatchObject({ built: 'none' });
  });

  it('follows attendance (every attending account’s share), ARR and tier, new accounts and deleted ones', async () => {
    await run(later);
    await session({ startsAt: at('2028-05-01'), minutes: 60, preparationHours: '0', attended: ['c', 'e'] });
    expect((await rowOf('c'))?.hours).toBe('0.500000');
    await session({ startsAt: at('2028-05-02'), minutes: 60, preparationHours: '2', attended: ['c'], registered: ['d'] });
    expect((await rowOf('c'))?.hours).toBe('3.500000');
    // D attends after all: C's share of that session halves.
    const db = await getDb();
    await db.update(programInvitations).set({ status: 'attended' }).where(and(eq(programInvitations.accountId, ids.d!), eq(programInvitations.status, 'registered')));
    expect((await rowOf('c'))?.hours).toBe('2.000000');
    expect((await rowOf('d'))?.hours).toBe('2.000000');

    await db.execute(sql`update accounts set arr = 200000 where id = ${ids.g}`);
    expect((await rowOf('g'))?.arr).toBe('200000.00');

    const extra = await createAccount({ name: 'Economics later', arr: '100000', ownerId: ids.csm });
    expect((await economicsAccounts(db, await run(later), settings, 12, { list: 'all', afterId: extra.id - 1, limit: 5 })).rows.map((r) => r.name)).toEqual(['Economics later']);
    await db.execute(sql`delete from accounts where id = ${extra.id}`);
    expect((await economicsAccounts(db, await run(later), settings, 12, { list: 'all', afterId: extra.id - 1, limit: 5 })).rows).toEqual([]);
  });

  it('is built whole again when the playbooks’ hours change', async () => {
    await activity('a', 'qbr', at('2028-06-01'), 90);
    expect((await rowOf('a'))?.hours).toBe('5.000000');
    const db = await getDb();
    const qbr = sql`activity_type_id = (select id from activity_types where key = 'qbr') and playbook_version_id in (select id from playbook_versions where tier = 1)`;
    await db.execute(sql`update playbook_rules set hours = hours + 1 where ${qbr}`);
    try {
      expect((await snapshot()).built).toBe('whole');
      expect((await rowOf('a'))?.hours).toBe('6.000000');
    } finally {
      await db.execute(sql`update playbook_rules set hours = hours - 1 where ${qbr}`);
    }
  });
});
