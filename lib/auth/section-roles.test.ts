import { describe, expect, it } from 'vitest';
import { sectionRoles } from './section-roles';

describe('sectionRoles', () => {
  it('names the roles of restricted sections, by whole path segments', () => {
    expect(sectionRoles('/admin/users/3')).toEqual(['admin']);
    expect(sectionRoles('/team?view=month')).toEqual(['manager', 'admin']);
    expect(sectionRoles('/accounts/import')).toEqual(['manager', 'admin']);
    expect(sectionRoles('/accounts/requests')).toEqual(['manager', 'admin']);
  });

  it('leaves everything else to every signed-in user', () => {
    for (const path of ['/', '/accounts', '/accounts/12', '/teams', '/administrator', '/schedule', '/plan?account=4']) expect(sectionRoles(path)).toBeUndefined();
  });
});
