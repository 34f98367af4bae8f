import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { revokeSession } from '@/db/queries/users';
import { authSecret, secureCookies } from '@/lib/env';
import { checkCredentials } from './sign-in';

export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

// Error codes the sign-in form turns into messages.
export const throttledPrefix = 'THROTTLED:';
export const unavailableCode = 'UNAVAILABLE';

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials) {
          let result;
          try {
            result = await checkCredentials(credentials?.email ?? '', credentials?.password ?? '');
          } catch (e) {
            // next-auth would put the message in the redirect URL: log it here, send a fixed code.
            console.error('[sign-in]', e);
            throw new Error(unavailableCode);
          }
          if (result.ok) return { id: String(result.userId), sessionVersion: result.sessionVersion };
          if (result.reason === 'throttled') throw new Error(`${throttledPrefix}${result.retryAfterMinutes}`);
          if (result.reason === 'busy') throw new Error(unavailableCode);
          return null;
        },
      }),
    ],
    callbacks: {
      // The token carries only who and which session version; everything
      // else (role, active, name) is read from the database on each request.
      jwt({ token, user }) {
        if (user) return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion };
        return token;
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const id = Number(token?.sub);
        if (!Number.isInteger(id)) return;
        const db = await getDb();
        // The cookie is cleared in this browser; a copy of it elsewhere must stop working too.
        if (typeof token.jti === 'string' && typeof token.exp === 'number')
          await revokeSession(db, { jti: token.jti, userId: id, expiresAt: new Date(token.exp * 1000) });
        await writeAudit(db, { actorId: id, action: 'auth.sign_out', entity: 'session', entityId: id });
      },
    },
  };
}
