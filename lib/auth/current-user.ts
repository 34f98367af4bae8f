import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { writeAnonymousDenial, writeAudit } from '@/db/queries/audit';
import { findSessionUser } from '@/db/queries/users';
import { can, type Permission } from './permissions';
import type { Role } from './roles';
import { readSessionToken } from './session';

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  timeZone: string | null;
};

/**
 * The one place that turns a request into a user. The session cookie only
 * says who signed in; the database says whether they still may: a
 * deactivated user or a revoked session gets null, and the role is always
 * the current one.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  const row = await findSessionUser(await getDb(), token.userId, token.sessionId);
  if (!row || !row.active || row.revoked || row.sessionVersion !== token.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, timeZone: row.timeZone };
});

export async function auditDenied(actorId: number | null, target: string, reason: string): Promise<void> {
  const db = await getDb();
  if (actorId === null) await writeAnonymousDenial(db, target, { reason });
  else await writeAudit(db, { actorId, action: 'access.denied', entity: target, after: { reason } });
}

/**
 * For pages and layouts: the signed-in user, else a redirect to sign-in that
 * comes back here; a user without `permission` gets 403.
 */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const path = (await headers()).get('x-touchplan-path') ?? '/';
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (permission && !can(user, permission)) {
    await auditDenied(user.id, `page:${path}`, 'role');
    forbidden();
  }
  return user;
}
