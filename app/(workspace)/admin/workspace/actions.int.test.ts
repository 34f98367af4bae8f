import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { lastAudit } from '@/tests/audit';
import { createUser, formData, signInAs } from '@/tests/factories';
import { updateWorkspace } from './actions';

const values = (version: number, name = 'Acme CS') => formData({ version, name, currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 });

describe('updateWorkspace', () => {
  it.each([
    ['anonymous', 'errors.signedOut'],
    ['csm', 'errors.forbidden'],
    ['manager', 'errors.forbidden'],
  ] as const)('is refused for %s', async (caller, key) => {
    await signInAs(caller === 'anonymous' ? null : await createUser(caller));
    expect(await updateWorkspace(null, values(0))).toEqual({ ok: false, error: { key } });
    expect((await getWorkspace(await getDb())).version).toBe(0);
    expect((await lastAudit())?.action).toBe('access.denied');
  });

  it('is saved by an admin, audited, and refuses a stale version', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const first = await updateWorkspace(null, values(0));
    expect(first.ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ name: 'Acme CS', currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1, version: 1 });
    expect(await lastAudit()).toMatchObject({ action: 'workspace.update', actorId: admin.id });
    expect(await updateWorkspace(null, values(0, 'Stale'))).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await updateWorkspace(null, values(1, 'Second'))).ok).toBe(true);
    expect((await getWorkspace(await getDb())).name).toBe('Second');
  });

  it('refuses an unknown currency, time zone or month beside the field', async () => {
    await signInAs(await createUser('admin'));
    const result = await updateWorkspace(null, formData({ version: 0, name: 'X', currency: 'XYZ', timeZone: 'Nowhere', fiscalYearStartMonth: 13 }));
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? (result.fieldErrors ?? {}) : {}).sort()).toEqual(['currency', 'fiscalYearStartMonth', 'timeZone']);
  });
});
