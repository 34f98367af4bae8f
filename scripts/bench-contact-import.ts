// npm run bench:contact-import — a 10,000-row contact CSV import against
// 100,000 accounts and 300,000 contacts, with the production functions.
// With DATABASE_URL naming a local PostgreSQL server: creates the database
// touchplan_bench there (dropping an old one), as bench:accounts does.
// With BENCH_DB=pglite instead (and no DATABASE_URL): an embedded database in
// a fresh temporary folder, so the import runs in the embedded database's
// short chunks. Exits 1 if an import takes over 10 s.
import { runBench } from './bench/run';
import { measureContactImport, seedContacts } from './bench/contact-import';
import { timed } from './bench/measure';

runBench(async (db, seeded) => {
  const { ms, value: contacts } = await timed(() => seedContacts(db));
  console.log(`Seeded ${contacts.toLocaleString('en')} contacts in ${(ms / 1000).toFixed(1)} s`);
  return [await measureContactImport(db, seeded.adminId)];
});
