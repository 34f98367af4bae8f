import { describe, expect, it } from 'vitest';
import { layoutCompanions, layoutsAbove, namespacesUnder, readModule, relative, scopeFiles } from '@/tests/client-scopes';
import { loadMessages } from './messages';
import { pickMessages } from './pick-messages';

// Each page sends the browser only the messages its client components read
// (<ClientMessages ns={…}>, on top of its layouts'). This
// reads the source: a client component that starts using a namespace fails
// here until its page lists it, and a page listing one nothing reads fails too.

const declared = (file: string): string[] => readModule(file).declares ?? [];
const covers = (given: string, needed: string) => needed === given || needed.startsWith(`${given}.`);

describe('client messages per page', () => {
  const scopes = scopeFiles();

  it.each(scopes.map((f) => [relative(f), f]))('%s sends exactly what its client components read', (_, file) => {
    const needed = [...namespacesUnder(file, file.endsWith('layout.tsx') ? layoutCompanions(file) : [])].filter((ns) => ns !== '');
    const above = layoutsAbove(file).flatMap(declared);
    const own = declared(file);
    const missing = needed.filter((ns) => ![...above, ...own].some((g) => covers(g, ns)));
    const unused = own.filter((g) => !needed.some((ns) => covers(g, ns)) || above.some((a) => covers(a, g)));
    expect({ missing, unused }, `${relative(file)} reads ${JSON.stringify(needed.sort())}`).toEqual({ missing: [], unused: [] });
  });

  it('finds the pages, and every namespace a page names is in the catalog', async () => {
    expect(scopes.length).toBeGreaterThan(40);
    const messages = await loadMessages('en');
    for (const file of scopes) expect(() => pickMessages(messages, declared(file))).not.toThrow();
  });
});
