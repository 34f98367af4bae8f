import 'server-only';
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { authSecret, secureCookies } from '@/lib/env';
import { sessionCookieName } from './cookie';
import { sessionMaxAgeSeconds } from './options';

export type SessionToken = { userId: number; sessionVersion: number; jti?: string };

/** The signed-in user's id and session version from the session cookie, if it is valid. */
export async function readSessionToken(): Promise<SessionToken | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    const userId = Number(token?.sub);
    const sessionVersion = Number(token?.sv);
    if (!Number.isInteger(userId) || !Number.isInteger(sessionVersion)) return null;
    return { userId, sessionVersion, jti: typeof token?.jti === 'string' ? token.jti : undefined };
  } catch {
    return null;
  }
}

/** Issues a fresh session cookie, e.g. after a password change revoked the old one. */
export async function writeSessionToken(token: SessionToken): Promise<void> {
  const value = await encode({
    token: { sub: String(token.userId), sv: token.sessionVersion },
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
