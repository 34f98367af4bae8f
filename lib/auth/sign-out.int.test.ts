import { decode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authSecret } from '@/lib/env';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs, testPassword } from '@/tests/factories';
import { callNextAuth, signInThroughNextAuth } from '@/tests/next-auth';
import { cookieJar } from '@/tests/request-context';
import { sessionCookieName } from './cookie';
import { getCurrentUser } from './current-user';
import { authOptions } from './options';
import { writeSessionToken } from './session';

// Opening (and migrating) the database is not part of any test's time.
beforeAll(async () => void (await getDb()));

const cookie = () => cookieJar.get(sessionCookieName())?.value;

async function signOutWith(raw: string) {
  const token = await decode({ token: raw, secret: authSecret() });
  await authOptions().events!.signOut!({ token: token!, session: undefined as never });
}

/** What GET /api/auth/session does with `raw`: the renewed token, if any. */
async function renew(raw: string): Promise<string | undefined> {
  cookieJar.clear();
  cookieJar.set(sessionCookieName(), raw);
  const reply = await callNextAuth(['session']);
  return reply.cookies.get(sessionCookieName()) || undefined;
}

describe('signing out', () => {
  it('revokes that session, so a copy of the cookie stops working; other sessions go on', async () => {
    const user = await createUser('csm');
    await signInThroughNextAuth(user.email, testPassword);
    const copied = cookie()!;
    expect((await getCurrentUser())?.id).toBe(user.id);

    await signInThroughNextAuth(user.email, testPassword); // another device
    const other = cookie()!;

    await signOutWith(copied);
    expect((await lastAudit())?.action).toBe('auth.sign_out');

    cookieJar.set(sessionCookieName(), copied);
    expect(await getCurrentUser()).toBeNull();
    cookieJar.set(sessionCookieName(), other);
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it('also ends every token renewed from the session, and renewal stops', async () => {
    const user = await createUser('csm');
    await signInThroughNextAuth(user.email, testPassword);
    const a = cookie()!;
    const a2 = (await renew(a))!;
    const a3 = (await renew(a2))!;
    const [ta, ta2] = await Promise.all([decode({ token: a, secret: authSecret() }), decode({ token: a2, secret: authSecret() })]);
    expect(ta2!.jti).not.toBe(ta!.jti); // a really new token
    cookieJar.set(sessionCookieName(), a3);
    expect((await getCurrentUser())?.id).toBe(user.id);

    await signOutWith(a);

    for (const token of [a, a2, a3]) {
      cookieJar.set(sessionCookieName(), token);
      expect(await getCurrentUser()).toBeNull();
    }
    expect(await renew(a2)).toBeUndefined();
  });

  it('ends the renewals of a token issued before sessions had ids', async () => {
    const user = await createUser('csm');
    await signInAs(user); // a token with only sub and sv, as issued before
    const old = cookie()!;
    const renewed = (await renew(old))!;
    await signOutWith(old);
    cookieJar.set(sessionCookieName(), renewed);
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends the renewals of the token a password change issues, too', async () => {
    const user = await createUser('csm');
    await writeSessionToken({ userId: user.id, sessionVersion: 1 });
    const issued = cookie()!;
    expect(typeof (await decode({ token: issued, secret: authSecret() }))!.sid).toBe('string');
    const renewed = (await renew(issued))!;
    cookieJar.set(sessionCookieName(), renewed);
    expect((await getCurrentUser())?.id).toBe(user.id);
    await signOutWith(issued);
    expect(await getCurrentUser()).toBeNull();
  });
});
