import type { Role } from './roles';

// Whole sections of the app open to some roles only. The workspace layout
// checks these before anything streams, so a refused page answers with HTTP
// 403; each page checks its own roles again (layouts do not re-run on
// client-side navigation).
const sections: { prefix: string; roles: readonly Role[] }[] = [
  { prefix: '/admin', roles: ['admin'] },
  { prefix: '/team', roles: ['manager', 'admin'] },
  { prefix: '/accounts/requests', roles: ['manager', 'admin'] },
  { prefix: '/accounts/import', roles: ['manager', 'admin'] },
];

/** The roles a path's section allows, or undefined when every signed-in user may open it. */
export function sectionRoles(path: string): readonly Role[] | undefined {
  const pathname = path.split('?')[0]!;
  return sections.find((s) => pathname === s.prefix || pathname.startsWith(`${s.prefix}/`))?.roles;
}
