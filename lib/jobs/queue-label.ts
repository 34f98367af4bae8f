/** A queue's name as people read it: its label in the catalogs (`jobs.queues.*`), else the name itself. */
export function queueLabel(name: string, f: { t: (key: string) => string; has: (key: string) => boolean }): string {
  const key = `jobs.queues.${name.replace(/[^a-z0-9]+/gi, '_')}`;
  return f.has(key) ? f.t(key) : name;
}
