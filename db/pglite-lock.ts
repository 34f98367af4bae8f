import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

// PGlite is one process per folder: a second process writing the same files
// corrupts them. A lock file holding the owner's pid turns that into a clear
// refusal; a lock left by a process that has died is taken over.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DatabaseLockedError extends Error {}

const lockFile = (dir: string) => path.join(dir, 'touchplan.lock');

/** The pid of another live process holding `dir`, else null (no lock, a stale one, or ours). */
export function dataDirHolder(dir: string): number | null {
  let owner: number;
  try {
    owner = Number(readFileSync(lockFile(dir), 'utf8'));
  } catch {
    return null;
  }
  return owner && owner !== process.pid && isAlive(owner) ? owner : null;
}

const inUse = (dir: string, owner: number) =>
  new DatabaseLockedError(
    `The embedded database in ${dir} is in use by another process (pid ${owner}). ` +
      'Stop that process first, or point DATA_DIR at another folder, or set DATABASE_URL to use a PostgreSQL server.',
  );

/** Throws the lock refusal when another live process holds `dir`, without taking the lock (for checks before long work). */
export function assertDataDirFree(dir: string): void {
  const owner = dataDirHolder(dir);
  if (owner !== null) throw inUse(dir, owner);
}

export function lockDataDir(dir: string): () => void {
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = dataDirHolder(dir);
      if (owner !== null) throw inUse(dir, owner);
      unlinkSync(file); // stale: its owner is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock ${dir}.`);
}
