// npm run bench:accounts — with DATABASE_URL naming a local PostgreSQL server.
// Creates the database touchplan_bench there (dropping an old one), seeds
// 100,000 accounts and times the account list, the re-tier preview, a
// policy change, the CSV export of all accounts and a 10,000-row CSV import
// with the production functions, against the targets from the issue. Exits 1
// if a target is missed. The database is left in place for EXPLAIN ANALYZE;
// the next run drops it.
// The npm script runs tsx with scripts/tsconfig.bench.json, which maps
// `server-only` to an empty module as vitest.config.ts does (the import steps
// are server code that says so), and with --expose-gc for the export's
// memory check.
import { measureExport } from './bench/export';
import { measureImport } from './bench/import';
import { measureAccountList } from './bench/list';
import { measurePolicyApply, measureRetierPreview } from './bench/retier';
import { runBench } from './bench/run';

// One function per measurement (scripts/bench/*.ts), each returning a Result.
runBench(async (db, seeded) => [
  await measureAccountList(db, seeded.csmIds),
  await measureRetierPreview(db),
  await measurePolicyApply(db, seeded.adminId),
  // The export before the import: it then reads exactly the 100,000 seeded accounts.
  await measureExport(db, seeded.adminId),
  await measureImport(db, seeded.adminId),
]);
