import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { accounts } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import type { ObligationStatus } from '@/lib/vocabulary';
import { eq } from 'drizzle-orm';
import { coverageGaps, coverageSummary } from './coverage-report';
import { replaceObligations, type ObligationRow } from './coverage';

/** coverage_counts as it stands, and as counted afresh from the obligations: the triggers keep them equal. */
async function countsAndTruth() {
  const db = await getDb();
  const key = `due::text || '/' || tier || '/' || coalesce(owner_id::text, '-') || '/' || coalesce(activity_type_id::text, touch_kind::text) || '/' || every || unit || '/' || status`;
  const kept = await queryRows<{ k: string; n: number }>(db, sql`select ${sql.raw(key)} as k, n from coverage_counts where n <> 0 order by 1`);
  const truth = await queryRows<{ k: string; n: number }>(
    db,
    sql`select ${sql.raw(key)} as k, count(*)::int as n from coverage_obligations where status <> 'ended' group by 1 order by 1`,
  );
  return { kept, truth };
}

const row = (accountId: number, due: string, status: ObligationStatus): ObligationRow => ({
  accountId, tier: 1, activityTypeId: null, touchKind: 'content_shared', every: 1, unit: 'month', due, deadline: due, metOn: null, status,
});

describe('coverage counts', () => {
  it('follow every write of the obligations: a recompute, an account changing hands, an account deleted', async () => {
    const db = await getDb();
    const first = await createUser('csm');
    const second = await createUser('csm');
    const a = await createAccount({ name: 'Asahi Denki', ownerId: first.id });
    const b = await createAccount({ name: 'Biwa Foods', ownerId: first.id });
    const scope = { from: '2026-01-01', to: '2026-03-31' };
    const mine = async (ownerId: number) => (await coverageSummary(db, { ...scope, ownerId })).find((r) => r.grouping === 'total');

    await replaceObligations(db, [a.id, b.id], [row(a.id, '2026-01-10', 'on_time'), row(a.id, '2026-02-10', 'missed'), row(b.id, '2026-02-10', 'missed'), row(b.id, '2026-03-10', 'ended')]);
    expect(await mine(first.id)).toMatchObject({ due: 3, onTime: 1, missed: 2 });
    // Worked out again: the same figures, not twice as many.
    await replaceObligations(db, [a.id], [row(a.id, '2026-01-10', 'on_time'), row(a.id, '2026-02-10', 'late')]);
    expect(await mine(first.id)).toMatchObject({ due: 3, onTime: 1, late: 1, missed: 1 });

    await db.update(accounts).set({ ownerId: second.id }).where(eq(accounts.id, b.id));
    expect(await mine(first.id)).toMatchObject({ due: 2, onTime: 1, late: 1, missed: 0 });
    expect(await mine(second.id)).toMatchObject({ due: 1, missed: 1 });
    const [marked] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from coverage_dirty where account_id = ${b.id}`);
    expect(marked!.n).toBe(1);

    await db.delete(accounts).where(eq(accounts.id, a.id));
    expect(await mine(first.id)).toMatchObject({ due: 0 });
    const { kept, truth } = await countsAndTruth();
    expect(kept).toEqual(truth);
  });

  it('pages the gaps overdue first, then by due date, and totals them from the counts', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const ids: number[] = [];
    const rows: ObligationRow[] = [];
    for (let i = 0; i < 60; i++) {
      const account = await createAccount({ name: `Gap ${String(i).padStart(2, '0')}`, ownerId: csm.id });
      ids.push(account.id);
      const day = `2026-02-${String((i % 28) + 1).padStart(2, '0')}`;
      rows.push(row(account.id, day, 'missed'), row(account.id, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, i % 3 === 0 ? 'overdue' : 'on_time'));
    }
    await replaceObligations(db, ids, rows);
    const scope = { from: '2026-01-01', to: '2026-03-31', ownerId: csm.id, statuses: ['overdue', 'missed'] as const };
    const one = await coverageGaps(db, { ...scope, page: 1 });
    const two = await coverageGaps(db, { ...scope, page: 2 });
    expect(one.total).toBe(80);
    expect(two.total).toBe(80);
    expect(one.rows).toHaveLength(50);
    expect(two.rows).toHaveLength(30);
    const all = [...one.rows, ...two.rows];
    // Every gap once across the pages.
    expect(new Set(all.map((g) => `${g.accountId}/${g.due}`)).size).toBe(80);
    expect(all.slice(0, 20).every((g) => g.status === 'overdue')).toBe(true);
    expect(all.slice(20).every((g) => g.status === 'missed')).toBe(true);
    const dues = all.slice(20).map((g) => g.due);
    expect(dues).toEqual([...dues].sort());
  });
});
