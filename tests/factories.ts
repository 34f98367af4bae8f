import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { insertUser, readSessionVersion, type PublicUser } from '@/db/queries/users';
import { hashPassword } from '@/lib/auth/password-hash';
import { sessionCookieName } from '@/lib/auth/cookie';
import type { Role } from '@/lib/auth/roles';
import { authSecret } from '@/lib/env';
import { cookieJar } from './request-context';

export const testPassword = 'plum-orbit-4217';
let hash: Promise<string> | undefined;

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@factory.example`;
}

export async function createUser(role: Role, overrides: { active?: boolean; name?: string; email?: string } = {}): Promise<PublicUser> {
  const db = await getDb();
  const user = await insertUser(db, {
    email: overrides.email ?? uniqueEmail(role),
    name: overrides.name ?? `Test ${role}`,
    role,
    passwordHash: await (hash ??= hashPassword(testPassword)),
  });
  if (overrides.active === false) {
    const { updateUser } = await import('@/db/queries/users');
    return (await updateUser(db, user.id, user.version, { active: false }))!;
  }
  return user;
}

/** Puts a real session cookie for `user` in the request jar; null signs out. */
export async function signInAs(user: { id: number } | null): Promise<void> {
  cookieJar.clear();
  if (!user) return;
  const sv = await readSessionVersion(await getDb(), user.id);
  const token = await encode({ token: { sub: String(user.id), sv }, secret: authSecret() });
  cookieJar.set(sessionCookieName(), token);
}

export function formData(values: Record<string, string | number | boolean>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, String(v));
  return data;
}

/** The refusal key of an action result, if it failed with one. */
export function errorKey(result: { ok: boolean; error?: { key: string } } | { ok: true }): string | undefined {
  return 'error' in result ? result.error?.key : undefined;
}
