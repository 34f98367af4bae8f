import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { isMessage } from '@/lib/i18n/message-text';
import { withDatabase } from './global-setup-integration';
import { cookieJar } from './request-context';

// Next's request APIs, backed by a jar the tests control: sessions are real
// encoded next-auth tokens, read back by the real session code.
vi.mock('next/headers', () => ({
  cookies: async () => cookieJar,
  headers: async () => new Headers({ 'accept-language': 'en' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// Actions and routes answer with each message's text in the caller's language
// (lib/i18n/message-text.ts; the doors' tests check the text). Elsewhere an
// assertion names a message by its key and values, as the code does.
const withoutText = (x: unknown) => {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || !('text' in x) || typeof x.text !== 'string') return undefined;
  const rest: Record<string, unknown> = { ...x };
  delete rest.text;
  return isMessage(rest) ? rest : undefined;
};
expect.addEqualityTesters([
  function messageKeyAndValues(a, b, testers) {
    const [bareA, bareB] = [withoutText(a), withoutText(b)];
    return bareA || bareB ? this.equals(bareA ?? a, bareB ?? b, testers) : undefined;
  },
]);

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

const serverUrl = process.env.DATABASE_URL;
const template = process.env.TOUCHPLAN_TEST_TEMPLATE;
let fileDatabase: string | undefined;

beforeAll(async () => {
  if (serverUrl && template) {
    fileDatabase = `touchplan_t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${fileDatabase} template ${template}`);
    await admin.end();
    process.env.DATABASE_URL = withDatabase(serverUrl, fileDatabase);
  } else {
    process.env.DATA_DIR = 'memory://';
  }
  // Opened (and, for PGlite, migrated) here under the hook's longer timeout, not inside a file's first test.
  await getDb();
});

afterAll(async () => {
  // A file that used the job queue stops it before its database closes.
  if ((globalThis as { __touchplanJobs?: unknown }).__touchplanJobs) await (await import('@/lib/server/jobs')).stopJobs(1000);
  await closeDb();
  if (serverUrl && fileDatabase) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${fileDatabase} with (force)`);
    await admin.end();
    process.env.DATABASE_URL = serverUrl;
  }
});
