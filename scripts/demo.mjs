// npm run demo: build, migrate and seed the embedded database, serve, and
// print how to sign in.
import { spawn, spawnSync } from 'node:child_process';
import { startNudgeReceiver } from './nudge-receiver.mjs';

const port = process.env.PORT || '3000';
const url = `http://localhost:${port}`;
// Alert nudges go to a receiver this script runs beside the app (scripts/nudge-receiver.mjs).
const nudgePort = Number(process.env.DEMO_WEBHOOK_PORT || Number(port) + 1);
const env = {
  ...process.env,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_MANUAL_SIG_HANDLE: '1',
  DEMO_WEBHOOK_URL: process.env.DEMO_WEBHOOK_URL || `http://127.0.0.1:${nudgePort}/nudges`,
};
const bin = (name) => `node_modules/.bin/${name}`;

function step(title, cmd, args) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(bin(cmd), args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

// A demo already running on this database would have its .next rebuilt under it before the seed noticed the lock.
const lock = spawnSync(bin('tsx'), ['scripts/db.ts', 'check-lock'], { stdio: 'inherit', env });
if (lock.status !== 0) process.exit(lock.status ?? 1);

if (process.env.SKIP_BUILD !== '1') step('Building the app (about two minutes the first time)', 'next', ['build']);
const seed = spawnSync(bin('tsx'), ['scripts/db.ts', 'seed'], { env, encoding: 'utf8' });
process.stdout.write(seed.stdout);
process.stderr.write(seed.stderr);
if (seed.status !== 0) process.exit(seed.status ?? 1);

const nudgeSecret = /Nudge webhook: \S+ secret (\S+)/.exec(seed.stdout)?.[1];
if (nudgeSecret && !process.env.DEMO_WEBHOOK_URL) startNudgeReceiver(nudgePort, nudgeSecret);

console.log(`\n▸ Starting the server on ${url}`);
const server = spawn(bin('next'), ['start', '-p', port], { stdio: ['ignore', 'inherit', 'inherit'], env });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

for (let i = 0; i < 120; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fetch(`${url}/login`);
    if (res.ok) break;
  } catch {
    // not up yet
  }
}
const signIns = seed.stdout.split('\n').filter((line) => /^\s+(admin|manager|csm)\s/.test(line));
console.log(`
┌──────────────────────────────────────────────────────────────
│ Touchplan is running: ${url}
│ ${process.env.DATABASE_URL ? 'Database: the PostgreSQL server in DATABASE_URL' : `Embedded database in ${process.env.DATA_DIR || '.data'}/`}
│ Sign in as (password: touchplan-demo-2026):
${signIns.map((l) => `│ ${l.trim()}`).join('\n')}
│ Stop with Ctrl+C.
└──────────────────────────────────────────────────────────────`);
