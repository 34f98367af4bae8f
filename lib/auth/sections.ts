import type { Permission } from './permissions';

// Whole sections of the app open to some users only. The workspace layout
// checks these before anything streams, so a refused page answers with HTTP
// 403; each page checks its own permission again (layouts do not re-run on
// client-side navigation).
const sections: { prefix: string; permission: Permission }[] = [
  { prefix: '/admin/users', permission: 'users.manage' },
  { prefix: '/admin/workspace', permission: 'workspace.manage' },
  { prefix: '/admin/tiering', permission: 'tierPolicy.manage' },
  { prefix: '/admin/playbooks', permission: 'playbooks.manage' },
  { prefix: '/admin/audit', permission: 'audit.read' },
  { prefix: '/admin/content-kinds', permission: 'contentKinds.manage' },
  { prefix: '/admin/program-kinds', permission: 'programKinds.manage' },
  { prefix: '/admin/jobs', permission: 'jobs.manage' },
  { prefix: '/admin', permission: 'users.manage' },
  { prefix: '/team', permission: 'team.view' },
  { prefix: '/accounts/requests', permission: 'overrideRequests.decide' },
  { prefix: '/accounts/import', permission: 'accounts.import' },
  { prefix: '/campaigns/new', permission: 'campaigns.manage' },
];

/** Sections inside one object's pages: a campaign's edit and import pages. */
const objectSections: { pattern: RegExp; permission: Permission }[] = [{ pattern: /^\/campaigns\/[^/]+\/(edit|import)(\/|$)/, permission: 'campaigns.manage' }];

/** The permission a path's section needs, or undefined when every signed-in user may open it. */
export function sectionPermission(path: string): Permission | undefined {
  const pathname = path.split('?')[0]!;
  return sections.find((s) => pathname === s.prefix || pathname.startsWith(`${s.prefix}/`))?.permission ?? objectSections.find((s) => s.pattern.test(pathname))?.permission;
}
