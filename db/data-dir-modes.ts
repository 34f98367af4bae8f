import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

// PGlite's initdb writes its files 0666 whatever the umask (968 of them,
// the WAL with password hashes among them). The embedded database's folder
// is the owner's alone: the folder 0700, and nothing in it readable or
// writable by group or others. Files PGlite creates later (new WAL segments)
// sit inside the 0700 folder, and are fixed again on the next open and close.

/** Takes group and other permissions off `dir` and everything in it. About a thousand files: a few milliseconds. */
export function restrictDataDir(dir: string): void {
  chmodSync(dir, 0o700);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      const mode = lstatSync(file).mode & 0o7777;
      if (mode & 0o077) chmodSync(file, mode & ~0o077);
      if (entry.isDirectory()) walk(file);
    }
  };
  walk(dir);
}
