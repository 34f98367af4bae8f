import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Finds, from the file system, everything a caller can reach without a page:
// the exports of every 'use server' file and the method handlers of every
// route.ts under app/. The matrix is built from this list, not from the
// registry, so a new action or route cannot be left out of it.

export const appDir = path.resolve(import.meta.dirname, '../../app');

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(full);
    return [full];
  });
}

/** Leading whitespace and comments dropped, so the first statement is at the start. */
function withoutLeadingComments(source: string): string {
  let s = source.replace(/^\uFEFF/, '');
  for (;;) {
    const next = s.replace(/^\s+/, '').replace(/^\/\/[^\n]*/, '').replace(/^\/\*[\s\S]*?\*\//, '');
    if (next === s) return s;
    s = next;
  }
}

export function isServerActionFile(source: string): boolean {
  return /^(['"])use server\1/.test(withoutLeadingComments(source));
}

const sourceFile = /\.(ts|tsx|js|jsx|mjs)$/;
const testFile = /\.test\.(ts|tsx|js|jsx)$/;
const relative = (file: string) => path.relative(appDir, file).split(path.sep).join('/');

/** Files (relative to app/) whose first statement is 'use server'. */
export function serverActionFiles(): string[] {
  return filesUnder(appDir)
    .filter((f) => sourceFile.test(f) && !testFile.test(f) && isServerActionFile(readFileSync(f, 'utf8')))
    .map(relative)
    .sort();
}

/** Route handler files (relative to app/). */
export function routeFiles(): string[] {
  return filesUnder(appDir)
    .filter((f) => /(^|[/\\])route\.(ts|tsx|js|mjs)$/.test(f))
    .map(relative)
    .sort();
}

export type Reachable = { key: string; kind: 'action' | 'route'; file: string; exportName: string; handler: (...args: never[]) => Promise<unknown> };

/**
 * Every exported server action ("<file>#<export>") and route handler
 * ("<file>#<METHOD>"), loaded. A 'use server' file may export only async
 * functions, so each of its exports is an action; a route file's other
 * exports (dynamic, runtime, …) are configuration.
 */
export async function reachable(): Promise<Reachable[]> {
  const out: Reachable[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      out.push({ key: `${file}#${exportName}`, kind: 'action', file, exportName, handler: value as Reachable['handler'] });
    }
  }
  for (const file of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, file))) as Record<string, unknown>;
    for (const method of httpMethods) {
      if (method in mod) out.push({ key: `${file}#${method}`, kind: 'route', file, exportName: method, handler: mod[method] as Reachable['handler'] });
    }
  }
  return out;
}
