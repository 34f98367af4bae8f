import { describe, expect, it } from 'vitest';
import { auditRows } from '@/tests/audit';
import { createUser, testPassword, uniqueEmail } from '@/tests/factories';
import { checkCredentials } from './sign-in';

describe('checkCredentials', () => {
  it('accepts the right password whatever the email case, and audits the sign-in', async () => {
    const user = await createUser('csm');
    const result = await checkCredentials(user.email.toUpperCase(), testPassword);
    expect(result).toMatchObject({ ok: true, userId: user.id });
    expect((await auditRows('auth.sign_in'))[0]).toMatchObject({ actorId: user.id, entityId: String(user.id) });
  });

  it('gives the same answer for a wrong password, an unknown email and a deactivated user', async () => {
    const user = await createUser('csm');
    const inactive = await createUser('csm', { active: false });
    expect(await checkCredentials(user.email, 'wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(uniqueEmail('nobody'), testPassword)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(inactive.email, testPassword)).toEqual({ ok: false, reason: 'invalid' });
    const failures = await auditRows('auth.sign_in_failed');
    expect(failures.map((r) => (r.after as { reason: string }).reason).sort()).toEqual(['deactivated', 'unknown_email', 'wrong_password']);
  });

  it('throttles an email after 5 failures, even for the right password, and says for how long', async () => {
    const user = await createUser('csm');
    for (let i = 0; i < 5; i++) expect((await checkCredentials(user.email, `wrong-${i}-password`)).ok).toBe(false);
    expect(await checkCredentials(user.email, testPassword)).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 15 });
    expect(await auditRows('auth.sign_in_throttled')).toHaveLength(1);
    // Other emails are not affected.
    const other = await createUser('csm');
    expect((await checkCredentials(other.email, testPassword)).ok).toBe(true);
  });

  it('counts only failures since the last success', async () => {
    const user = await createUser('csm');
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, 'wrong-password-x');
    expect((await checkCredentials(user.email, testPassword)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, 'wrong-password-y');
    expect((await checkCredentials(user.email, testPassword)).ok).toBe(true);
  });

  it('holds under parallel guesses: they never get more than 5 password checks', async () => {
    const user = await createUser('csm');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => checkCredentials(user.email, `parallel-wrong-${i}`)));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.every((r) => !r.ok && ['invalid', 'throttled', 'busy'].includes(r.reason))).toBe(true);
    // Sequential attempts after the burst are judged on the recorded failures.
    for (let i = checked.length; i < 5; i++) await checkCredentials(user.email, `more-wrong-${i}`);
    expect(await checkCredentials(user.email, 'plum-orbit-4217')).toMatchObject({ ok: false, reason: 'throttled' });
  });
});
