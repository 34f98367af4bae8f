import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUser } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/current-user';
import { checkCredentials } from '@/lib/auth/sign-in';
import { localeCookie } from '@/lib/i18n/locales';
import { lastAudit } from '@/tests/audit';
import { createUser, formData, signInAs, testPassword } from '@/tests/factories';
import { cookieJar } from '@/tests/request-context';
import { changePassword, updateLanguage, updateProfile } from './actions';

describe('profile actions', () => {
  it('are refused when signed out', async () => {
    await signInAs(null);
    expect(await updateProfile(null, formData({ version: 1, name: 'X', locale: '', timeZone: '' }))).toEqual({ ok: false, error: { key: 'errors.signedOut' } });
    expect(await updateLanguage(null, { locale: 'ja' })).toEqual({ ok: false, error: { key: 'errors.signedOut' } });
    expect(await changePassword(null, formData({ currentPassword: 'a', password: 'b', confirmPassword: 'b' }))).toEqual({
      ok: false,
      error: { key: 'errors.signedOut' },
    });
    expect((await lastAudit())?.action).toBe('access.denied');
  });

  it.each(['csm', 'manager', 'admin'] as const)('let a %s edit only their own profile', async (role) => {
    const me = await createUser(role);
    const other = await createUser('csm');
    await signInAs(me);
    // An id in the form is ignored: the session decides whose row changes.
    const result = await updateProfile(null, formData({ id: other.id, version: me.version, name: '新しい名前', locale: 'ja', timeZone: 'America/New_York' }));
    expect(result.ok).toBe(true);
    const db = await getDb();
    expect(await findUser(db, me.id)).toMatchObject({ name: '新しい名前', locale: 'ja', timeZone: 'America/New_York' });
    expect((await findUser(db, other.id))?.name).toBe(other.name);
    expect(cookieJar.get(localeCookie)?.value).toBe('ja');
    expect(await lastAudit()).toMatchObject({ action: 'user.update_profile', actorId: me.id, entityId: String(me.id) });
  });

  it('refuses an unknown time zone beside its field and keeps the row', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    const result = await updateProfile(null, formData({ version: me.version, name: 'X', locale: '', timeZone: 'Mars/Olympus' }));
    expect(result).toEqual({ ok: false, fieldErrors: { timeZone: { key: 'validation.timeZone', values: {} } } });
  });

  it('answer with each message in the user’s language, so a page needs no catalog to show it', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    const en = await updateProfile(null, formData({ version: me.version, name: '', locale: '', timeZone: '' }));
    const db = await getDb();
    await updateLanguage(null, { locale: 'ja' });
    const ja = await updateProfile(null, formData({ version: (await findUser(db, me.id))!.version, name: '', locale: '', timeZone: '' }));
    const text = (r: typeof en) => (r.ok ? undefined : r.fieldErrors?.name?.text);
    expect(text(en)).toBe('Required.');
    expect(text(ja)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    await signInAs(null);
    const signedOut = await updateLanguage(null, { locale: 'ja' });
    expect(!signedOut.ok && signedOut.error?.text).toMatch(/sign/i);
  });

  it('sets the language from the user menu', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    expect((await updateLanguage(null, { locale: 'ja' })).ok).toBe(true);
    expect((await findUser(await getDb(), me.id))?.locale).toBe('ja');
  });
});

describe('changePassword', () => {
  it('needs the current password', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    const result = await changePassword(null, formData({ currentPassword: 'not-my-password', password: 'river-stone-551', confirmPassword: 'river-stone-551' }));
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: { key: 'settings.currentPasswordWrong' } } });
  });

  it('checks the confirmation and the password policy', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    const mismatch = await changePassword(null, formData({ currentPassword: testPassword, password: 'river-stone-551', confirmPassword: 'river-stone-552' }));
    expect(!mismatch.ok && mismatch.fieldErrors?.confirmPassword?.key).toBe('validation.passwordMismatch');
    const common = await changePassword(null, formData({ currentPassword: testPassword, password: 'iloveyou', confirmPassword: 'iloveyou' }));
    expect(!common.ok && common.fieldErrors?.password?.key).toBe('validation.passwordCommon');
    const local = me.email.split('@')[0]!;
    const sameAsEmail = await changePassword(null, formData({ currentPassword: testPassword, password: local, confirmPassword: local }));
    expect(!sameAsEmail.ok && sameAsEmail.fieldErrors?.password?.key).toBe('validation.passwordSameAsEmail');
  });

  it('changes it, ends other sessions and keeps this one', async () => {
    const me = await createUser('csm');
    await signInAs(me);
    const otherDevice = cookieJar.getAll();
    const result = await changePassword(null, formData({ currentPassword: testPassword, password: 'river-stone-551', confirmPassword: 'river-stone-551' }));
    expect(result.ok).toBe(true);
    expect((await getCurrentUser())?.id).toBe(me.id);
    cookieJar.clear();
    for (const c of otherDevice) cookieJar.set(c.name, c.value);
    expect(await getCurrentUser()).toBeNull();
    expect((await checkCredentials(me.email, 'river-stone-551')).ok).toBe(true);
  });
});
