import { sql } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// What the home pages show beside the calendar and coverage: renewals ahead
// and, for admins, what in the workspace's setup needs attention.

export type Renewal = { id: number; name: string; tier: number; renewalDate: LocalDate; arr: string | null; ownerName: string | null };

/** Accounts renewing between two dates, soonest first: a page of them, how many and their ARR in all. */
export async function renewalsAhead(db: DbOrTx, q: { from: LocalDate; to: LocalDate; ownerId?: number; limit: number }) {
  const owner = q.ownerId === undefined ? sql`` : sql`and a.owner_id = ${q.ownerId}`;
  const inRange = sql`a.renewal_date between ${q.from}::date and ${q.to}::date ${owner}`;
  const [rows, [totals]] = await Promise.all([
    queryRows<Renewal>(
      db,
      sql`select a.id, a.name, a.tier, to_char(a.renewal_date, 'YYYY-MM-DD') as "renewalDate", a.arr::text as arr, u.name as "ownerName"
          from accounts a left join users u on u.id = a.owner_id
          where ${inRange}
          order by a.renewal_date, a.name, a.id
          limit ${q.limit}`,
    ),
    queryRows<{ total: number; arr: string }>(db, sql`select count(*)::int as total, coalesce(sum(a.arr), 0)::text as arr from accounts a where ${inRange}`),
  ]);
  return { rows: rows.map((r) => ({ ...r, tier: Number(r.tier) })), total: totals?.total ?? 0, arr: totals?.arr ?? '0' };
}

/** The home page's renewals chart: this month and the next five. */
export const renewalMonthsShown = 6;

export type RenewalMonth = { month: LocalDate; accounts: number; arr: string };

/** Renewals per calendar month from `from`'s month for `months` months, empty months included. */
export async function renewalsByMonth(db: DbOrTx, q: { from: LocalDate; months: number }): Promise<RenewalMonth[]> {
  const rows = await queryRows<RenewalMonth>(
    db,
    sql`with r as (
          select date_trunc('month', a.renewal_date)::date as month, count(*)::int as accounts, sum(a.arr) as arr
          from accounts a
          where a.renewal_date >= ${q.from}::date and a.renewal_date < (date_trunc('month', ${q.from}::date) + (${q.months} || ' months')::interval)::date
          group by 1
        ), months as (
          select generate_series(date_trunc('month', ${q.from}::date), date_trunc('month', ${q.from}::date) + (${q.months - 1} || ' months')::interval, interval '1 month')::date as month
        )
        select to_char(m.month, 'YYYY-MM-DD') as month, coalesce(r.accounts, 0)::int as accounts, coalesce(r.arr, 0)::text as arr
        from months m left join r on r.month = m.month
        order by m.month`,
  );
  return rows.map((r) => ({ ...r, accounts: Number(r.accounts) }));
}

export type WorkspaceHealth = {
  users: { role: string; active: number }[];
  csmsWithoutCapacity: number;
  accountsWithoutOwner: number;
  policyVersion: number;
  playbooks: { tier: number; version: number | null; rules: number }[];
};

/** The setup an admin keeps right: who is active, the versions in force, and the gaps that break coverage or capacity. */
export async function workspaceHealth(db: DbOrTx): Promise<WorkspaceHealth> {
  const [users, [counts], playbooks] = await Promise.all([
    queryRows<{ role: string; active: number }>(db, sql`select role::text as role, count(*) filter (where active)::int as active from users group by role order by role`),
    queryRows<{ csmsWithoutCapacity: number; accountsWithoutOwner: number; policyVersion: number }>(
      db,
      sql`select (select count(*) from users where role = 'csm' and active and capacity_hours = 0)::int as "csmsWithoutCapacity",
                 (select count(*) from accounts where owner_id is null)::int as "accountsWithoutOwner",
                 (select coalesce(max(version), 0) from tier_policies)::int as "policyVersion"`,
    ),
    queryRows<{ tier: number; version: number | null; rules: number }>(
      db,
      sql`select t.tier, v.version, (select count(*) from playbook_rules r where r.playbook_version_id = v.id)::int as rules
          from (values (1), (2), (3)) as t(tier)
          left join lateral (select id, version from playbook_versions p where p.tier = t.tier order by version desc limit 1) v on true
          order by t.tier`,
    ),
  ]);
  return {
    users: users.map((u) => ({ ...u, active: Number(u.active) })),
    csmsWithoutCapacity: counts?.csmsWithoutCapacity ?? 0,
    accountsWithoutOwner: counts?.accountsWithoutOwner ?? 0,
    policyVersion: counts?.policyVersion ?? 0,
    playbooks: playbooks.map((p) => ({ tier: Number(p.tier), version: p.version === null ? null : Number(p.version), rules: Number(p.rules) })),
  };
}
