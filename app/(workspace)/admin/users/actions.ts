'use server';

import { emailTaken, findUser, insertUser, isActiveCsm, lockActiveAdmins, updateUser, type PublicUser } from '@/db/queries/users';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { changedFields } from '@/lib/audit-diff';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Tx } from '@/db/client';
import { revokeFeeds } from '@/db/queries/feeds';
import { assertNotTheEmail, createUserInput, type handovers, resetPasswordInput, setUserActiveInput, updateUserInput } from '@/lib/validation/user';
import { auditMany } from '@/db/queries/audit';
import { handAccountsTo, handPlannedWork, ownedWork, spreadAccounts } from '@/db/queries/handover';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { hoursPerAccountMonth, typeModelLookup } from '@/lib/playbooks/hours';

const auditedFields = ['email', 'name', 'role', 'active', 'capacityHours'] as const;
const snapshot = (u: PublicUser) => Object.fromEntries(auditedFields.map((k) => [k, u[k]]));

/** Refuses a change that would leave the workspace without an active admin. */
async function keepAnAdmin(tx: Tx, target: PublicUser, stillAdmin: boolean) {
  if (target.role !== 'admin' || !target.active || stillAdmin) return;
  const admins = await lockActiveAdmins(tx);
  if (admins.filter((id) => id !== target.id).length === 0) throw new ActionError({ key: 'users.lastAdmin' });
}

async function loadUser(tx: Tx, id: number) {
  const user = await findUser(tx, id);
  if (!user) throw notFoundError();
  return user;
}

/**
 * Before a user is deactivated, their book and planned work go to one CSM or
 * are spread over the team by free hours; refused with what they own when the
 * admin has not said where. Each moved account gets its own audit row.
 */
async function handOver(tx: Tx, actorId: number, userId: number, input: { handover?: (typeof handovers)[number]; toUserId?: number }) {
  const owned = await ownedWork(tx, userId);
  if (owned.accounts + owned.plannedActivities === 0) return null;
  if (!input.handover) throw new ActionError({ key: 'users.handoverRequired', values: { accounts: owned.accounts, activities: owned.plannedActivities } }, 'handover');
  let moved: { id: number; ownerId: number }[];
  if (input.handover === 'csm') {
    if (!input.toUserId || input.toUserId === userId || !(await isActiveCsm(tx, input.toUserId))) throw new ActionError({ key: 'users.handoverTarget' }, 'toUserId');
    const to = input.toUserId;
    moved = (await handAccountsTo(tx, userId, to)).map((id) => ({ id, ownerId: to }));
  } else {
    const [playbooks, types] = await Promise.all([currentPlaybooks(tx), listActivityTypes(tx)]);
    const typeModel = typeModelLookup(types);
    const hours = Object.fromEntries(playbooks.map((p) => [p.tier, hoursPerAccountMonth(p.rules, typeModel)])) as Record<1 | 2 | 3, number>;
    moved = await spreadAccounts(tx, userId, { 1: hours[1] ?? 0, 2: hours[2] ?? 0, 3: hours[3] ?? 0 });
    if (moved.length < owned.accounts) throw new ActionError({ key: 'users.handoverNobody' }, 'handover');
  }
  const activities = await handPlannedWork(tx, userId, input.handover === 'csm' ? input.toUserId! : null);
  await auditMany(
    tx,
    moved.map((m) => ({ actorId, action: 'account.reassign', entity: 'account', entityId: m.id, before: { ownerId: userId }, after: { ownerId: m.ownerId } })),
  );
  return { accounts: moved.length, activities, to: input.handover === 'csm' ? input.toUserId! : 'spread' };
}

export const createUser = action({
  name: 'user.create',
  permission: 'users.manage',
  input: createUserInput,
  revalidate: ['/admin/users'],
  async run({ input, tx, audit }) {
    if (await emailTaken(tx, input.email)) throw new ActionError({ key: 'users.emailTaken' }, 'email');
    const created = await insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      capacityHours: input.capacityHours,
      passwordHash: await hashPassword(input.password),
    });
    await audit({ action: 'user.create', entity: 'user', entityId: created.id, after: snapshot(created) });
    return { id: created.id };
  },
});

export const updateUserDetails = action({
  name: 'user.update',
  permission: 'users.manage',
  input: updateUserInput,
  revalidate: ['/admin/users'],
  async run({ input, tx, audit }) {
    const before = await loadUser(tx, input.id);
    await keepAnAdmin(tx, before, input.role === 'admin');
    const after = await updateUser(tx, input.id, input.version, {
      name: input.name,
      role: input.role,
      capacityHours: input.capacityHours,
    });
    if (!after) throw conflictError();
    await audit({ action: 'user.update', entity: 'user', entityId: input.id, ...changedFields(snapshot(before), snapshot(after), auditedFields) });
    return { version: after.version };
  },
});

export const setUserActive = action({
  name: 'user.set_active',
  permission: 'users.manage',
  input: setUserActiveInput,
  revalidate: ['/admin/users'],
  async run({ user, input, tx, audit }) {
    const before = await loadUser(tx, input.id);
    if (!input.active) await keepAnAdmin(tx, before, false);
    const handedOver = input.active ? null : await handOver(tx, user.id, before.id, input);
    // Deactivation ends the user's open sessions on their next request.
    const after = await updateUser(tx, input.id, input.version, { active: input.active }, { revokeSessions: !input.active });
    if (!after) throw conflictError();
    // Their calendar-feed address too: reactivating must not bring an old address back.
    if (!input.active) await revokeFeeds(tx, input.id);
    await audit({
      action: input.active ? 'user.reactivate' : 'user.deactivate',
      entity: 'user',
      entityId: input.id,
      before: { active: before.active },
      after: { active: after.active, ...(handedOver && { handover: handedOver }) },
    });
    return { version: after.version, handedOver };
  },
});

export const resetUserPassword = action({
  name: 'user.reset_password',
  permission: 'users.manage',
  input: resetPasswordInput,
  revalidate: ['/admin/users'],
  async run({ input, tx, audit }) {
    const user = await loadUser(tx, input.id);
    assertNotTheEmail(input.password, user.email);
    // A reset is an admin's override: no version check, but every session of the user ends.
    const after = await updateUser(tx, input.id, user.version, { passwordHash: await hashPassword(input.password) }, { revokeSessions: true });
    if (!after) throw conflictError();
    // A reset often follows a compromise: the feed address goes with the sessions.
    await revokeFeeds(tx, input.id);
    await audit({ action: 'user.reset_password', entity: 'user', entityId: input.id });
    return { version: after.version };
  },
});
