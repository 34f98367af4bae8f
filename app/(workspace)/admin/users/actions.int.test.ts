import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findLiveFeed, replaceFeed } from '@/db/queries/feeds';
import { findUser, type PublicUser } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/current-user';
import { auditRows, lastAudit } from '@/tests/audit';
import { createUser, formData, signInAs, testPassword, uniqueEmail } from '@/tests/factories';
import { cookieJar } from '@/tests/request-context';
import { createUser as createUserAction, resetUserPassword, setUserActive, updateUserDetails } from './actions';

type Caller = 'anonymous' | 'csm' | 'manager' | 'admin';

let users: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let target: PublicUser;

beforeEach(async () => {
  users = { csm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
  target = await createUser('csm');
});

async function as(caller: Caller) {
  await signInAs(caller === 'anonymous' ? null : users[caller]);
}

const fresh = async () => (await findUser(await getDb(), target.id))!;

// Every user-admin action, called directly as each role.
const matrix = {
  'user.create': () =>
    createUserAction(null, formData({ email: uniqueEmail('new'), name: 'New Person', role: 'csm', password: 'fresh-lantern-88', capacityHours: 100 })),
  'user.update': async () => {
    const t = await fresh();
    return updateUserDetails(null, formData({ id: t.id, version: t.version, name: 'Renamed', role: 'manager', capacityHours: 90 }));
  },
  'user.set_active': async () => {
    const t = await fresh();
    return setUserActive(null, formData({ id: t.id, version: t.version, active: 'false' }));
  },
  'user.reset_password': () => resetUserPassword(null, formData({ id: target.id, password: 'another-lantern-99' })),
};

describe.each(Object.entries(matrix))('%s', (name, call) => {
  it.each([
    ['anonymous', 'errors.signedOut', null],
    ['csm', 'errors.forbidden', 'csm'],
    ['manager', 'errors.forbidden', 'manager'],
  ] as const)('is refused for %s, with an audit row', async (caller, key, actor) => {
    await as(caller);
    const before = await fresh();
    const result = await call();
    expect(result).toEqual({ ok: false, error: { key } });
    expect(await fresh()).toEqual(before);
    const denied = await lastAudit();
    expect(denied?.action).toBe('access.denied');
    expect(denied?.entity).toBe(`action:${name}`);
    expect(denied?.actorId).toBe(actor ? users[actor].id : null);
  });

  it('is allowed for an admin, with an audit row', async () => {
    await as('admin');
    const result = await call();
    expect(result.ok).toBe(true);
    const row = await lastAudit();
    expect(row?.actorId).toBe(users.admin.id);
    expect(row?.action).toMatch(/^user\./);
  });
});

describe('createUser', () => {
  beforeEach(() => as('admin'));

  it('creates a user who can then be found, stores the email lower-case and never echoes the password', async () => {
    const email = uniqueEmail('Mixed').replace('mixed', 'MiXeD');
    const result = await createUserAction(null, formData({ email, name: '山田 太郎', role: 'manager', password: 'fresh-lantern-88', capacityHours: 80 }));
    expect(result.ok).toBe(true);
    const id = result.ok ? (result.data as { id: number }).id : 0;
    const created = await findUser(await getDb(), id);
    expect(created).toMatchObject({ email: email.toLowerCase(), name: '山田 太郎', role: 'manager', capacityHours: 80, active: true });
    const [audit] = await auditRows('user.create');
    expect(JSON.stringify(audit)).not.toContain('fresh-lantern-88');
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('refuses a duplicate email whatever its case, beside the email field', async () => {
    const result = await createUserAction(null, formData({ email: target.email.toUpperCase(), name: 'Dup', role: 'csm', password: 'fresh-lantern-88', capacityHours: 110 }));
    expect(result).toEqual({ ok: false, fieldErrors: { email: { key: 'users.emailTaken' } } });
  });

  it('puts each validation problem beside its field', async () => {
    const result = await createUserAction(null, formData({ email: 'not-an-email', name: '', role: 'owner', password: 'password1', capacityHours: 1000 }));
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.fieldErrors : undefined;
    expect(fields?.email?.key).toBe('validation.email');
    expect(fields?.name?.key).toBe('validation.required');
    expect(fields?.role?.key).toBe('validation.invalid');
    expect(fields?.capacityHours).toEqual({ key: 'validation.tooBig', values: { max: 744 } });
  });

  it('refuses common and short passwords', async () => {
    for (const [password, key] of [
      ['password1', 'validation.passwordCommon'],
      ['short', 'validation.passwordTooShort'],
    ]) {
      const result = await createUserAction(null, formData({ email: uniqueEmail(), name: 'X', role: 'csm', password: password!, capacityHours: 110 }));
      expect(!result.ok && result.fieldErrors?.password?.key).toBe(key);
    }
  });
});

describe('editing users', () => {
  beforeEach(() => as('admin'));

  it('refuses a stale version instead of overwriting', async () => {
    const stale = await fresh();
    const first = await updateUserDetails(null, formData({ id: stale.id, version: stale.version, name: 'First', role: 'csm', capacityHours: 100 }));
    expect(first.ok).toBe(true);
    const second = await updateUserDetails(null, formData({ id: stale.id, version: stale.version, name: 'Second', role: 'csm', capacityHours: 50 }));
    expect(second).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await fresh()).name).toBe('First');
  });

  it('records before and after of a change', async () => {
    const t = await fresh();
    await updateUserDetails(null, formData({ id: t.id, version: t.version, name: t.name, role: 'manager', capacityHours: 60 }));
    const [row] = await auditRows('user.update');
    expect(row?.before).toEqual({ role: 'csm', capacityHours: 110 });
    expect(row?.after).toEqual({ role: 'manager', capacityHours: 60 });
  });

  it('a deactivated user is refused on their next request, even with their old cookie', async () => {
    await signInAs(target);
    expect((await getCurrentUser())?.id).toBe(target.id);
    const oldCookies = cookieJar.getAll();
    await as('admin');
    const t = await fresh();
    expect((await setUserActive(null, formData({ id: t.id, version: t.version, active: 'false' }))).ok).toBe(true);
    cookieJar.clear();
    for (const c of oldCookies) cookieJar.set(c.name, c.value);
    expect(await getCurrentUser()).toBeNull();
  });

  it('deactivating a user or resetting their password turns off their calendar feed', async () => {
    const db = await getDb();
    await as('admin');
    await replaceFeed(db, target.id, 'hash-before-deactivation');
    const t = await fresh();
    expect((await setUserActive(null, formData({ id: t.id, version: t.version, active: 'false' }))).ok).toBe(true);
    const back = await fresh();
    expect((await setUserActive(null, formData({ id: back.id, version: back.version, active: 'true' }))).ok).toBe(true);
    expect(await findLiveFeed(db, 'hash-before-deactivation')).toBeUndefined();

    await replaceFeed(db, target.id, 'hash-before-reset');
    expect(await findLiveFeed(db, 'hash-before-reset')).toBeDefined();
    expect((await resetUserPassword(null, formData({ id: target.id, password: 'another-lantern-99' }))).ok).toBe(true);
    expect(await findLiveFeed(db, 'hash-before-reset')).toBeUndefined();
  });

  it('a role change applies on the very next request', async () => {
    const admin2 = await createUser('admin');
    await signInAs(admin2);
    expect((await getCurrentUser())?.role).toBe('admin');
    await as('admin');
    const a2 = (await findUser(await getDb(), admin2.id))!;
    await updateUserDetails(null, formData({ id: a2.id, version: a2.version, name: a2.name, role: 'csm', capacityHours: 110 }));
    await signInAs(admin2);
    const result = await matrix['user.create']();
    expect(result).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });

  it('a password reset revokes sessions and the new password works', async () => {
    const { checkCredentials } = await import('@/lib/auth/sign-in');
    const result = await resetUserPassword(null, formData({ id: target.id, password: 'another-lantern-99' }));
    expect(result.ok).toBe(true);
    expect((await checkCredentials(target.email, testPassword)).ok).toBe(false);
    expect((await checkCredentials(target.email, 'another-lantern-99')).ok).toBe(true);
  });

  it('refuses a new password that is the user\'s email, next to the field', async () => {
    const result = await resetUserPassword(null, formData({ id: target.id, password: target.email.toUpperCase() }));
    expect(result).toEqual({ ok: false, fieldErrors: { password: { key: 'validation.passwordSameAsEmail' } } });
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted, by themselves or anyone', async () => {
    // Make users.admin the only active admin in this database.
    const db = await getDb();
    const { users: usersTable } = await import('@/db/schema');
    const { and, eq, ne } = await import('drizzle-orm');
    await db.update(usersTable).set({ active: false }).where(and(eq(usersTable.role, 'admin'), ne(usersTable.id, users.admin.id)));
    await as('admin');
    const me = (await findUser(db, users.admin.id))!;
    expect(await setUserActive(null, formData({ id: me.id, version: me.version, active: 'false' }))).toEqual({ ok: false, error: { key: 'users.lastAdmin' } });
    expect(await updateUserDetails(null, formData({ id: me.id, version: me.version, name: me.name, role: 'manager', capacityHours: 110 }))).toEqual({
      ok: false,
      error: { key: 'users.lastAdmin' },
    });
    // With a second admin, the first may step down.
    const other = await createUser('admin');
    expect(other.active).toBe(true);
    expect((await updateUserDetails(null, formData({ id: me.id, version: me.version, name: me.name, role: 'manager', capacityHours: 110 }))).ok).toBe(true);
  });
});
