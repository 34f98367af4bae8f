import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { lastAudit } from '@/tests/audit';
import { createUser, formData, signInAs } from '@/tests/factories';
import { closedReason } from '@/lib/scheduling/working-days';
import { workspaceCalendar } from '@/lib/server/working-calendar';
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

describe('updateWorkspace: coverage grace days', () => {
  it('saves the grace days, keeps them when the form leaves them out, and refuses more than 90 beside the field', async () => {
    await signInAs(await createUser('admin'));
    const version = (await getWorkspace(await getDb())).version;
    const base = { name: 'Acme CS', currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 };
    expect((await updateWorkspace(null, formData({ ...base, version, coverageGraceDays: 5 }))).ok).toBe(true);
    expect((await getWorkspace(await getDb())).coverageGraceDays).toBe(5);
    expect((await lastAudit())?.after).toMatchObject({ coverageGraceDays: 5 });
    expect((await updateWorkspace(null, formData({ ...base, version: version + 1 }))).ok).toBe(true);
    expect((await getWorkspace(await getDb())).coverageGraceDays).toBe(5);
    const tooMany = await updateWorkspace(null, formData({ ...base, version: version + 2, coverageGraceDays: 91 }));
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { coverageGraceDays: { key: 'validation.tooBig' } } });
  });
});

describe('updateWorkspace: usage event retention and pulse days', () => {
  it('starts at 13 months and 30 days, saves both, audits them, and keeps them when the form leaves them out', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const before = await getWorkspace(await getDb());
    expect(before).toMatchObject({ eventRetentionMonths: 13, pulseDays: 30 });
    const base = { name: 'Acme CS', currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 };
    expect((await updateWorkspace(null, formData({ ...base, version: before.version, eventRetentionMonths: 24, pulseDays: 14 }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ eventRetentionMonths: 24, pulseDays: 14 });
    expect(await lastAudit()).toMatchObject({ action: 'workspace.update', actorId: admin.id, before: { eventRetentionMonths: 13, pulseDays: 30 }, after: { eventRetentionMonths: 24, pulseDays: 14 } });
    expect((await updateWorkspace(null, formData({ ...base, version: before.version + 1, name: 'Renamed', eventRetentionMonths: '', pulseDays: '' }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ name: 'Renamed', eventRetentionMonths: 24, pulseDays: 14 });
    expect((await updateWorkspace(null, formData({ ...base, version: before.version + 2, eventRetentionMonths: 60, pulseDays: 365 }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ eventRetentionMonths: 60, pulseDays: 365 });
  });

  it('refuses a retention outside 1–60 months and pulse days outside 1–365 beside each field, nothing saved', async () => {
    await signInAs(await createUser('admin'));
    const before = await getWorkspace(await getDb());
    const base = { version: before.version, name: 'Acme CS', currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 };
    expect(await updateWorkspace(null, formData({ ...base, eventRetentionMonths: 0, pulseDays: 366 }))).toMatchObject({
      ok: false,
      fieldErrors: { eventRetentionMonths: { key: 'validation.tooSmall' }, pulseDays: { key: 'validation.tooBig' } },
    });
    expect(await updateWorkspace(null, formData({ ...base, eventRetentionMonths: 61, pulseDays: 0 }))).toMatchObject({
      ok: false,
      fieldErrors: { eventRetentionMonths: { key: 'validation.tooBig' }, pulseDays: { key: 'validation.tooSmall' } },
    });
    expect(await updateWorkspace(null, formData({ ...base, eventRetentionMonths: 6.5 }))).toMatchObject({ ok: false, fieldErrors: { eventRetentionMonths: { key: 'validation.wholeNumber' } } });
    expect(await getWorkspace(await getDb())).toMatchObject({ version: before.version, eventRetentionMonths: before.eventRetentionMonths, pulseDays: before.pulseDays });
  });
});

describe('updateWorkspace: unit economics', () => {
  it('starts with no costs and a 20 % threshold, saves typed amounts, keeps them when the form leaves them out, and audits the change', async () => {
    await signInAs(await createUser('admin'));
    const before = await getWorkspace(await getDb());
    expect(before).toMatchObject({ csmHourCost: '0.00', tier1ToolingCost: '0.00', costShareThresholdPct: '20.00' });
    const base = { name: 'Acme CS', currency: 'USD', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 };
    const costs = { csmHourCost: '$85.50', tier1ToolingCost: '1,200', tier2ToolingCost: '40', tier3ToolingCost: '2.25', costShareThresholdPct: '12.5' };
    expect((await updateWorkspace(null, formData({ ...base, version: before.version, ...costs }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ csmHourCost: '85.50', tier1ToolingCost: '1200.00', tier2ToolingCost: '40.00', tier3ToolingCost: '2.25', costShareThresholdPct: '12.50' });
    expect((await lastAudit())?.after).toMatchObject({ csmHourCost: '85.50', tier3ToolingCost: '2.25', costShareThresholdPct: '12.50' });
    expect((await updateWorkspace(null, formData({ ...base, version: before.version + 1, name: 'Renamed' }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ name: 'Renamed', csmHourCost: '85.50', costShareThresholdPct: '12.50' });
  });

  it('refuses a blank, negative or over-precise cost and a threshold of 0 or over 100 beside each field, nothing saved', async () => {
    await signInAs(await createUser('admin'));
    const before = await getWorkspace(await getDb());
    const base = { version: before.version, name: 'Acme CS', currency: 'JPY', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4 };
    const bad = await updateWorkspace(null, formData({ ...base, csmHourCost: '', tier1ToolingCost: '-5', tier2ToolingCost: 'lots', costShareThresholdPct: '0' }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { csmHourCost: { key: 'validation.required' }, tier1ToolingCost: { key: 'validation.money' }, tier2ToolingCost: { key: 'validation.money' }, costShareThresholdPct: { key: 'validation.costShare' } },
    });
    expect(await updateWorkspace(null, formData({ ...base, costShareThresholdPct: '100.01' }))).toMatchObject({ ok: false, fieldErrors: { costShareThresholdPct: { key: 'validation.costShare' } } });
    // Yen has no decimals: the message names the currency's rule.
    expect(await updateWorkspace(null, formData({ ...base, tier3ToolingCost: '500.5' }))).toMatchObject({ ok: false, fieldErrors: { tier3ToolingCost: { key: 'validation.moneyWhole' } } });
    expect((await getWorkspace(await getDb())).version).toBe(before.version);
    expect((await updateWorkspace(null, formData({ ...base, csmHourCost: '８，０００', costShareThresholdPct: '100' }))).ok).toBe(true);
    expect(await getWorkspace(await getDb())).toMatchObject({ currency: 'JPY', csmHourCost: '8000.00', costShareThresholdPct: '100.00' });
  });
});

describe('updateWorkspace: holidays and closed days', () => {
  it('starts from the time zone’s country and the Japanese year-end closure, then keeps what the admin saves', async () => {
    const db = await getDb();
    const admin = await createUser('admin');
    await signInAs(admin);
    // Never chosen: the time zone's country (Asia/Tokyo → Japan), with the year-end closure.
    const start = (await getWorkspace(db)).version;
    expect((await updateWorkspace(null, formData({ version: start, name: 'Acme', currency: 'JPY', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4 }))).ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({ holidayCountry: null, closedDays: null });
    expect(closedReason(await workspaceCalendar(db, { from: '2027-01-01', to: '2027-12-31', language: 'en' }), '2027-05-03')).toEqual({ kind: 'holiday', name: 'Constitution Day' });
    expect(closedReason(await workspaceCalendar(db, { from: '2027-01-01', to: '2027-12-31', language: 'en' }), '2027-12-29')).toEqual({ kind: 'closure', name: '' });

    const closedDays = [
      { label: 'Summer break', yearly: false, from: '2027-08-12', to: '2027-08-13' },
      { label: 'Founders’ day', yearly: true, from: '06-01', to: '' },
    ];
    const saved = await updateWorkspace(null, formData({ version: start + 1, name: 'Acme', currency: 'USD', timeZone: 'America/New_York', fiscalYearStartMonth: 1, holidayCountry: 'US', closedDays: JSON.stringify(closedDays) }));
    expect(saved.ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({
      holidayCountry: 'US',
      closedDays: [
        { label: 'Summer break', yearly: false, from: '2027-08-12', to: '2027-08-13' },
        { label: 'Founders’ day', yearly: true, from: '06-01', to: '06-01' },
      ],
    });
    expect((await lastAudit())?.after).toMatchObject({ holidayCountry: 'US' });
    const us = await workspaceCalendar(db, { from: '2027-01-01', to: '2028-12-31', language: 'en' });
    expect(closedReason(us, '2027-05-03')).toBeNull(); // not a US holiday
    expect(closedReason(us, '2027-07-05')?.kind).toBe('holiday'); // Independence Day observed
    expect(closedReason(us, '2027-08-13')).toEqual({ kind: 'closure', name: 'Summer break' });
    expect(closedReason(us, '2028-06-01')).toEqual({ kind: 'closure', name: 'Founders’ day' });
    expect(closedReason(us, '2027-12-30')).toBeNull();

    // Saving other settings without the fields keeps them.
    expect((await updateWorkspace(null, values(start + 2, 'Renamed'))).ok).toBe(true);
    expect(await getWorkspace(db)).toMatchObject({ name: 'Renamed', holidayCountry: 'US' });
  });

  it('refuses an unknown country and a closed day that is not a date, beside the field', async () => {
    await signInAs(await createUser('admin'));
    const bad = [
      { label: 'x', yearly: false, from: '2027-02-30', to: '' },
      { label: 'y', yearly: true, from: '12-29', to: '13-03' },
      { label: 'z', yearly: false, from: '2027-05-10', to: '2027-05-01' },
    ];
    const result = await updateWorkspace(null, formData({ version: 0, name: 'X', currency: 'JPY', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4, holidayCountry: 'XX', closedDays: JSON.stringify(bad) }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        holidayCountry: { key: 'validation.invalid', values: {} },
        'closedDays.0.from': { key: 'validation.date', values: {} },
        'closedDays.1.to': { key: 'validation.monthDay', values: {} },
        'closedDays.2.to': { key: 'validation.closedDayRange', values: {} },
      },
    });
  });
});
