import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './client';

const saved = process.env.DATA_DIR;
afterEach(async () => {
  await closeDb();
  process.env.DATA_DIR = saved;
});

/** Every file and folder under `dir` whose mode gives group or others any access. */
function opened(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (statSync(file).mode & 0o077) out.push(`${path.relative(dir, file)} ${(statSync(file).mode & 0o777).toString(8)}`);
      if (entry.isDirectory()) walk(file);
    }
  };
  walk(dir);
  return out;
}

describe('the embedded database folder', () => {
  it('is 0700 with nothing in it open to group or others, new or already there', { timeout: 180_000 }, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-modes-')), 'data');
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    writeFileSync(path.join(dir, 'left-over'), 'x');
    chmodSync(path.join(dir, 'left-over'), 0o666);
    process.env.DATA_DIR = dir;

    await getDb();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(dir, 'pg')).length).toBeGreaterThan(5);
    expect(opened(dir)).toEqual([]);
    await closeDb();
    expect(opened(dir)).toEqual([]);
  });
});
