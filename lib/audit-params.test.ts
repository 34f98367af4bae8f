import { describe, expect, it } from 'vitest';
import { auditHref, parseAuditParams } from './audit-params';
import { auditReferences } from './audit-references';

describe('parseAuditParams', () => {
  it('reads the filters and round-trips them through the URL', () => {
    const p = parseAuditParams({ action: 'account.', actor: '5', entity: 'account', id: '12', from: '2027-01-01', to: '2027-01-31', page: '2' });
    expect(p).toEqual({ page: 2, action: 'account.', actorId: 5, entity: 'account', entityId: '12', from: '2027-01-01', to: '2027-01-31' });
    expect(parseAuditParams(Object.fromEntries(new URL(`http://x${auditHref(p)}`).searchParams))).toEqual(p);
    expect(parseAuditParams({ action: 'user.deactivate' }).action).toBe('user.deactivate');
  });

  it('drops what is unknown or malformed instead of failing', () => {
    expect(parseAuditParams({ action: 'nope.', actor: '5 or 1=1', entity: 'session', id: '3', from: '2027-02-30', to: 'yesterday', page: '-1' })).toEqual({
      page: 1,
      action: undefined,
      actorId: undefined,
      entity: undefined,
      entityId: undefined,
      from: undefined,
      to: undefined,
    });
    expect(auditHref(parseAuditParams({}))).toBe('/admin/audit');
  });
});

describe('auditReferences', () => {
  it('collects every id a page mentions, once', () => {
    const refs = auditReferences([
      { entity: 'account', entityId: '12', before: { ownerId: 5 }, after: { ownerId: 4 } },
      { entity: 'account', entityId: '12', before: null, after: { activityId: 900, type: 2, ownerId: 4, internalAttendees: [7] } },
      { entity: 'user', entityId: '5', before: { active: true }, after: { active: false, handover: { to: 4 } } },
      { entity: 'playbook', entityId: '1', before: null, after: { rules: [{ activityTypeId: 3 }] } },
      { entity: 'account', entityId: '13', before: null, after: { ownerId: 4, activities: [{ type: 2 }] } },
      { entity: 'action:account.update', entityId: null, before: null, after: { reason: 'role' } },
    ]);
    expect(refs).toEqual({ users: [5, 4, 7], accounts: [12, 13], activityTypes: [2, 3], activities: [900], contacts: [], content: [], programs: [], campaigns: [] });
  });
});
