import { decode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { authSecret } from '@/lib/env';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { cookieJar } from '@/tests/request-context';
import { sessionCookieName } from './cookie';
import { getCurrentUser } from './current-user';
import { authOptions } from './options';

describe('signing out', () => {
  it('revokes that session token, so a copy of the cookie stops working; other sessions go on', async () => {
    const user = await createUser('csm');
    await signInAs(user);
    const copied = cookieJar.get(sessionCookieName())!.value;
    expect((await getCurrentUser())?.id).toBe(user.id);

    await signInAs(user); // another device
    const other = cookieJar.get(sessionCookieName())!.value;

    const token = await decode({ token: copied, secret: authSecret() });
    await authOptions().events!.signOut!({ token: token!, session: undefined as never });
    expect((await lastAudit())?.action).toBe('auth.sign_out');

    cookieJar.set(sessionCookieName(), copied);
    expect(await getCurrentUser()).toBeNull();
    cookieJar.set(sessionCookieName(), other);
    expect((await getCurrentUser())?.id).toBe(user.id);
  });
});
