import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { isSessionRevoked, revokeSession } from '@/db/queries/users';
import { authSecret, secureCookies, trustedProxyHops } from '@/lib/env';
import { clientAddress } from './client-address';
import { sessionIdOf } from './session-id';
import { checkCredentials } from './sign-in';
import { missingPrefix } from './sign-in-fields';

export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;
// Renewal stops once a session is revoked, so no token of it expires later
// than a full session lifetime after sign-out (plus slack for a renewal racing it).
const revocationKeptMs = (sessionMaxAgeSeconds + 60 * 60) * 1000;

// Error codes the sign-in form turns into messages.
export const throttledPrefix = 'THROTTLED:';
export const addressThrottledPrefix = 'THROTTLED_ADDRESS:';
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
        async authorize(credentials, req) {
          let result;
          try {
            const address = clientAddress(req?.headers, trustedProxyHops());
            result = await checkCredentials(credentials?.email ?? '', credentials?.password ?? '', { address });
          } catch (e) {
            // next-auth would put the message in the redirect URL: log it here, send a fixed code.
            console.error('[sign-in]', e);
            throw new Error(unavailableCode);
          }
          if (result.ok) return { id: String(result.userId), sessionVersion: result.sessionVersion };
          if (result.reason === 'throttled')
            throw new Error(`${result.scope === 'address' ? addressThrottledPrefix : throttledPrefix}${result.retryAfterMinutes}`);
          if (result.reason === 'busy') throw new Error(unavailableCode);
          if (result.reason === 'missing') throw new Error(`${missingPrefix}${result.fields.join(',')}`);
          return null;
        },
      }),
    ],
    callbacks: {
      // The token carries only who, which session version and which session
      // (`sid`); everything else (role, active, name) is read from the
      // database on each request. `sid` is set at sign-in and kept by every
      // renewal (GET /api/auth/session mints a new jti each time), so signing
      // out can end the session and every token renewed from it.
      async jwt({ token, user }) {
        if (user) return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion, sid: randomUUID() };
        const sid = sessionIdOf(token);
        // A signed-out session is not renewed: no token of it outlives the revocation row.
        if (!sid || (await isSessionRevoked(await getDb(), sid))) throw new Error('session ended');
        // Tokens from before `sid` existed adopt their own jti, so signing out with them still ends their renewals.
        return { sub: token.sub, sv: token.sv, sid };
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
        // The cookie is cleared in this browser; copies of it, and tokens renewed from them, must stop working too.
        const sid = sessionIdOf(token);
        if (sid) await revokeSession(db, { sid, userId: id, expiresAt: new Date(Date.now() + revocationKeptMs) });
        await writeAudit(db, { actorId: id, action: 'auth.sign_out', entity: 'session', entityId: id });
      },
    },
  };
}
