// Empties the database in DATABASE_URL (tables, types, migration history, the job queue).
// Only e2e-server.mjs calls it, after checking the database is a local test one.
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
await sql.unsafe('drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; drop schema if exists public cascade; create schema public;');
await sql.end();
