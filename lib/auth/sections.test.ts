import { describe, expect, it } from 'vitest';
import { rolesWith } from './permissions';
import { sectionPermission } from './sections';

const rolesFor = (path: string) => {
  const permission = sectionPermission(path);
  return permission && rolesWith(permission);
};

describe('sectionPermission', () => {
  it('names the permission of restricted sections, by whole path segments', () => {
    expect(sectionPermission('/admin/users/3')).toBe('users.manage');
    expect(sectionPermission('/admin/playbooks')).toBe('playbooks.manage');
    expect(sectionPermission('/admin/program-kinds')).toBe('programKinds.manage');
    expect(sectionPermission('/admin/jobs')).toBe('jobs.manage');
    expect(sectionPermission('/team?view=month')).toBe('team.view');
    expect(sectionPermission('/accounts/import')).toBe('accounts.import');
    expect(sectionPermission('/accounts/requests')).toBe('overrideRequests.decide');
  });

  it('keeps admin pages for admins and the team pages for managers and admins', () => {
    for (const path of ['/admin', '/admin/users', '/admin/workspace', '/admin/tiering', '/admin/playbooks', '/admin/audit', '/admin/content-kinds', '/admin/program-kinds', '/admin/jobs']) expect(rolesFor(path)).toEqual(['admin']);
    for (const path of ['/team', '/accounts/import', '/accounts/requests']) expect(rolesFor(path)).toEqual(['manager', 'admin']);
  });

  it('keeps creating, editing and importing campaigns for managers and admins, and lets everyone read them', () => {
    for (const path of ['/campaigns/new', '/campaigns/4/edit', '/campaigns/4/import', '/campaigns/4/import?x=1']) expect(rolesFor(path)).toEqual(['manager', 'admin']);
    for (const path of ['/campaigns', '/campaigns/4', '/campaigns/4/editor']) expect(sectionPermission(path)).toBeUndefined();
  });

  it('leaves everything else to every signed-in user', () => {
    for (const path of ['/', '/accounts', '/accounts/12', '/teams', '/administrator', '/schedule', '/plan?account=4']) expect(sectionPermission(path)).toBeUndefined();
  });
});
