import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { coverageObligations, activityTypes } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import type { ObligationStatus } from '@/lib/vocabulary';
import { coverageByRule, coverageGaps, coverageTrend } from './coverage-report';

type Row = typeof coverageObligations.$inferInsert;

/** A CSM's own book with known obligations, so the counts are ours alone. */
async function book() {
  const db = await getDb();
  const csm = await createUser('csm');
  const a = await createAccount({ name: 'Asahi Denki', ownerId: csm.id });
  const b = await createAccount({ name: 'Biwa Foods', ownerId: csm.id });
  const [qbr] = await db.insert(activityTypes).values({ name: `QBR test ${csm.id}`, touchModel: 'high' }).returning({ id: activityTypes.id });
  const ob = (accountId: number, tier: number, due: string, status: ObligationStatus, what: Partial<Row> = {}): Row => ({
    accountId, ownerId: csm.id, tier, due, deadline: due, status, every: 3, unit: 'month', activityTypeId: qbr!.id, ...what,
  });
  const content = { activityTypeId: null, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const };
  await db.insert(coverageObligations).values([
    ob(a.id, 1, '2026-01-10', 'on_time'),
    ob(a.id, 1, '2026-01-20', 'missed'),
    ob(b.id, 1, '2026-01-25', 'late'),
    ob(a.id, 1, '2026-02-10', 'on_time'),
    ob(b.id, 2, '2026-02-15', 'on_time', content),
    ob(b.id, 2, '2026-02-16', 'overdue', content),
    ob(b.id, 2, '2026-03-16', 'not_yet_due', content),
    ob(a.id, 1, '2026-02-11', 'ended'),
    ob(a.id, 1, '2025-12-31', 'missed'), // before the period
  ]);
  return { csm, qbrId: qbr!.id };
}

describe('coverage trend and by rule', () => {
  it('counts each month per tier and in total, leaving ended and out-of-period obligations out', async () => {
    const db = await getDb();
    const { csm } = await book();
    const rows = await coverageTrend(db, { from: '2026-01-01', to: '2026-03-31', ownerId: csm.id });
    const pick = (month: string, tier: number | null) => rows.find((r) => r.month === month && r.tier === tier);
    expect(pick('2026-01', null)).toMatchObject({ due: 3, onTime: 1, late: 1, missed: 1 });
    expect(pick('2026-01', 1)).toMatchObject({ due: 3, onTime: 1 });
    expect(pick('2026-01', 2)).toBeUndefined();
    expect(pick('2026-02', null)).toMatchObject({ due: 3, onTime: 2, overdue: 1 });
    expect(pick('2026-02', 2)).toMatchObject({ due: 2, onTime: 1, overdue: 1 });
    expect(pick('2026-03', null)).toMatchObject({ due: 0, notYetDue: 1 });
    expect(rows.some((r) => r.month === '2025-12')).toBe(false);
  });

  it('counts per rule, and the gaps list narrows to one rule', async () => {
    const db = await getDb();
    const { csm, qbrId } = await book();
    const scope = { from: '2026-01-01', to: '2026-03-31', ownerId: csm.id };
    const rules = await coverageByRule(db, scope);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ tier: 1, activityTypeId: qbrId, touchKind: null, every: 3, unit: 'month', due: 4, onTime: 2, late: 1, missed: 1 });
    expect(rules[1]).toMatchObject({ tier: 2, activityTypeId: null, touchKind: 'content_shared', campaignId: null, every: 1, due: 2, onTime: 1, overdue: 1, notYetDue: 1 });

    const rule = { tier: 2, activityTypeId: null, touchKind: 'content_shared' as const, campaignId: null, every: 1, unit: 'month' as const };
    const gaps = await coverageGaps(db, { ...scope, rule, statuses: ['overdue', 'missed'], page: 1 });
    expect(gaps.rows.map((g) => [g.accountName, g.due, g.status])).toEqual([['Biwa Foods', '2026-02-16', 'overdue']]);
    const qbrGaps = await coverageGaps(db, { ...scope, rule: { ...rule, tier: 1, touchKind: null, campaignId: null, activityTypeId: qbrId, every: 3 }, statuses: ['overdue', 'missed'], page: 1 });
    expect(qbrGaps.rows.map((g) => [g.accountName, g.due, g.status])).toEqual([['Asahi Denki', '2026-01-20', 'missed']]);
  });
});
