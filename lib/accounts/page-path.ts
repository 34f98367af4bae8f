import { parseId } from '@/lib/validation/input';

// Which account a workspace path opens, so the workspace layout can answer a
// missing account (404) or another CSM's edit page (403) before the page
// streams behind its loading state, when the status can still change.

/** Folders under /accounts that are pages of their own, not account ids. */
const staticChildren = new Set(['new', 'requests', 'import', 'export']);

export type AccountPagePath = { id: number | null; edit: boolean };

/** `/accounts/52` → { id: 52, edit: false }; `/accounts/x/edit` → { id: null, edit: true }; other paths → null. */
export function accountPagePath(path: string): AccountPagePath | null {
  const pathname = path.split('?')[0]!;
  const m = /^\/accounts\/([^/]+)(\/edit)?\/?$/.exec(pathname);
  if (!m || staticChildren.has(m[1]!)) return null;
  let segment = m[1]!;
  try {
    segment = decodeURIComponent(segment);
  } catch {
    return { id: null, edit: Boolean(m[2]) };
  }
  return { id: parseId(segment), edit: Boolean(m[2]) };
}
