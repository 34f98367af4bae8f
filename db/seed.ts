import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Role } from '@/lib/auth/roles';
import type { Db } from './client';
import { writeAudit } from './queries/audit';
import { countUsers, insertUser } from './queries/users';
import { getWorkspace } from './queries/workspace';
import { workspaceSettings } from './schema';

export const demoPassword = 'touchplan-demo-2026';

export const demoUsers: { email: string; name: string; role: Role; capacityHours: number }[] = [
  { email: 'admin@touchplan.example', name: '佐藤 遥', role: 'admin', capacityHours: 40 },
  { email: 'manager@touchplan.example', name: '鈴木 健一', role: 'manager', capacityHours: 60 },
  { email: 'misaki.tanaka@touchplan.example', name: '田中 美咲', role: 'csm', capacityHours: 110 },
  { email: 'sho.takahashi@touchplan.example', name: '高橋 翔', role: 'csm', capacityHours: 110 },
  { email: 'aya.ito@touchplan.example', name: '伊藤 彩', role: 'csm', capacityHours: 88 },
];

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
      timeZone: 'Asia/Tokyo',
      fiscalYearStartMonth: 4,
      isDemo: true,
    });
    for (const [i, user] of demoUsers.entries()) {
      const created = await insertUser(tx, { ...user, passwordHash: hashes[i]! });
      await writeAudit(tx, { actorId: null, action: 'user.create', entity: 'user', entityId: created.id, after: { ...user, source: 'demo seed' } });
    }
    return 'seeded';
  });
}
