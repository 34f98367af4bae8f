import { roles } from '@/lib/auth/roles';

export function roleOptions(label: (role: (typeof roles)[number]) => string) {
  return roles.map((r) => ({ value: r, label: label(r) }));
}
