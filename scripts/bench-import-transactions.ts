// npm run bench:import-transactions — on the embedded database (in memory:
// DATA_DIR=memory://bench) or on PostgreSQL (DATABASE_URL, a fresh
// touchplan_bench as the other benchmarks). Seeds 100,000 accounts, plans a
// file of IMPORT_ROWS (default 100,000; half updates, half new accounts) and
// writes it with the production importAccounts, timing every transaction it
// opens. On the embedded database a transaction holds the only connection,
// so its length is how long every other request waits: the target is
// ≤ 250 ms for each (TARGET_MS). Exits 1 if one is longer.
import { availableParallelism, loadavg } from 'node:os';
import { prepareImport, runImportInput } from '@/app/(workspace)/accounts/import/prepare-import';
import { getDb, type Db } from '@/db/client';
import { databaseUrl } from '@/lib/env';
import { finishImport, importAccounts, importChunking } from '@/lib/server/account-import';
import { createBenchDatabase, localServerUrl } from './bench/database';
import { importCsv } from './bench/import';
import { ms, percentile } from './bench/measure';
import { seedAccounts } from './bench/seed';

const rows = Number(process.env.IMPORT_ROWS ?? 100_000);
const targetMs = Number(process.env.TARGET_MS ?? 250);

/** The database with every transaction timed, in the order they ran. */
function timedTransactions(db: Db, times: number[]): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return async (...args: Parameters<Db['transaction']>) => {
        const start = performance.now();
        try {
          return await target.transaction(...args);
        } finally {
          times.push(performance.now() - start);
        }
      };
    },
  });
}

async function main() {
  const bench = databaseUrl() ? await createBenchDatabase(localServerUrl(process.env.DATABASE_URL)) : { db: await getDb(), close: async () => {} };
  try {
    const seeded = await seedAccounts(bench.db, 100_000);
    const bytes = await importCsv(bench.db, 1, rows);
    const input = runImportInput.parse({ file: new File([bytes], 'bench.csv', { type: 'text/csv' }), mode: 'all' });
    const { writes, policy } = await prepareImport(bench.db, input);
    console.log(
      `${databaseUrl() ? 'PostgreSQL' : 'Embedded database'}, ${availableParallelism()} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}: ` +
        `${writes.creates.length.toLocaleString('en')} new and ${writes.updates.length.toLocaleString('en')} changed accounts`,
    );
    const times: number[] = [];
    const start = performance.now();
    const db = timedTransactions(bench.db, times);
    const batchId = await importAccounts(db, writes, { actorId: seeded.adminId, policyVersion: policy.version, audit: {} });
    await db.transaction((tx) => finishImport(tx, batchId));
    const worst = Math.max(...times);
    const staging = Math.ceil((writes.creates.length + writes.updates.length) / importChunking().stageRows);
    const most = (list: number[]) => ms(Math.max(...list));
    console.log(`staging: ${staging} transactions, longest ${most(times.slice(0, staging))}; start of applying (checks + first chunk): ${ms(times[staging]!)}; applying: longest ${most(times.slice(staging + 1))}`);
    console.log(
      `${times.length} transactions in ${ms(performance.now() - start)}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, ` +
        `longest ${ms(worst)} (#${times.indexOf(worst) + 1}); target each ≤ ${ms(targetMs)}`,
    );
    if (worst > targetMs) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
