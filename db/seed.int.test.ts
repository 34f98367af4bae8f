import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/sign-in';
import { todayIn } from '@/lib/dates';
import { defaultPolicy } from '@/lib/tiering/policy';
import { createUser } from '@/tests/factories';
import { getDb, queryRows, type Db } from './client';
import { previewRetier } from './queries/retier';
import { currentPolicy } from './queries/tier-policies';
import { countUsers } from './queries/users';
import { getWorkspace } from './queries/workspace';
import { demoPassword, demoUsers, seedDemo } from './seed';
import { addDays, generateDemoAccounts } from './seed-accounts';
import { coverageSummary } from './queries/coverage-report';
import { recomputeCoverage } from '@/lib/server/coverage';
import { coverageRatio } from '@/lib/coverage/obligations';

describe('seedDemo', () => {
  it('refuses a database that holds real users, changing nothing', async () => {
    const db = await getDb();
    await createUser('admin');
    expect(await seedDemo(db)).toBe('refused');
    expect(await countUsers(db)).toBe(1);
    expect((await getWorkspace(db)).isDemo).toBe(false);
    expect(await queryRows(db, sql`select id from accounts`)).toEqual([]);
  });
});

/** Everything the seed writes, in a form two runs can be compared by. */
async function snapshot(db: Db) {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`select
      (select string_agg(concat_ws(':', id, domain, tier, tier_source, owner_id, version, updated_at), ',' order by id) from accounts) as accounts,
      (select string_agg(concat_ws(':', id, account_id, kind, to_tier), ',' order by id) from tier_history) as history,
      (select string_agg(concat_ws(':', id, account_id, status), ',' order by id) from tier_override_requests) as requests,
      (select count(*) from audit_log)::text as audits`,
  );
  return row;
}

// This file's database may hold the user from the first test: start clean.
async function emptyDatabase(db: Db) {
  const { users, auditLog } = await import('./schema');
  await db.delete(auditLog).where(sql`true`);
  await db.delete(users).where(sql`true`);
}

describe('seedDemo on an empty database', () => {
  it('creates the demo once; a second run changes nothing', async () => {
    const db = await getDb();
    await emptyDatabase(db);
    expect(await seedDemo(db)).toBe('seeded');
    expect(await getWorkspace(db)).toMatchObject({ isDemo: true, currency: 'JPY', timeZone: 'Asia/Tokyo', holidayCountry: 'JP', closedDays: null });
    expect(await countUsers(db)).toBe(demoUsers.length);
    const before = await snapshot(db);
    expect(before?.accounts).toBeTruthy();
    expect(await seedDemo(db)).toBe('already-seeded');
    expect(await countUsers(db)).toBe(demoUsers.length);
    expect(await snapshot(db)).toEqual(before);
    for (const u of demoUsers) expect((await checkCredentials(u.email, demoPassword)).ok).toBe(true);
  });
});

describe('the demo accounts', () => {
  beforeAll(async () => {
    const db = await getDb();
    if ((await getWorkspace(db)).isDemo) return;
    await emptyDatabase(db);
    await seedDemo(db);
  });

  it('spreads about 300 accounts over the tiers and the CSMs', async () => {
    const db = await getDb();
    const tiers = await queryRows<{ tier: number; n: number }>(db, sql`select tier, count(*)::int as n from accounts group by tier order by tier`);
    const count = (t: number) => tiers.find((r) => r.tier === t)?.n ?? 0;
    expect(count(1)).toBeGreaterThanOrEqual(8);
    expect(count(1)).toBeLessThanOrEqual(12);
    expect(count(2)).toBeGreaterThanOrEqual(40);
    expect(count(2)).toBeLessThanOrEqual(70);
    expect(count(1) + count(2) + count(3)).toBeGreaterThanOrEqual(280);
    expect(count(1) + count(2) + count(3)).toBeLessThanOrEqual(320);
    expect(count(3)).toBeGreaterThan(count(2));

    const owners = await queryRows<{ email: string | null; n: number }>(
      db,
      sql`select u.email, count(*)::int as n from accounts a left join users u on u.id = a.owner_id group by u.email`,
    );
    for (const csm of demoUsers.filter((u) => u.role === 'csm')) expect(owners.find((o) => o.email === csm.email)?.n).toBeGreaterThan(50);
    expect(owners.find((o) => o.email === null)?.n).toBeGreaterThanOrEqual(2);
    expect(owners.find((o) => o.email === null)?.n).toBeLessThanOrEqual(3);
    expect(owners.every((o) => o.email === null || demoUsers.some((u) => u.email === o.email && u.role === 'csm'))).toBe(true);
  });

  it('stores tier columns the set-based re-tiering agrees with', async () => {
    const db = await getDb();
    const today = todayIn('Asia/Tokyo');
    const preview = await previewRetier(db, await currentPolicy(db), today);
    expect(preview.movedCount).toBe(0);
    const [facts] = await queryRows<Record<string, number>>(
      db,
      sql`select
        count(*) filter (where renewal_date < ${today}::date or renewal_date > ${addDays(today, 548)}::date)::int as renewal_outside,
        count(*) filter (where renewal_date <= ${addDays(today, 30)}::date)::int as renewal_soon,
        count(*) filter (where lifecycle_stage = 'at_risk' and churn_risk = 'high')::int as at_risk_high,
        count(*) filter (where gross_margin_pct not between 60 and 85 or annual_churn_pct not between 3 and 30)::int as out_of_range,
        count(*) filter (where notes is not null)::int as noted,
        count(distinct industry)::int as industries
      from accounts`,
    );
    expect(facts).toMatchObject({ renewal_outside: 0, out_of_range: 0 });
    expect(facts!.renewal_soon).toBeGreaterThan(0);
    expect(facts!.at_risk_high).toBeGreaterThanOrEqual(3);
    expect(facts!.noted).toBeGreaterThan(10);
    expect(facts!.industries).toBeGreaterThanOrEqual(8);
  });

  it('has the manager’s overrides and two pending CSM requests, each in tier history', async () => {
    const db = await getDb();
    const today = todayIn('Asia/Tokyo');
    const overrides = await queryRows<{ tier: number; override_tier: number; until: string | null; by: string; history: number }>(
      db,
      sql`select a.tier, a.override_tier, a.override_until::text as until, u.email as by,
          (select count(*)::int from tier_history h where h.account_id = a.id and h.kind = 'override' and h.to_tier = a.override_tier) as history
        from accounts a join users u on u.id = a.override_by where a.tier_source = 'override'`,
    );
    expect(overrides.length).toBeGreaterThanOrEqual(5);
    expect(overrides.length).toBeLessThanOrEqual(8);
    for (const o of overrides) expect(o).toMatchObject({ tier: o.override_tier, by: 'manager@touchplan.example', history: 1 });
    expect(overrides.filter((o) => o.until !== null && o.until > today)).toHaveLength(1);

    const requests = await queryRows<{ status: string; owner: boolean; tier: number; requested: number }>(
      db,
      sql`select r.status, r.requested_by = a.owner_id as owner, a.tier, r.requested_tier as requested
        from tier_override_requests r join accounts a on a.id = r.account_id`,
    );
    expect(requests).toHaveLength(2);
    for (const r of requests) expect(r).toMatchObject({ status: 'pending', owner: true });
    for (const r of requests) expect(r.requested).not.toBe(r.tier);

    const [history] = await queryRows<{ accounts: number; created: number }>(
      db,
      sql`select (select count(*)::int from accounts) as accounts,
        (select count(distinct account_id)::int from tier_history where kind = 'created' and from_tier is null) as created`,
    );
    expect(history!.created).toBe(history!.accounts);
  });

  it('gives every account people, and a library shared and opened over the past year, every touch in the ledger', async () => {
    const db = await getDb();
    type Facts = Record<'without_contacts' | 'items' | 'shared_items' | 'recipients' | 'opened' | 'opened_quickly' | 'old_shares' | 'shared_touches' | 'shares' | 'opened_touches' | 'activity_touches' | 'completed', number>;
    const [facts] = await queryRows<Facts>(
      db,
      sql`select
        (select count(*)::int from accounts a where not exists (select 1 from contacts c where c.account_id = a.id)) as without_contacts,
        (select count(*)::int from content_items) as items,
        (select count(distinct item_id)::int from content_shares) as shared_items,
        (select count(*)::int from content_recipients) as recipients,
        (select count(*)::int from content_recipients where first_opened_at is not null) as opened,
        (select count(*)::int from content_recipients r join content_shares s on s.id = r.share_id
           where r.first_opened_at <= s.shared_at + interval '2 days') as opened_quickly,
        (select count(*)::int from content_shares where shared_at < now() - interval '180 days') as old_shares,
        (select count(*)::int from touches where kind = 'content_shared') as shared_touches,
        (select count(*)::int from content_shares) as shares,
        (select count(*)::int from touches where kind = 'content_opened') as opened_touches,
        (select count(*)::int from touches where kind = 'activity_completed') as activity_touches,
        (select count(*)::int from activities where status = 'completed') as completed`,
    );
    expect(facts).toMatchObject({ without_contacts: 0, items: 21, shared_items: 21 });
    expect(facts!.opened / facts!.recipients).toBeGreaterThan(0.35);
    expect(facts!.opened_quickly / facts!.opened).toBeGreaterThan(0.6);
    expect(facts!.old_shares).toBeGreaterThan(0);
    expect(facts!.shared_touches).toBe(facts!.shares);
    expect(facts!.opened_touches).toBe(facts!.opened);
    expect(facts!.activity_touches).toBe(facts!.completed);

    // Tier 1 meetings are with the account's own people, and QBRs with its own sponsor.
    const [strangers] = await queryRows<{ attendees: number; sponsors: number }>(
      db,
      sql`select
        (select count(*)::int from activities a, jsonb_array_elements(a.customer_attendees) p
           where not exists (select 1 from contacts c where c.account_id = a.account_id and c.name = p->>'name')) as attendees,
        (select count(*)::int from activities a where a.executive_sponsor is not null
           and not exists (select 1 from contacts c where c.account_id = a.account_id and a.executive_sponsor like '%' || c.name)) as sponsors`,
    );
    expect(strangers).toEqual({ attendees: 0, sponsors: 0 });
  });

  it('has a year of programs: 17, invited, registered mostly in the final week, 30–45 % of registrants attending, every step in the ledger', async () => {
    const db = await getDb();
    const [facts] = await queryRows<Record<'programs' | 'sessions' | 'ahead' | 'invited' | 'registered' | 'late' | 'attended' | 'held_invited' | 'held_registered' | 'invited_touches' | 'registered_touches' | 'attended_touches', number>>(
      db,
      sql`select
        (select count(*)::int from programs) as programs,
        (select count(*)::int from program_sessions) as sessions,
        (select count(*)::int from program_sessions where starts_at > now()) as ahead,
        (select count(*)::int from program_invitations) as invited,
        (select count(*)::int from program_invitations where registered_at is not null) as registered,
        (select count(*)::int from program_invitations i join program_sessions s on s.id = i.session_id
           where i.registered_at >= s.starts_at - interval '7 days') as late,
        (select count(*)::int from program_invitations where status = 'attended') as attended,
        (select count(*)::int from program_invitations i join program_sessions s on s.id = i.session_id
           where s.starts_at < now()) as held_invited,
        (select count(*)::int from program_invitations i join program_sessions s on s.id = i.session_id
           where i.registered_at is not null and s.starts_at < now()) as held_registered,
        (select count(*)::int from touches where kind = 'program_invited') as invited_touches,
        (select count(*)::int from touches where kind = 'program_registered') as registered_touches,
        (select count(*)::int from touches where kind = 'program_attended') as attended_touches`,
    );
    expect(facts).toMatchObject({ programs: 17, sessions: 17, ahead: 2 });
    // Sessions still ahead have had only part of their registrations (most come in the final week).
    expect(facts!.held_registered / facts!.held_invited).toBeGreaterThan(0.3);
    expect(facts!.late / facts!.registered).toBeGreaterThan(0.55);
    expect(facts!.attended / facts!.held_registered).toBeGreaterThanOrEqual(0.28);
    expect(facts!.attended / facts!.held_registered).toBeLessThanOrEqual(0.47);
    expect([facts!.invited_touches, facts!.registered_touches, facts!.attended_touches]).toEqual([facts!.invited, facts!.registered, facts!.attended]);
  });

  it('has gaps to find: Tier 1 near 90 % with two accounts short of their QBR, Tier 2 around 70 %', async () => {
    const db = await getDb();
    await recomputeCoverage();
    const today = todayIn('Asia/Tokyo');
    const rows = await coverageSummary(db, { from: addDays(today, -89), to: today });
    const tier = (n: number) => rows.find((r) => r.grouping === 'tier' && r.tier === n)!;
    expect(coverageRatio(tier(1))).toBeGreaterThanOrEqual(0.82);
    expect(coverageRatio(tier(1))).toBeLessThanOrEqual(0.95);
    expect(coverageRatio(tier(2))).toBeGreaterThanOrEqual(0.6);
    expect(coverageRatio(tier(2))).toBeLessThanOrEqual(0.8);
    const [qbr] = await queryRows<{ accounts: number }>(
      db,
      sql`select count(distinct o.account_id)::int as accounts from coverage_obligations o join activity_types t on t.id = o.activity_type_id
          where t.key = 'qbr' and o.status in ('overdue', 'missed') and o.due between ${addDays(today, -89)}::date and ${today}::date`,
    );
    expect(qbr!.accounts).toBe(2);
  });
});

describe('generateDemoAccounts', () => {
  it('is deterministic and gives unique names and domains', () => {
    const opts = { policy: { ...defaultPolicy, version: 1 }, today: '2026-11-22', csmIds: [7, 8, 9] };
    const a = generateDemoAccounts(opts);
    expect(generateDemoAccounts(opts)).toEqual(a);
    expect(new Set(a.map((x) => x.input.domain)).size).toBe(a.length);
    expect(new Set(a.map((x) => x.input.name)).size).toBe(a.length);
    expect(a.every((x) => /\.(co\.jp|jp|com)$/.test(x.input.domain))).toBe(true);
  });
});
