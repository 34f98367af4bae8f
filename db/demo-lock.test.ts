import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run demo` beside a running demo must stop before it builds: a build
// replaces .next under the running server. The demo script runs here in a
// copy of the project whose `next` only records that it was called.

const root = path.resolve(import.meta.dirname, '..');
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

function fakeProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-demo-'));
  for (const name of ['scripts', 'db', 'lib', 'tsconfig.json', 'package.json']) symlinkSync(path.join(root, name), path.join(dir, name));
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules', '.bin', 'tsx'), path.join(dir, 'node_modules', '.bin', 'tsx'));
  const next = path.join(dir, 'node_modules', '.bin', 'next');
  writeFileSync(next, `#!/bin/sh\necho "$@" >> "${path.join(dir, 'next-calls')}"\nexit 1\n`);
  chmodSync(next, 0o755);
  return dir;
}

describe('npm run demo beside a running demo', () => {
  it('says the database is in use and builds nothing', { timeout: 60_000 }, () => {
    const project = fakeProject();
    const data = path.join(project, 'data');
    mkdirSync(data);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(holder);
    writeFileSync(path.join(data, 'touchplan.lock'), String(holder.pid));

    const demo = spawnSync(process.execPath, [path.join(project, 'scripts', 'demo.mjs')], {
      cwd: project,
      env: { ...process.env, DATA_DIR: data, DATABASE_URL: '', PORT: '3999' },
      encoding: 'utf8',
    });
    expect(demo.status).toBe(1);
    expect(demo.stderr).toContain(`is in use by another process (pid ${holder.pid})`);
    expect(() => readFileSync(path.join(project, 'next-calls'), 'utf8')).toThrow();
  });
});
