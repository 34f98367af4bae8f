import { assertProductionConfig, isEmbedded } from './env';

// Production refuses to run half-configured. The embedded database takes its
// lock and migrates now, so a second server on the same folder is refused at
// start rather than on a first request.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  try {
    assertProductionConfig();
    if (isEmbedded()) await (await import('@/db/client')).getDb();
    (await import('./server/sweep-overrides')).startOverrideSweep();
    // An import a crash interrupted: finished or undone before anyone starts another.
    // The embedded database is one process, so every running batch there is a crashed one.
    void (await import('./server/account-import')).recoverAtStart();
  } catch (e) {
    console.error(`\n${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  }
}
