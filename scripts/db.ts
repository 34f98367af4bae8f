// npm run db:migrate | db:seed | user:create-admin
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { closeDb, getDb, migrationsFolder } from '@/db/client';
import { insertUser, emailTaken } from '@/db/queries/users';
import { writeAudit } from '@/db/queries/audit';
import { demoPassword, demoUsers, seedDemo } from '@/db/seed';
import { seedDemoUsage } from '@/lib/server/demo-usage';
import { seedDemoAlerts } from '@/lib/server/demo-alerts';
import { seedDemoCampaigns } from '@/lib/server/demo-campaigns';
import { hashPassword } from '@/lib/auth/password-hash';
import { passwordProblem } from '@/lib/auth/password-policy';
import { assertDataDirFree } from '@/db/pglite-lock';
import { databaseUrl, dataDir, isInMemory } from '@/lib/env';

async function migrate() {
  const url = databaseUrl();
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(url, { max: 1, onnotice: () => {} });
    await run(drizzle(client), { migrationsFolder });
    await client.end();
    const { installQueueSchema } = await import('@/lib/server/jobs/queue');
    await installQueueSchema({ url });
    console.log('Migrations applied to the PostgreSQL server (and the job queue schema, pgboss).');
  } else {
    await getDb(); // the embedded database migrates when it opens
    console.log(`Migrations applied to the embedded database in ${dataDir()}.`);
  }
}

async function seed() {
  const outcome = await seedDemo(await getDb());
  if (outcome === 'refused') {
    console.error('Refusing to seed: this database already holds a workspace that is not the demo. Nothing was changed.');
    process.exitCode = 1;
    return;
  }
  console.log(outcome === 'seeded' ? 'Demo workspace created.' : 'Demo workspace already present.');
  // Its product usage goes through the ingestion API, then health is worked out: the sign-ins below come after.
  const usage = await seedDemoUsage(await getDb(), (line) => console.log(line));
  if (!usage && outcome !== 'seeded') console.log('Demo usage already present; nothing changed.');
  // The Tier 3 campaigns, after the usage that holds their goal events' first uses.
  await seedDemoCampaigns(await getDb(), (line) => console.log(line));
  await seedDemoAlerts(await getDb(), (line) => console.log(line));
  console.log(`Demo sign-ins (password for all: ${demoPassword}):`);
  for (const u of demoUsers) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
}

async function createAdmin() {
  const { values } = parseArgs({ args: process.argv.slice(3), options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) throw new Error('Usage: npm run user:create-admin -- --email you@company.com --name "Your Name"');
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password for the new admin: ');
    rl.close();
  }
  const problem = passwordProblem(password, values.email);
  if (problem) throw new Error(`Password refused (${problem}): use 8–128 characters, not a common password or the email.`);
  const db = await getDb();
  if (await emailTaken(db, values.email)) throw new Error(`A user with ${values.email} already exists.`);
  const user = await insertUser(db, { email: values.email.toLowerCase(), name: values.name, role: 'admin', passwordHash: await hashPassword(password) });
  await writeAudit(db, { actorId: null, action: 'user.create', entity: 'user', entityId: user.id, after: { email: user.email, role: 'admin', source: 'cli' } });
  console.log(`Admin ${user.email} created.`);
}

/** Refuses, with the lock's message, when another process (a running demo) has the embedded database: checked before a build would replace `.next` under it. */
async function checkLock() {
  if (databaseUrl() || isInMemory()) return;
  try {
    assertDataDirFree(path.resolve(dataDir()));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}

const commands: Record<string, () => Promise<void>> = { migrate, seed, 'create-admin': createAdmin, 'check-lock': checkLock };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`Unknown command. Use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
try {
  await command();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await closeDb();
}
