import type { Role } from '@/lib/auth/roles';

// Only what works: a link appears here when its page does.
export type NavItem = { href: string; label: string; roles?: readonly Role[] };

export const navItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/accounts', label: 'accounts' },
  { href: '/schedule', label: 'schedule' },
  { href: '/plan', label: 'plan' },
  { href: '/team', label: 'team', roles: ['manager', 'admin'] },
  { href: '/accounts/requests', label: 'requests', roles: ['manager', 'admin'] },
  { href: '/admin/tiering', label: 'tiering', roles: ['admin'] },
  { href: '/admin/playbooks', label: 'playbooks', roles: ['admin'] },
  { href: '/admin/users', label: 'users', roles: ['admin'] },
  { href: '/admin/workspace', label: 'workspace', roles: ['admin'] },
  { href: '/admin/audit', label: 'audit', roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.includes(role));
}
