import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { authSecret, secureCookies } from '@/lib/env';
import { sessionCookieName } from './cookie';
import { sessionMaxAgeSeconds } from './options';
import { sessionIdOf } from './session-id';

/** `sessionId`: what sign-out revokes (see session-id.ts). */
export type SessionToken = { userId: number; sessionVersion: number; sessionId?: string };

/** The signed-in user's id, session version and session id from the session cookie, if it is valid. */
export async function readSessionToken(): Promise<SessionToken | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    const userId = Number(token?.sub);
    const sessionVersion = Number(token?.sv);
    if (!Number.isInteger(userId) || !Number.isInteger(sessionVersion)) return null;
    return { userId, sessionVersion, sessionId: sessionIdOf(token) };
  } catch {
    return null;
  }
}

/**
 * Issues a fresh session cookie, e.g. after a password change revoked the old
 * one. It starts a new session (a new `sid`), as signing in does.
 */
export async function writeSessionToken(token: Omit<SessionToken, 'sessionId'>): Promise<void> {
  const value = await encode({
    token: { sub: String(token.userId), sv: token.sessionVersion, sid: randomUUID() },
    secret: authSecret(),
    maxAge: sessionMaxAgeSeconds,
  });
  (await cookies()).set(sessionCookieName(), value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    maxAge: sessionMaxAgeSeconds,
  });
}
