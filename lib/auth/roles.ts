import { roles, type Role } from '@/lib/vocabulary';

export { roles, type Role };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
