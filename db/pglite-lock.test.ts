import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseLockedError, lockDataDir } from './pglite-lock';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe('lockDataDir', () => {
  it('refuses a folder another live process holds, saying what to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    children.push(other);
    writeFileSync(path.join(dir, 'touchplan.lock'), String(other.pid));
    expect(() => lockDataDir(dir)).toThrow(DatabaseLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another process .*DATA_DIR.*DATABASE_URL/);
  });

  it('takes over a lock whose process has died, and releases it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-lock-'));
    writeFileSync(path.join(dir, 'touchplan.lock'), '999999');
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'touchplan.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'touchplan.lock'))).toBe(false);
  });
});
