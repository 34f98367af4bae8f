// Client components get only the messages they read: a page names the
// namespaces its client components use (`<ClientMessages ns={…}>`), and only
// those parts of the catalog travel to the browser. tests/client-scopes.ts
// reads the source to check each page's list.

type Tree = { [key: string]: string | Tree };

/** The parts of `messages` at each dotted path ("programs.form" keeps only that branch of "programs"). */
export function pickMessages(messages: object, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const p of paths) {
    const keys = p.split('.');
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === 'object' ? (from as Tree)[k] : undefined;
    if (from === undefined) throw new Error(`No messages at "${p}"`);
    let to = out;
    keys.slice(0, -1).forEach((k) => {
      const next = to[k];
      to = to[k] = typeof next === 'object' ? { ...next } : {}; // a copy: never write into the catalog
    });
    to[keys.at(-1)!] = from as Tree;
  }
  return out;
}

/** `extra` laid over `base`, branch by branch: a page's namespaces over its layouts'. */
export function mergeMessages(base: object, extra: object): Tree {
  const out: Tree = { ...(base as Tree) };
  for (const [k, v] of Object.entries(extra as Tree)) {
    const prev = out[k];
    out[k] = typeof v === 'object' && typeof prev === 'object' ? mergeMessages(prev, v) : v;
  }
  return out;
}
