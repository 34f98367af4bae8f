import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { signInAttempts } from '@/db/schema';
import { auditRows } from '@/tests/audit';
import { createUser, testPassword, uniqueEmail } from '@/tests/factories';
import { signInThroughNextAuth } from '@/tests/next-auth';
import { cookieJar } from '@/tests/request-context';
import { sessionCookieName } from './cookie';
import { checkCredentials, type SignInOptions } from './sign-in';
import { maxDelayMs } from './throttle';

// Opening (and migrating) the database is not part of any test's time.
beforeAll(async () => void (await getDb()));
afterEach(() => vi.unstubAllEnvs());

/** Attempts from one address; the slow-down is recorded instead of waited. */
function from(address: string) {
  const delays: number[] = [];
  const opts: SignInOptions = { address, sleep: async (ms) => void delays.push(ms) };
  return { delays, attempt: (email: string, password: string) => checkCredentials(email, password, opts) };
}

const auditFor = async (action: string, email: string) =>
  (await auditRows(action)).filter((r) => (r.after as { email?: string } | null)?.email === email);

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
    const nobody = uniqueEmail('nobody');
    expect(await checkCredentials(user.email, 'wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(nobody, testPassword)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(inactive.email, testPassword)).toEqual({ ok: false, reason: 'invalid' });
    const reasons = await Promise.all([user.email, nobody, inactive.email].map((e) => auditFor('auth.sign_in_failed', e)));
    expect(reasons.map((rows) => (rows[0]?.after as { reason: string }).reason)).toEqual(['wrong_password', 'unknown_email', 'deactivated']);
  });

  it('locks an email for one address after 5 failures from it, even for the right password, and says for how long', async () => {
    const user = await createUser('csm');
    const attacker = from('198.51.100.7');
    for (let i = 0; i < 5; i++) expect(await attacker.attempt(user.email, `wrong-${i}-password`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attacker.attempt(user.email, testPassword)).toEqual({
      ok: false,
      reason: 'throttled',
      scope: 'pair',
      retryAfterMinutes: 15,
    });
    // The owner, elsewhere, still signs in; other emails from the attacker's address are not locked.
    expect((await from('203.0.113.20').attempt(user.email, testPassword)).ok).toBe(true);
    const other = await createUser('csm');
    expect((await attacker.attempt(other.email, testPassword)).ok).toBe(true);
  });

  it('counts only failures since the last success of that email from that address', async () => {
    const user = await createUser('csm');
    const me = from('203.0.113.21');
    for (let i = 0; i < 4; i++) await me.attempt(user.email, 'wrong-password-x');
    expect((await me.attempt(user.email, testPassword)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await me.attempt(user.email, 'wrong-password-y');
    expect((await me.attempt(user.email, testPassword)).ok).toBe(true);
  });

  it('holds under parallel guesses: they never get more than 5 password checks', async () => {
    const user = await createUser('csm');
    const attacker = from('198.51.100.8');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => attacker.attempt(user.email, `parallel-wrong-${i}`)));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.every((r) => !r.ok && ['invalid', 'throttled', 'busy'].includes(r.reason))).toBe(true);
    // Sequential attempts after the burst are judged on the recorded failures.
    for (let i = checked.length; i < 5; i++) await attacker.attempt(user.email, `more-wrong-${i}`);
    expect(await attacker.attempt(user.email, testPassword)).toMatchObject({ ok: false, reason: 'throttled', scope: 'pair' });
  });

  it('locks an address after 30 failures across any emails, including for an email it never tried', async () => {
    const sprayer = from('198.51.100.9');
    for (let i = 0; i < 30; i++) expect(await sprayer.attempt(uniqueEmail(`spray${i}`), 'Summer2026!')).toEqual({ ok: false, reason: 'invalid' });
    const user = await createUser('csm');
    expect(await sprayer.attempt(user.email, testPassword)).toEqual({
      ok: false,
      reason: 'throttled',
      scope: 'address',
      retryAfterMinutes: 15,
    });
    // Nobody else is affected.
    expect((await from('203.0.113.22').attempt(user.email, testPassword)).ok).toBe(true);
  });

  it('slows an email attacked from many addresses, but lets its owner in from an address that has not failed', async () => {
    const user = await createUser('csm');
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const attacker = from(`198.51.100.${100 + i}`);
      expect(await attacker.attempt(user.email, `wrong-from-${i}`)).toEqual({ ok: false, reason: 'invalid' });
      delays.push(attacker.delays[0] ?? 0);
    }
    // No delay for the first few failures, then a growing one, capped.
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5)).toEqual([...delays.slice(5)].sort((a, b) => a - b));
    expect(delays[6]!).toBeGreaterThan(delays[5]!);
    expect(Math.max(...delays)).toBe(maxDelayMs);

    const owner = from('203.0.113.23');
    expect(await owner.attempt(user.email, testPassword)).toMatchObject({ ok: true, userId: user.id });
    expect(owner.delays).toEqual([maxDelayMs]);
  });

  it('writes one audit row per email, address and window with a count, not one per attempt', async () => {
    const user = await createUser('csm');
    const attacker = from('198.51.100.10');
    const noDelay: SignInOptions = { address: '198.51.100.10', sleep: async () => {} };
    for (let i = 0; i < 100; i++) await checkCredentials(user.email, `flood-${i}`, noDelay);
    const failed = await auditFor('auth.sign_in_failed', user.email);
    const throttled = await auditFor('auth.sign_in_throttled', user.email);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.after).toMatchObject({ email: user.email, address: '198.51.100.10', reason: 'wrong_password', count: 5 });
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.after).toMatchObject({ address: '198.51.100.10', scope: 'pair', count: 95 });
    // Locked attempts check no password and record nothing.
    const db = await getDb();
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email))).toHaveLength(5);
    // Another address gets its own row.
    await from('198.51.100.11').attempt(user.email, 'another-wrong');
    expect(await auditFor('auth.sign_in_failed', user.email)).toHaveLength(2);
    expect(attacker.delays).toEqual([]);
  });
});

describe('an empty field', () => {
  it('is refused with what is missing, and neither counts as a failed attempt nor is audited', async () => {
    const user = await createUser('csm');
    const attacker = from('198.51.100.40');
    for (let i = 0; i < 6; i++) expect(await attacker.attempt(user.email, '')).toEqual({ ok: false, reason: 'missing', fields: ['password'] });
    expect(await attacker.attempt('  ', '')).toEqual({ ok: false, reason: 'missing', fields: ['email', 'password'] });
    expect(await attacker.attempt('', testPassword)).toEqual({ ok: false, reason: 'missing', fields: ['email'] });
    const db = await getDb();
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email))).toEqual([]);
    expect(await auditFor('auth.sign_in_failed', user.email)).toEqual([]);
    // Six empty submits later, the right password still signs in from that address.
    expect((await attacker.attempt(user.email, testPassword)).ok).toBe(true);
  });

  it('comes back from next-auth as a code naming the fields', async () => {
    cookieJar.clear();
    const reply = await signInThroughNextAuth('', '');
    expect((reply.body as { url: string }).url).toContain('error=MISSING%3Aemail%2Cpassword');
    expect(cookieJar.get(sessionCookieName())).toBeUndefined();
  });
});

describe('signing in through next-auth', () => {
  it('takes the address from X-Forwarded-For only when TRUST_PROXY is set, using the hop the proxy appended', async () => {
    const user = await createUser('csm');
    const headers = { 'x-forwarded-for': '192.0.2.1, 203.0.113.30' };

    cookieJar.clear();
    await signInThroughNextAuth(user.email, testPassword, headers);
    expect(cookieJar.get(sessionCookieName())).toBeDefined();
    expect((await auditRows('auth.sign_in'))[0]!.after).toEqual({ address: 'unknown' });

    vi.stubEnv('TRUST_PROXY', '1');
    cookieJar.clear();
    await signInThroughNextAuth(user.email, testPassword, headers);
    expect((await auditRows('auth.sign_in'))[0]!.after).toEqual({ address: '203.0.113.30' });
  });

  it('tells a locked address apart from a locked email', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const headers = { 'x-forwarded-for': '198.51.100.12' };
    const sprayer = from('198.51.100.12');
    for (let i = 0; i < 30; i++) await sprayer.attempt(uniqueEmail(`na${i}`), 'Summer2026!');
    const user = await createUser('csm');
    cookieJar.clear();
    const reply = await signInThroughNextAuth(user.email, testPassword, headers);
    expect((reply.body as { url: string }).url).toContain('error=THROTTLED_ADDRESS%3A15');
    expect(cookieJar.get(sessionCookieName())).toBeUndefined();
  });
});
