import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Which message namespaces each page's client components use, read from the
// source: the import graph from a page (or layout, or any server component
// that renders <ClientMessages ns={…}>) down to its client components, and
// the `useTranslations('namespace')` calls in everything they import. The
// test beside lib/i18n/client-messages.ts compares it with what each scope
// declares, so a page ships the messages its client code reads, and no more.

const root = path.resolve(import.meta.dirname, '..');

type Module = {
  file: string;
  directive: 'client' | 'server' | null;
  imports: string[];
  namespaces: string[];
  /** Namespaces this file's <ClientMessages ns={…}> provides, or null when it renders none. */
  declares: string[] | null;
};

const cache = new Map<string, Module>();

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: no messages of ours inside
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const stringsOf = (node: ts.Expression): string[] | null =>
  ts.isArrayLiteralExpression(node) && node.elements.every(ts.isStringLiteral) ? node.elements.map((e) => (e as ts.StringLiteral).text) : null;

export function readModule(file: string): Module {
  const known = cache.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const directiveText = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const mod: Module = {
    file,
    directive: directiveText === 'use client' ? 'client' : directiveText === 'use server' ? 'server' : null,
    imports: [],
    namespaces: [],
    declares: null,
  };
  const addImport = (spec: string) => {
    const target = resolve(file, spec);
    if (target) mod.imports.push(target);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) addImport(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      addImport(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && arg && ts.isStringLiteral(arg)) addImport(arg.text);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'useTranslations') {
        if (arg && ts.isStringLiteral(arg)) mod.namespaces.push(arg.text);
        else if (arg) throw new Error(`${path.relative(root, file)}: useTranslations needs a literal namespace, so the page knows which messages to send`);
        else mod.namespaces.push('');
      }
    } else if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText() === 'ClientMessages') {
      const ns = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === 'ns');
      const value = ns && ts.isJsxAttribute(ns) && ns.initializer && ts.isJsxExpression(ns.initializer) && ns.initializer.expression ? stringsOf(ns.initializer.expression) : null;
      if (!value) throw new Error(`${path.relative(root, file)}: <ClientMessages ns={[…]}> takes a literal list of namespaces`);
      mod.declares = [...(mod.declares ?? []), ...value];
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(file, mod);
  return mod;
}

/**
 * The namespaces the client components under `scope` read: everything
 * reachable through its server imports, from the first 'use client' module
 * down. Another scope (a server component with its own <ClientMessages>) and
 * server actions end the walk.
 */
export function namespacesUnder(scope: string, extra: string[] = []): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${client}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mod = readModule(file);
    if (mod.directive === 'server') return;
    if (!client && file !== scope && !extra.includes(file) && mod.declares) return;
    const inClient = client || mod.directive === 'client';
    if (inClient) for (const ns of mod.namespaces) used.add(ns);
    for (const target of mod.imports) walk(target, inClient);
  };
  for (const file of [scope, ...extra]) walk(file, false);
  return used;
}

/** Every page, layout and scope-rendering server component under app/ and components/. */
export function scopeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name)) {
        if (/^(page|layout)\.tsx$/.test(entry.name) || readModule(full).declares) out.push(full);
      }
    }
  };
  walk(path.join(root, 'app'));
  walk(path.join(root, 'components'));
  return out.sort();
}

/** A layout's boundary files (error, loading, not-found) render inside it. */
export function layoutCompanions(layout: string): string[] {
  const dir = path.dirname(layout);
  const names = ['error.tsx', 'loading.tsx', 'not-found.tsx', 'forbidden.tsx'];
  return names.map((n) => path.join(dir, n)).filter((f) => existsSync(f));
}

/** The layouts above a page or layout, nearest last. */
export function layoutsAbove(file: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(file);
  const appDir = path.join(root, 'app');
  if (!dir.startsWith(appDir)) return [path.join(appDir, 'layout.tsx')];
  for (;;) {
    const layout = path.join(dir, 'layout.tsx');
    if (layout !== file && existsSync(layout)) out.unshift(layout);
    if (dir === appDir) break;
    dir = path.dirname(dir);
  }
  return out;
}

export const relative = (file: string) => path.relative(root, file);
