// The server Playwright tests against: a production build on a database
// made fresh for the run (an embedded one in .data-e2e/, or the PostgreSQL
// database in DATABASE_URL, which must be local and named for tests).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const port = process.env.E2E_PORT || '3100';
const env = { ...process.env, NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: '1' };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (env.DATABASE_URL) {
  const url = new URL(env.DATABASE_URL);
  const local = ['localhost', '127.0.0.1', '[::1]', ''].includes(url.hostname);
  if (!local || !/(test|e2e|ci)/i.test(url.pathname)) {
    console.error(`Refusing to wipe ${url.hostname}${url.pathname}: e2e needs a local database whose name says test, e2e or ci.`);
    process.exit(1);
  }
  env.NEXTAUTH_SECRET ||= 'e2e-only-secret-e2e-only-secret-e2e-only';
  run('node', ['scripts/reset-database.mjs']);
  run('node_modules/.bin/tsx', ['scripts/db.ts', 'migrate']);
} else {
  env.DATA_DIR = '.data-e2e';
  rmSync(env.DATA_DIR, { recursive: true, force: true });
}
if (!existsSync('.next/BUILD_ID')) run('node_modules/.bin/next', ['build']);
run('node_modules/.bin/tsx', ['scripts/db.ts', 'seed']);

// The server emails shared content to an SMTP server that the content spec
// starts on this port for its own run (E2E_PORT + 25, so parallel runs do not
// collide). Only the server knows it: the seed above sends nothing. While no
// spec listens, a share's emails fail per recipient and nothing else notices.
const smtpPort = Number(port) + 25;
const serverEnv = { ...env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: 'Touchplan e2e <no-reply@e2e.example>' };
const server = spawn('node_modules/.bin/next', ['start', '-p', port], { stdio: 'inherit', env: serverEnv });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
