import { can, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import type { Messages } from 'next-intl';

// Only what works: a link appears here when its page does, for those allowed to open it.
export type NavItem = { href: string; label: keyof Messages['nav']; permission?: Permission };

export const navItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/accounts', label: 'accounts' },
  { href: '/schedule', label: 'schedule' },
  { href: '/plan', label: 'plan' },
  { href: '/team', label: 'team', permission: 'team.view' },
  { href: '/accounts/requests', label: 'requests', permission: 'overrideRequests.decide' },
  { href: '/admin/tiering', label: 'tiering', permission: 'tierPolicy.manage' },
  { href: '/admin/playbooks', label: 'playbooks', permission: 'playbooks.manage' },
  { href: '/admin/users', label: 'users', permission: 'users.manage' },
  { href: '/admin/workspace', label: 'workspace', permission: 'workspace.manage' },
  { href: '/admin/audit', label: 'audit', permission: 'audit.read' },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => !item.permission || can({ role }, item.permission));
}
