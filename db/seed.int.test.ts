import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/sign-in';
import { createUser } from '@/tests/factories';
import { getDb } from './client';
import { countUsers } from './queries/users';
import { getWorkspace } from './queries/workspace';
import { demoPassword, demoUsers, seedDemo } from './seed';

describe('seedDemo', () => {
  it('refuses a database that holds real users, changing nothing', async () => {
    const db = await getDb();
    await createUser('admin');
    expect(await seedDemo(db)).toBe('refused');
    expect(await countUsers(db)).toBe(1);
    expect((await getWorkspace(db)).isDemo).toBe(false);
  });
});

describe('seedDemo on an empty database', () => {
  it('creates the demo once; a second run changes nothing', async () => {
    const db = await getDb();
    // This file's database may hold the user from the test above: start clean.
    const { users, auditLog } = await import('./schema');
    await db.delete(auditLog).where(sql`true`);
    await db.delete(users).where(sql`true`);
    expect(await seedDemo(db)).toBe('seeded');
    expect(await getWorkspace(db)).toMatchObject({ isDemo: true, currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(await countUsers(db)).toBe(demoUsers.length);
    expect(await seedDemo(db)).toBe('already-seeded');
    expect(await countUsers(db)).toBe(demoUsers.length);
    for (const u of demoUsers) expect((await checkCredentials(u.email, demoPassword)).ok).toBe(true);
  });
});
