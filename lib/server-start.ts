import { assertProductionConfig, isEmbedded } from './env';

// Production refuses to run half-configured. The embedded database takes its
// lock and migrates now, so a second server on the same folder is refused at
// start rather than on a first request. Then the job queue starts: this
// instance works jobs and runs the scheduler alongside every other instance.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  try {
    assertProductionConfig();
    if (isEmbedded()) await (await import('@/db/client')).getDb();
    await (await import('./server/jobs')).startJobs();
    // An import a crash interrupted: finished or undone before anyone starts another.
    // The embedded database is one process, so every running batch there is a crashed one.
    void (await import('./server/import-batch')).recoverAtStart();
  } catch (e) {
    console.error(`\n${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  }
  // `next start` exits at once on SIGTERM; with NEXT_MANUAL_SIG_HANDLE set
  // (npm start, the demo and e2e scripts set it) the signal is ours: running
  // jobs get up to 20 s to finish before the process exits. Without it, a job
  // cut off is retried once it expires (at-least-once delivery).
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    let stopping = false;
    // Repeats are ignored (Ctrl+C reaches both the demo script and the server, which also gets it forwarded).
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      console.log(`[server] ${signal}: stopping the job queue`);
      try {
        await (await import('./server/jobs')).stopJobs();
        await (await import('@/db/client')).closeDb();
      } catch (e) {
        console.error('[server] shutdown', e);
      }
      process.exit(0);
    };
    process.on('SIGTERM', (s) => void shutdown(s));
    process.on('SIGINT', (s) => void shutdown(s));
  }
}
