import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, activityTypes, playbookRules, playbookVersions, users } from '../schema';
import type { CadenceUnit, TouchKind } from '@/lib/vocabulary';
import { bookOwnerRole } from '@/lib/vocabulary';

export const activityTypeColumns = {
  id: activityTypes.id,
  key: activityTypes.key,
  name: activityTypes.name,
  touchModel: activityTypes.touchModel,
  requiresExecutiveSponsor: activityTypes.requiresExecutiveSponsor,
  active: activityTypes.active,
  version: activityTypes.version,
};

export async function listActivityTypes(db: DbOrTx) {
  return db.select(activityTypeColumns).from(activityTypes).orderBy(asc(activityTypes.id));
}

export async function findActivityType(db: DbOrTx, id: number) {
  const [row] = await db.select(activityTypeColumns).from(activityTypes).where(eq(activityTypes.id, id));
  return row;
}

/** Serialises playbook edits for a tier, so two admins cannot both create version N + 1. */
export async function lockPlaybook(db: DbOrTx, tier: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'touchplan:playbook:' + tier}))`);
}

/** A rule asks for an activity of one type or for any touch of one kind (exactly one is set); a campaign_delivered rule may name its campaign. */
export type PlaybookRule = {
  activityTypeId: number | null;
  touchKind: TouchKind | null;
  campaignId: number | null;
  every: number;
  unit: CadenceUnit;
  hours: string;
  bookAheadDays: number;
};

/** Each tier's newest playbook version with its rules, in order. */
export async function currentPlaybooks(db: DbOrTx) {
  const versions = await db
    .select({ id: playbookVersions.id, tier: playbookVersions.tier, version: playbookVersions.version })
    .from(playbookVersions)
    .where(sql`(${playbookVersions.tier}, ${playbookVersions.version}) in (select tier, max(version) from playbook_versions group by tier)`)
    .orderBy(asc(playbookVersions.tier));
  const rules = await db
    .select({
      playbookVersionId: playbookRules.playbookVersionId,
      activityTypeId: playbookRules.activityTypeId,
      touchKind: playbookRules.touchKind,
      campaignId: playbookRules.campaignId,
      every: playbookRules.every,
      unit: playbookRules.unit,
      hours: playbookRules.hours,
      bookAheadDays: playbookRules.bookAheadDays,
    })
    .from(playbookRules)
    .where(sql`${playbookRules.playbookVersionId} in (${sql.join(versions.map((v) => sql`${v.id}`), sql`, `)})`)
    .orderBy(asc(playbookRules.playbookVersionId), asc(playbookRules.position));
  return versions.map((v) => ({
    tier: v.tier,
    version: v.version,
    rules: rules
      .filter((r) => r.playbookVersionId === v.id)
      .map((r): PlaybookRule => ({ activityTypeId: r.activityTypeId, touchKind: r.touchKind, campaignId: r.campaignId, every: r.every, unit: r.unit, hours: r.hours, bookAheadDays: r.bookAheadDays })),
  }));
}

export async function listPlaybookVersions(db: DbOrTx, tier: number) {
  return db
    .select({ version: playbookVersions.version, note: playbookVersions.note, createdAt: playbookVersions.createdAt, createdByName: users.name })
    .from(playbookVersions)
    .leftJoin(users, eq(users.id, playbookVersions.createdBy))
    .where(eq(playbookVersions.tier, tier))
    .orderBy(desc(playbookVersions.version))
    .limit(20);
}

export async function insertPlaybookVersion(db: DbOrTx, v: { tier: number; version: number; note: string | null; createdBy: number; rules: PlaybookRule[] }) {
  const [row] = await db
    .insert(playbookVersions)
    .values({ tier: v.tier, version: v.version, note: v.note, createdBy: v.createdBy })
    .returning({ id: playbookVersions.id });
  if (v.rules.length) await db.insert(playbookRules).values(v.rules.map((r, position) => ({ ...r, position, playbookVersionId: row!.id })));
}

/** Accounts per tier and the CSMs' monthly capacity: what a playbook's hours are weighed against. */
export async function tierLoad(db: DbOrTx) {
  const [counts, [capacity]] = await Promise.all([
    db.select({ tier: accounts.tier, n: sql<number>`count(*)::int` }).from(accounts).groupBy(accounts.tier),
    db
      .select({ hours: sql<number>`coalesce(sum(${users.capacityHours}), 0)::int` })
      .from(users)
      .where(and(eq(users.role, bookOwnerRole), eq(users.active, true))),
  ]);
  return { accounts: Object.fromEntries(counts.map((c) => [c.tier, c.n])) as Record<number, number>, capacityHours: capacity?.hours ?? 0 };
}
