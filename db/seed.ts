import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Role } from '@/lib/auth/roles';
import { todayIn } from '@/lib/dates';
import { tierColumns } from '@/lib/tiering/tier-columns';
import type { Db, Tx } from './client';
import { writeAudit } from './queries/audit';
import { currentPolicy } from './queries/tier-policies';
import { insertTierHistory, type TierHistoryEntry } from './queries/tier-history';
import { insertActivities } from './queries/activities';
import { insertTimeOff } from './queries/capacity';
import { defaultClosures, workingCalendar } from '@/lib/scheduling/holidays';
import { isWorkingDay } from '@/lib/scheduling/working-days';
import { insertContacts } from './queries/contacts';
import { generateDemoContacts } from './seed-contacts';
import { demoOpens, generateDemoContent } from './seed-content';
import { demoAnswers, generateDemoPrograms } from './seed-programs';
import { findSession, insertProgram, insertSession, inviteContacts, listProgramKinds, listSessionInvitationIds, setInvitationStatus } from './queries/programs';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { addDays } from '@/lib/scheduling/local-date';
import { prng } from './seed-accounts';
import { insertContentItem, insertContentVersion, listBatchLinks, listContentKinds, recordOpens, shareContent } from './queries/content';
import { listActivityTypes } from './queries/playbooks';
import { countUsers, insertUser } from './queries/users';
import { getWorkspace } from './queries/workspace';
import { accounts, tierOverrideRequests, workspaceSettings } from './schema';
import { generateDemoActivities } from './seed-activities';
import { generateDemoAccounts } from './seed-accounts';

export const demoPassword = 'touchplan-demo-2026';

export const demoUsers: { email: string; name: string; role: Role; capacityHours: number }[] = [
  { email: 'admin@touchplan.example', name: '佐藤 遥', role: 'admin', capacityHours: 40 },
  { email: 'manager@touchplan.example', name: '鈴木 健一', role: 'manager', capacityHours: 60 },
  { email: 'misaki.tanaka@touchplan.example', name: '田中 美咲', role: 'csm', capacityHours: 110 },
  { email: 'sho.takahashi@touchplan.example', name: '高橋 翔', role: 'csm', capacityHours: 110 },
  { email: 'aya.ito@touchplan.example', name: '伊藤 彩', role: 'csm', capacityHours: 88 },
];

const demoTimeZone = 'Asia/Tokyo';

export type SeedOutcome = 'seeded' | 'already-seeded' | 'refused';

/**
 * Creates the demo workspace once. A database that already holds the demo
 * is left as it is; one that holds anything else is refused, so the seed can
 * never mix demo users into real data.
 */
export async function seedDemo(db: Db): Promise<SeedOutcome> {
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(demoPassword)));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('touchplan:seed'))`);
    const workspace = await getWorkspace(tx);
    if (workspace.isDemo) return 'already-seeded';
    if (workspace.version > 0 || (await countUsers(tx)) > 0) return 'refused';
    await tx.insert(workspaceSettings).values({
      id: 1,
      name: 'Hinode Software (demo)',
      currency: 'JPY',
      timeZone: demoTimeZone,
      fiscalYearStartMonth: 4,
      // Japanese public holidays; closed days stay the country's default (the year-end closure).
      holidayCountry: 'JP',
      // Unit economics: a loaded CSM hour and each tier's tooling per account per month (the threshold stays 20 %).
      csmHourCost: '8000',
      tier1ToolingCost: '3000',
      tier2ToolingCost: '2000',
      tier3ToolingCost: '1000',
      isDemo: true,
    });
    const ids = new Map<string, number>();
    for (const [i, user] of demoUsers.entries()) {
      const created = await insertUser(tx, { ...user, passwordHash: hashes[i]! });
      ids.set(user.email, created.id);
      await writeAudit(tx, { actorId: null, action: 'user.create', entity: 'user', entityId: created.id, after: { ...user, source: 'demo seed' } });
    }
    const idsOf = (role: Role) => demoUsers.filter((u) => u.role === role).map((u) => ids.get(u.email)!);
    const today = todayIn(demoTimeZone);
    await seedDemoAccounts(tx, { csmIds: idsOf('csm'), managerId: idsOf('manager')[0]!, today });
    // One CSM, on a reduced schedule already, away ten working days this month: the
    // demo's over-capacity month (her book owes more hours than the 8 she has left).
    const away = ids.get('aya.ito@touchplan.example')!;
    const leave = tenWorkingDaysFrom(`${today.slice(0, 7)}-01`);
    await insertTimeOff(tx, { userId: away, ...leave, hoursPerDay: '8', note: '育児休暇', createdBy: idsOf('manager')[0]! });
    await writeAudit(tx, { actorId: null, action: 'time_off.create', entity: 'user', entityId: away, after: { ...leave, hoursPerDay: 8, source: 'demo seed' } });
    return 'seeded';
  });
}

/** The first day of a month and the day ten Japanese working days later. */
function tenWorkingDaysFrom(fromDate: string): { fromDate: string; toDate: string } {
  const year = Number(fromDate.slice(0, 4));
  const calendar = workingCalendar({ country: 'JP', closures: defaultClosures('JP', ''), fromYear: year, toYear: year + 1, language: 'ja' });
  let toDate = fromDate;
  for (let worked = 0, d = fromDate; worked < 10; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) [worked, toDate] = [worked + 1, d];
  return { fromDate, toDate };
}

const batchSize = 100;

/** About 300 accounts with their tier history, overrides and pending requests; multi-row inserts. */
async function seedDemoAccounts(tx: Tx, { csmIds, managerId, today }: { csmIds: number[]; managerId: number; today: string }) {
  const policy = await currentPolicy(tx);
  const demo = generateDemoAccounts({ policy, today, csmIds });
  // The demo workspace was set up a year ago: its accounts, their first tiers and the setup playbooks
  // date from then, so coverage reads the year of touches the demo holds.
  const setUpAt = new Date(Date.now() - 400 * 86_400_000);
  // The overrides were set half a year ago, so their accounts have been served by the override's tier since.
  const overrideAt = new Date(Date.now() - 180 * 86_400_000);
  await tx.execute(sql`update playbook_versions set created_at = ${setUpAt.toISOString()}::timestamptz where created_by is null`);
  const rows = demo.map(({ input, override }) => ({
    ...input,
    createdAt: setUpAt,
    ...tierColumns(input, override, policy, today),
    ...(override && { overrideTier: override.tier, overrideReason: override.reason, overrideUntil: override.until, overrideBy: managerId, overrideAt }),
  }));
  const idByDomain = new Map<string, number>();
  for (let i = 0; i < rows.length; i += batchSize) {
    const inserted = await tx.insert(accounts).values(rows.slice(i, i + batchSize)).returning({ id: accounts.id, domain: accounts.domain });
    for (const r of inserted) idByDomain.set(r.domain, r.id);
  }
  const idOf = (domain: string) => idByDomain.get(domain)!;

  // 'created' rows first, so each override reads as the later change.
  const created: TierHistoryEntry[] = rows.map((r) => ({
    accountId: idOf(r.domain),
    kind: 'created',
    at: setUpAt,
    fromTier: null,
    toTier: r.computedTier,
    reason: r.tierReason,
    policyVersion: policy.version,
  }));
  const overridden: TierHistoryEntry[] = rows.flatMap((r) =>
    r.overrideTier
      ? [{ accountId: idOf(r.domain), actorId: managerId, kind: 'override' as const, at: overrideAt, fromTier: r.computedTier, toTier: r.overrideTier, reason: { text: r.overrideReason, until: r.overrideUntil ?? null } }]
      : [],
  );
  for (let i = 0; i < created.length; i += batchSize) await insertTierHistory(tx, created.slice(i, i + batchSize));
  await insertTierHistory(tx, overridden);

  const requests = demo.flatMap(({ input, request }) =>
    request && input.ownerId ? [{ accountId: idOf(input.domain), requestedBy: input.ownerId, requestedTier: request.tier, reason: request.reason, until: request.until }] : [],
  );
  if (requests.length) await tx.insert(tierOverrideRequests).values(requests);
  await writeAudit(tx, {
    actorId: null,
    action: 'account.create',
    entity: 'account',
    after: { count: rows.length, overrides: overridden.length, requests: requests.length, source: 'demo seed' },
  });
  const people = generateDemoContacts(rows.map((r) => ({ id: idOf(r.domain), domain: r.domain })));
  for (let i = 0; i < people.length; i += batchSize) await insertContacts(tx, people.slice(i, i + batchSize));
  await writeAudit(tx, { actorId: null, action: 'contact.create', entity: 'account', after: { count: people.length, source: 'demo seed' } });
  await seedDemoContent(
    tx,
    rows.map((r) => ({ id: idOf(r.domain), tier: r.tier })),
    managerId,
  );
  await seedDemoPrograms(
    tx,
    rows.map((r) => ({ id: idOf(r.domain), tier: r.tier })),
    [managerId, ...csmIds],
    today,
  );
  // Tier 1 meetings are with the account's own people: its champion and end users attend, its sponsor comes to QBRs.
  const contactsOf = (id: number) => people.filter((p) => p.accountId === id);
  await seedDemoActivities(
    tx,
    rows.flatMap((r) => {
      if (r.tier !== 1 || !r.ownerId) return [];
      const mine = contactsOf(idOf(r.domain));
      const sponsor = mine.find((p) => p.roles.includes('executive_sponsor'));
      return [
        {
          id: idOf(r.domain),
          ownerId: r.ownerId,
          people: mine.filter((p) => !p.roles.includes('executive_sponsor') && !p.roles.includes('billing')).map((p) => ({ name: p.name, role: p.title })),
          sponsor: sponsor && `${sponsor.title} ${sponsor.name}`,
        },
      ];
    }),
    today,
  );
}

async function seedDemoActivities(tx: Tx, tier1: { id: number; ownerId: number }[], today: string) {
  const typeIds = Object.fromEntries((await listActivityTypes(tx)).map((t) => [t.key, t.id]));
  const activities = generateDemoActivities({
    accounts: tier1,
    typeIds: { regular_meeting: typeIds.regular_meeting!, qbr: typeIds.qbr!, onsite_visit: typeIds.onsite_visit! },
    today,
    timeZone: demoTimeZone,
  });
  await insertActivities(tx, activities);
  await writeAudit(tx, { actorId: null, action: 'activity.schedule', entity: 'account', after: { count: activities.length, source: 'demo seed' } });
}

/** A year of programs, invited, answered and attended, through the same queries the actions and the invitee's page use. */
async function seedDemoPrograms(tx: Tx, accountTiers: { id: number; tier: number }[], hostIds: number[], today: string) {
  const kindIds = Object.fromEntries((await listProgramKinds(tx)).map((k) => [k.key, k.id]));
  const now = new Date();
  const rand = prng(20261128);
  for (const [i, p] of generateDemoPrograms().entries()) {
    const hostId = hostIds[p.host % hostIds.length]!;
    const programId = await insertProgram(tx, { kindId: kindIds[p.kind]!, title: p.title, description: p.description, language: 'ja', tiers: p.tiers, createdBy: hostId }, [hostId]);
    const startsAt = zonedToUtc(addDays(today, p.daysFromToday), p.time, demoTimeZone);
    const { durationMinutes, onlineUrl, venue, capacity, preparationHours } = p;
    const sessionId = await insertSession(tx, { programId, startsAt, timeZone: demoTimeZone, durationMinutes, onlineUrl, venue, capacity, preparationHours });
    const session = (await findSession(tx, sessionId))!;
    // Webinars go to most Tier 2 accounts (some skip a month); study sessions and the meetup to a slice of the accounts they are for.
    const pool = accountTiers.filter((a) => !p.tiers.length || p.tiers.includes(a.tier));
    const audience = pool.filter(() => rand() < (p.kind === 'webinar' ? 0.85 : p.kind === 'user_group' ? 0.35 : 0.25));
    const invitedAt = new Date(Math.min(startsAt.getTime() - 21 * 86_400_000, now.getTime() - 86_400_000));
    await inviteContacts(tx, { session, filters: { ids: audience.map((a) => a.id) }, invitedBy: hostId, emailStatus: 'not_sent', at: invitedAt });
    const ids = await listSessionInvitationIds(tx, sessionId);
    const answers = demoAnswers(ids, { startsAt, durationMinutes: p.durationMinutes, capacity: p.capacity }, now, 1000 + i);
    for (const r of answers.registered) await setInvitationStatus(tx, { ids: r.ids, status: 'registered', at: r.at, touchModel: session.touchModel });
    for (const a of answers.attended) await setInvitationStatus(tx, { ids: a.ids, status: 'attended', minutes: a.minutes, at: startsAt, touchModel: session.touchModel });
    if (answers.noShow.length) await setInvitationStatus(tx, { ids: answers.noShow, status: 'no_show', at: startsAt, touchModel: session.touchModel });
  }
  await writeAudit(tx, { actorId: hostIds[0]!, action: 'program.create', entity: 'program', after: { count: generateDemoPrograms().length, source: 'demo seed' } });
}

/** The content library, shared over the past year and opened, through the same queries the actions and the link use. */
async function seedDemoContent(tx: Tx, accountTiers: { id: number; tier: number }[], managerId: number) {
  const kindIds = Object.fromEntries((await listContentKinds(tx)).map((k) => [k.key, k.id]));
  const now = new Date();
  const rand = prng(20261130);
  const demoItems = generateDemoContent({ accounts: accountTiers });
  for (const item of demoItems) {
    const itemId = await insertContentItem(tx, { kindId: kindIds[item.kind]!, title: item.title, description: item.description, language: item.language, tiers: item.tiers, createdBy: managerId });
    const versionId = await insertContentVersion(tx, { itemId, url: item.url, createdBy: managerId });
    for (const share of item.shares) {
      const at = new Date(now.getTime() - share.daysAgo * 86_400_000);
      const batchId = crypto.randomUUID();
      await shareContent(tx, { itemId, versionId, batchId, sharedBy: managerId, filters: { ids: share.accountIds }, emailStatus: 'not_sent', at });
      const tokens = (await listBatchLinks(tx, batchId)).map((l) => l.token);
      await recordOpens(tx, demoOpens(tokens, at, now, rand));
    }
  }
  await writeAudit(tx, { actorId: managerId, action: 'content.share', entity: 'content', after: { count: demoItems.length, source: 'demo seed' } });
}
