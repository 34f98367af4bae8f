import { and, asc, eq, lt, ne, sql } from 'drizzle-orm';
import type { Role } from '@/lib/auth/roles';
import type { DbOrTx } from '../client';
import { revokedSessions, users } from '../schema';
import { bookOwnerRole } from '@/lib/vocabulary';

// Never select the password hash into anything that may reach a page.
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  locale: users.locale,
  timeZone: users.timeZone,
  capacityHours: users.capacityHours,
  version: users.version,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export type PublicUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale: string | null;
  timeZone: string | null;
  capacityHours: number;
  version: number;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const byEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

export async function findUserForSignIn(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(byEmail(email));
  return row;
}

/**
 * What every request needs to trust a session: is the user still there,
 * active, same session version, and this session (`sessionId`) not signed out.
 */
export async function findSessionUser(db: DbOrTx, id: number, sessionId?: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      locale: users.locale,
      timeZone: users.timeZone,
      sessionVersion: users.sessionVersion,
      version: users.version,
      revoked: sessionId
        ? sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${sessionId})`
        : sql<boolean>`false`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

/** Marks a session as signed out until its last token would have expired; drops entries already past expiry. */
export async function revokeSession(db: DbOrTx, s: { sid: string; userId: number; expiresAt: Date }) {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db
    .insert(revokedSessions)
    .values({ sessionId: s.sid, userId: s.userId, expiresAt: s.expiresAt })
    .onConflictDoUpdate({ target: revokedSessions.sessionId, set: { expiresAt: sql`greatest(${revokedSessions.expiresAt}, excluded.expires_at)` } });
}

export async function isSessionRevoked(db: DbOrTx, sessionId: string): Promise<boolean> {
  const [row] = await db.select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId));
  return Boolean(row);
}

export async function findUser(db: DbOrTx, id: number): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function emailTaken(db: DbOrTx, email: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(exceptId ? and(byEmail(email), ne(users.id, exceptId)) : byEmail(email));
  return Boolean(row);
}

export async function listUsers(db: DbOrTx): Promise<PublicUser[]> {
  return db
    .select(publicUserColumns)
    .from(users)
    .orderBy(sql`${users.active} desc`, asc(users.name));
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  capacityHours?: number;
  locale?: string | null;
  timeZone?: string | null;
};

export async function insertUser(db: DbOrTx, user: NewUser): Promise<PublicUser> {
  const [row] = await db.insert(users).values(user).returning(publicUserColumns);
  return row!;
}

/** Locks the active admins until the transaction ends and returns their ids. */
export async function lockActiveAdmins(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .for('update');
  return rows.map((r) => r.id);
}

export type UserChanges = Partial<{
  name: string;
  role: Role;
  active: boolean;
  capacityHours: number;
  locale: string | null;
  timeZone: string | null;
  passwordHash: string;
}>;

/**
 * Applies changes if the row is still at `version`; `revokeSessions` also
 * ends every open session of the user. Returns the new row, or undefined when
 * someone else changed it first.
 */
export async function updateUser(
  db: DbOrTx,
  id: number,
  version: number,
  changes: UserChanges,
  opts: { revokeSessions?: boolean } = {},
): Promise<PublicUser | undefined> {
  const [row] = await db
    .update(users)
    .set({
      ...changes,
      version: sql`${users.version} + 1`,
      ...(opts.revokeSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning(publicUserColumns);
  return row;
}

export async function markSignedIn(db: DbOrTx, id: number): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

export async function readSessionVersion(db: DbOrTx, id: number): Promise<number | undefined> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row?.v;
}

export async function findPasswordHash(db: DbOrTx, id: number): Promise<string | undefined> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.hash;
}

/** Whether a user is an active CSM: only they own accounts and run activities. */
export async function isActiveCsm(db: DbOrTx, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, bookOwnerRole), eq(users.active, true)));
  return row !== undefined;
}
