import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { timeOffIn } from '@/db/queries/capacity';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { addTimeOff, removeTimeOff } from './actions';

const december = { from: '2031-12-01', to: '2031-12-31' };

describe('time off', () => {
  it('refuses a last day before the first beside that field, writing nothing', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    const result = await addTimeOff(null, { userId: csm.id, fromDate: '2031-12-10', toDate: '2031-12-09', hoursPerDay: '8', note: '' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { toDate: { key: 'validation.endBeforeStart' } } });
    const bad = await addTimeOff(null, { userId: csm.id, fromDate: '2031-12-10', toDate: '2031-12-10', hoursPerDay: '30', note: '' });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { hoursPerDay: { key: 'validation.tooBig' } } });
    expect(await timeOffIn(await getDb(), december, csm.id)).toEqual([]);
  });

  it('is added and removed, audited against the person it is for', async () => {
    const [csm, manager] = [await createUser('csm'), await createUser('manager')];
    await signInAs(manager);
    const added = await addTimeOff(null, { userId: csm.id, fromDate: '2031-12-22', toDate: '2031-12-26', hoursPerDay: '8', note: 'Year-end leave' });
    expect(added.ok).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: 'time_off.create', entity: 'user', entityId: String(csm.id), after: { fromDate: '2031-12-22', toDate: '2031-12-26', hoursPerDay: 8, note: 'Year-end leave' } });
    const [entry] = await timeOffIn(await getDb(), december, csm.id);
    expect(entry).toMatchObject({ fromDate: '2031-12-22', toDate: '2031-12-26', hoursPerDay: '8.00', note: 'Year-end leave' });
    await signInAs(csm);
    expect((await removeTimeOff(null, { id: entry!.id })).ok).toBe(true);
    expect(await timeOffIn(await getDb(), december, csm.id)).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'time_off.delete', entityId: String(csm.id) });
  });
});
