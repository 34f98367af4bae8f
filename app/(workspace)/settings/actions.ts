'use server';

import { cookies } from 'next/headers';
import { findPasswordHash, findUser, readSessionVersion, updateUser } from '@/db/queries/users';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { changedFields } from '@/lib/audit-diff';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
import { writeSessionToken } from '@/lib/auth/session';
import { localeCookie } from '@/lib/i18n/locales';
import { updateDigestInput } from '@/lib/validation/notification';
import { assertNotTheEmail, changePasswordInput, updateLanguageInput, updateProfileInput } from '@/lib/validation/user';
import { digestSetting, setDigestEmail } from '@/db/queries/digest';

// Every signed-in user edits only their own row: the id comes from the
// session, never from the form.

export const updateProfile = action({
  name: 'profile.update',
  permission: 'profile.edit',
  input: updateProfileInput,
  revalidate: ['/'],
  async run({ user, input, tx, audit }) {
    const before = await findUser(tx, user.id);
    if (!before) throw notFoundError();
    const after = await updateUser(tx, user.id, input.version, { name: input.name, locale: input.locale, timeZone: input.timeZone });
    if (!after) throw conflictError();
    await audit({ action: 'user.update_profile', entity: 'user', entityId: user.id, ...changedFields(before, after, ['name', 'locale', 'timeZone']) });
    if (after.locale) (await cookies()).set(localeCookie, after.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return { version: after.version };
  },
});

export const updateLanguage = action({
  name: 'profile.language',
  permission: 'profile.edit',
  input: updateLanguageInput,
  revalidate: ['/'],
  async run({ user, input, tx, audit }) {
    const before = await findUser(tx, user.id);
    if (!before) throw notFoundError();
    // The language menu is a preference, not a form: no version check.
    if (!(await updateUser(tx, user.id, before.version, { locale: input.locale }))) throw conflictError();
    await audit({ action: 'user.update_profile', entity: 'user', entityId: user.id, before: { locale: before.locale }, after: { locale: input.locale } });
    (await cookies()).set(localeCookie, input.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  },
});

/** The daily digest email at 08:00 in the user's zone, on or off. */
export const updateDigest = action({
  name: 'profile.digest',
  permission: 'profile.edit',
  input: updateDigestInput,
  revalidate: ['/settings'],
  async run({ user, input, tx, audit }) {
    const before = await digestSetting(tx, user.id);
    if (!before) throw notFoundError();
    const version = await setDigestEmail(tx, user.id, input.version, input.digestEmail);
    if (version === undefined) throw conflictError();
    if (before.digestEmail !== input.digestEmail) {
      await audit({ action: 'user.update_profile', entity: 'user', entityId: user.id, before: { digestEmail: before.digestEmail }, after: { digestEmail: input.digestEmail } });
    }
    return { version };
  },
});

export const changePassword = action({
  name: 'profile.password',
  permission: 'profile.edit',
  input: changePasswordInput,
  async run({ user, input, tx, audit }) {
    assertNotTheEmail(input.password, user.email);
    const stored = await findPasswordHash(tx, user.id);
    if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
      throw new ActionError({ key: 'settings.currentPasswordWrong' }, 'currentPassword');
    }
    const current = await findUser(tx, user.id);
    if (!current) throw notFoundError();
    const after = await updateUser(tx, user.id, current.version, { passwordHash: await hashPassword(input.password) }, { revokeSessions: true });
    if (!after) throw conflictError();
    await audit({ action: 'user.change_password', entity: 'user', entityId: user.id });
    // Other sessions are revoked; this one continues with a fresh cookie.
    const sessionVersion = await readSessionVersion(tx, user.id);
    await writeSessionToken({ userId: user.id, sessionVersion: sessionVersion ?? 0 });
  },
});
