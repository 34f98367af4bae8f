import type { Messages } from 'next-intl';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

// Only what works: a link appears here when its page does, for those allowed to open it.
// `waiting`: the kind of work that waits behind the link, shown as a count beside it.
export type NavItem = { href: string; label: keyof Messages['nav']; permission?: Permission; waiting?: 'overrideRequests' };

export const navItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/accounts', label: 'accounts' },
  { href: '/schedule', label: 'schedule' },
  { href: '/plan', label: 'plan' },
  { href: '/tasks', label: 'tasks', permission: 'tasks.work' },
  { href: '/content', label: 'content', permission: 'content.read' },
  { href: '/programs', label: 'programs', permission: 'programs.read' },
  { href: '/campaigns', label: 'campaigns', permission: 'campaigns.read' },
  { href: '/coverage', label: 'coverage', permission: 'coverage.read' },
  { href: '/team', label: 'team', permission: 'team.view' },
  { href: '/accounts/requests', label: 'requests', permission: 'overrideRequests.decide', waiting: 'overrideRequests' },
];

/**
 * The manager's cockpit: tabs under the one "Coverage" entry of the main
 * navigation (their paths sit under /coverage so that entry stays current).
 */
export const cockpitItems: (NavItem & { permission: Permission })[] = [
  { href: '/coverage', label: 'coverage', permission: 'coverage.read' },
  { href: '/coverage/capacity', label: 'capacity', permission: 'capacity.read' },
  { href: '/coverage/economics', label: 'economics', permission: 'economics.read' },
];

export const cockpitFor = (role: Role) => cockpitItems.filter((item) => can({ role }, item.permission));

/** The admin pages: one "Admin" entry in the main navigation, tabs inside. */
export const adminItems: (NavItem & { permission: Permission; description: keyof Messages['nav'] })[] = [
  { href: '/admin/users', label: 'users', permission: 'users.manage', description: 'usersDescription' },
  { href: '/admin/tiering', label: 'tiering', permission: 'tierPolicy.manage', description: 'tieringDescription' },
  { href: '/admin/playbooks', label: 'playbooks', permission: 'playbooks.manage', description: 'playbooksDescription' },
  { href: '/admin/content-kinds', label: 'contentKinds', permission: 'contentKinds.manage', description: 'contentKindsDescription' },
  { href: '/admin/program-kinds', label: 'programKinds', permission: 'programKinds.manage', description: 'programKindsDescription' },
  { href: '/admin/health', label: 'health', permission: 'health.manage', description: 'healthDescription' },
  { href: '/admin/alerts', label: 'alerts', permission: 'alerts.manage', description: 'alertsDescription' },
  { href: '/admin/signals', label: 'signals', permission: 'signals.manage', description: 'signalsDescription' },
  { href: '/admin/workspace', label: 'workspace', permission: 'workspace.manage', description: 'workspaceDescription' },
  { href: '/admin/jobs', label: 'jobs', permission: 'jobs.manage', description: 'jobsDescription' },
  { href: '/admin/audit', label: 'audit', permission: 'audit.read', description: 'auditDescription' },
];

export const adminFor = (role: Role) => adminItems.filter((item) => can({ role }, item.permission));

export function navFor(role: Role): NavItem[] {
  const items = navItems.filter((item) => !item.permission || can({ role }, item.permission));
  return adminFor(role).length ? [...items, { href: '/admin', label: 'admin' }] : items;
}
