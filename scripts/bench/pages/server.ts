import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { installQueueSchema } from '@/lib/server/jobs/queue';

export type Server = { baseUrl: string; stop: () => void };

/** `next start` on the bench database, as production runs it; needs a build (`npx next build`). */
export async function startServer(databaseUrl: string, port: number): Promise<Server> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npx next build` first (or pass --url to time a running server).');
  const baseUrl = `http://127.0.0.1:${port}`;
  await installQueueSchema({ url: databaseUrl }); // as `npm run db:migrate` does: the app refuses to start without it
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || 'bench-only-secret-bench-only-secret-bench',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const stop = () => void child.kill('SIGTERM');
  process.on('exit', stop);
  for (let waited = 0; waited < 120_000; waited += 500) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const up = await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false);
    if (up) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`next start did not answer on ${baseUrl} within 2 minutes`);
}
