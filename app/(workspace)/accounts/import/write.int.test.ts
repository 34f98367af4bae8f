import { count, eq, inArray, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import { accounts, auditLog, importBatches, importRows, tierHistory } from '@/db/schema';
import { ActionError } from '@/lib/actions/result';
import { databaseUrl } from '@/lib/env';
import { changedSinceStaged } from '@/db/queries/import-batches';
import { finishImport, importAccounts, recoverImports, type ImportChunking } from '@/lib/server/account-import';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { runImport } from './actions';
import { prepareImport, previewImportInput } from './prepare-import';

// The import written in short transactions (lib/server/account-import.ts):
// the same end state in chunks, all or nothing across failures and crashes,
// one import at a time, and other queries served while it runs.

let manager: PublicUser;
beforeEach(async () => {
  manager = await createUser('manager');
});

const tag = () => randomBytes(4).toString('hex');
const never = () => new Promise<void>(() => {});

/** A file creating `creates` accounts and changing every one of `existing` (the ARR moves their tier). */
function csv(t: string, creates: number, existing: { name: string; domain: string }[] = []): string {
  const lines = Array.from({ length: creates }, (_, i) => `New ${i},new-${i}-${t}.example,${(i % 7) * 4_000_000},70,12,high`);
  for (const a of existing) lines.push(`${a.name},${a.domain},90000000,70,12,high`);
  return `name,domain,arr,gross_margin_pct,annual_churn_pct,growth_potential\n${lines.join('\n')}\n`;
}

async function plan(content: string) {
  const db = await getDb();
  const { preview, writes, policy } = await prepareImport(db, previewImportInput.parse({ file: new File([content], 'a.csv') }));
  return { writes, policy, audit: { file: 'a.csv', rows: preview.totalRows } };
}

/** Writes a planned file as runImport does, with the given chunks. */
async function write(content: string, chunking: ImportChunking) {
  const db = await getDb();
  const { writes, policy, audit } = await plan(content);
  const batchId = await importAccounts(db, writes, { actorId: manager.id, policyVersion: policy.version, audit }, chunking);
  await db.transaction((tx) => finishImport(tx, batchId));
  return batchId;
}

const db = () => getDb();
const accountsLike = async (pattern: string) =>
  (await db()).select().from(accounts).where(sql`${accounts.domain} like ${pattern}`).orderBy(accounts.name);
const historyOf = async (ids: number[]) =>
  ids.length ? (await db()).select().from(tierHistory).where(inArray(tierHistory.accountId, ids)).orderBy(tierHistory.accountId, tierHistory.id) : [];
const importAudits = async () => (await (await db()).select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'account.import')))[0]!.n;
const stagedCount = async () => (await (await db()).select({ n: count() }).from(importRows))[0]!.n;
const batchState = async (id: number) => (await (await db()).select({ state: importBatches.state }).from(importBatches).where(eq(importBatches.id, id)))[0]?.state;
const lastBatch = async () => (await (await db()).select().from(importBatches).orderBy(sql`${importBatches.id} desc`).limit(1))[0]!;

/** What a user sees of the accounts and their tier history, without ids, tags and times. */
async function endState(t: string) {
  const rows = await accountsLike(`%-${t}.example`);
  const history = await historyOf(rows.map((r) => r.id));
  const strip = (s: string) => s.replaceAll(t, 'T');
  return {
    accounts: rows.map((r) => ({ ...r, id: 0, name: strip(r.name), domain: strip(r.domain), domainLower: strip(r.domainLower), nameLower: strip(r.nameLower), createdAt: 0, updatedAt: 0 })),
    history: history.map((h) => ({ ...h, id: 0, at: 0, accountId: rows.findIndex((r) => r.id === h.accountId) })).sort((x, y) => x.accountId - y.accountId),
  };
}

describe('an import in short transactions', () => {
  it('ends in the same state applied in chunks of 13 rows as in one', async () => {
    const [one, chunked] = [tag(), tag()];
    for (const t of [one, chunked]) {
      const old = await Promise.all([0, 1, 2].map((i) => createAccount({ name: `Old ${i}`, domain: `old-${i}-${t}.example`, arr: '1000' })));
      await write(csv(t, 120, old), t === one ? { stageRows: 1000, applyRows: Infinity } : { stageRows: 17, applyRows: 13 });
    }
    const [a, b] = [await endState(one), await endState(chunked)];
    expect(a.accounts).toHaveLength(123);
    expect(a.history).toHaveLength(123);
    expect(b).toEqual(a);
    expect(await stagedCount()).toBe(0);
  });

  it('changes nothing when the process stops while staging, once recovered', async () => {
    const t = tag();
    const old = await createAccount({ domain: `old-${t}.example`, arr: '1000' });
    const audits = await importAudits();
    void write(csv(t, 100, [old]), { stageRows: 10, applyRows: 20, afterChunk: (phase, i) => (phase === 'stage' && i === 3 ? never() : undefined) });
    await expect.poll(stagedCount).toBe(40);
    const batch = await lastBatch();
    expect(batch.state).toBe('staging');

    await recoverImports(await db(), 0);
    expect(await batchState(batch.id)).toBe('failed');
    expect(await stagedCount()).toBe(0);
    expect(await accountsLike(`%-${t}.example`)).toEqual([expect.objectContaining({ id: old.id, arr: '1000.00', version: old.version })]);
    expect(await importAudits()).toBe(audits);
    // The workspace is free again.
    await write(csv(t, 100, [old]), { stageRows: 10, applyRows: 20 });
    expect(await accountsLike(`%-${t}.example`)).toHaveLength(101);
  });

  it('applies all of it, tier history and audit row once, when it fails half-way through applying and is recovered', async () => {
    const t = tag();
    const old = await Promise.all([0, 1].map((i) => createAccount({ domain: `old-${i}-${t}.example`, arr: '1000' })));
    const audits = await importAudits();
    const failing = write(csv(t, 100, old), { stageRows: 25, applyRows: 20, afterChunk: (phase, i) => {
      if (phase === 'apply' && i === 2) throw new Error('injected');
    } });
    await expect(failing).rejects.toThrow('injected');
    const batch = await lastBatch();
    // On the embedded database this is what another user could see for a moment: the first chunks.
    expect(batch).toMatchObject({ state: 'applying', appliedThrough: 60, rows: 102 });
    expect(await accountsLike(`new-%-${t}.example`)).toHaveLength(60);

    await recoverImports(await db(), 0);
    await recoverImports(await db(), 0);
    expect(await batchState(batch.id)).toBe('done');
    const rows = await accountsLike(`%-${t}.example`);
    expect(rows).toHaveLength(102);
    expect(rows.filter((r) => r.domain.startsWith('old-')).map((r) => r.arr)).toEqual(['90000000.00', '90000000.00']);
    // One history row per new account and per account whose tier moved, not one more.
    const history = await historyOf(rows.map((r) => r.id));
    expect(history).toHaveLength(102);
    expect(new Set(history.map((h) => h.accountId)).size).toBe(102);
    expect(await importAudits()).toBe(audits + 1);
    expect(await stagedCount()).toBe(0);
  });

  it('refuses, changing nothing, when someone saves an account while the file is staged', async () => {
    const t = tag();
    const old = await createAccount({ domain: `old-${t}.example`, arr: '1000' });
    const d = await db();
    const attempt = write(csv(t, 50, [old]), { stageRows: 10, applyRows: 20, afterChunk: async (phase, i) => {
      if (phase === 'stage' && i === 1) await d.update(accounts).set({ arr: '3000', version: old.version + 1 }).where(eq(accounts.id, old.id));
    } });
    await expect(attempt).rejects.toEqual(new ActionError({ key: 'import.errors.changedMeanwhile' }));
    expect(await accountsLike(`%-${t}.example`)).toEqual([expect.objectContaining({ id: old.id, arr: '3000.00' })]);
    expect((await lastBatch()).state).toBe('failed');
    expect(await stagedCount()).toBe(0);
  });

  // 50 new accounts and the old one last: 6 staging chunks (the last is index 5), apply chunks of 20.
  it('refuses, changing nothing, when someone saves an account of the file after it is all staged', async () => {
    const t = tag();
    const old = await createAccount({ domain: `old-${t}.example`, arr: '1000' });
    const d = await db();
    const attempt = write(csv(t, 50, [old]), { stageRows: 10, applyRows: 20, afterChunk: async (phase, i) => {
      if (phase === 'stage' && i === 5) await d.update(accounts).set({ arr: '3000', version: old.version + 1 }).where(eq(accounts.id, old.id));
    } });
    await expect(attempt).rejects.toEqual(new ActionError({ key: 'import.errors.changedMeanwhile' }));
    expect(await accountsLike(`%-${t}.example`)).toEqual([expect.objectContaining({ id: old.id, arr: '3000.00' })]);
    expect(await stagedCount()).toBe(0);
  });

  it("refuses, changing nothing, when someone creates an account with a new row's domain after it is staged", async () => {
    const t = tag();
    const attempt = write(csv(t, 50), { stageRows: 10, applyRows: 20, afterChunk: async (phase, i) => {
      if (phase === 'stage' && i === 4) await createAccount({ name: 'Taken', domain: `NEW-45-${t}.example` });
    } });
    await expect(attempt).rejects.toEqual(new ActionError({ key: 'import.errors.changedMeanwhile' }));
    expect((await accountsLike(`%-${t}.example`)).map((a) => a.name)).toEqual(['Taken']);
    expect(await stagedCount()).toBe(0);
  });

  it('finds the clash by reading every staged row when too many accounts changed to look up one by one', async () => {
    const t = tag();
    const old = await createAccount({ domain: `old-${t}.example`, arr: '1000' });
    const d = await db();
    const found: boolean[] = [];
    await write(csv(t, 20, [old]), { stageRows: 10, applyRows: 20, afterChunk: async (phase, i) => {
      if (phase !== 'stage' || i !== 2) return;
      const batch = await lastBatch();
      found.push(await changedSinceStaged(d, batch.id, 0), await changedSinceStaged(d, batch.id));
      await createAccount({ domain: `other-${t}.test` });
      found.push(await changedSinceStaged(d, batch.id, 0), await changedSinceStaged(d, batch.id));
      await createAccount({ domain: `NEW-3-${t}.example` });
      found.push(await changedSinceStaged(d, batch.id, 0), await changedSinceStaged(d, batch.id));
      await d.execute(sql`delete from ${accounts} where domain = ${`NEW-3-${t}.example`}`);
    } });
    expect(found).toEqual([false, false, false, false, true, true]);
  });

  it('goes ahead when accounts outside the file are saved while it is staged', async () => {
    const t = tag();
    const [old, other] = await Promise.all([`old-${t}`, `other-${t}`].map((d) => createAccount({ domain: `${d}.test`, arr: '1000' })));
    const d = await db();
    await write(csv(t, 50, [old!]), { stageRows: 10, applyRows: 20, afterChunk: async (phase, i) => {
      if (phase === 'stage' && i < 6) await d.update(accounts).set({ arr: String(2000 + i), version: sql`${accounts.version} + 1` }).where(eq(accounts.id, other!.id));
      if (phase === 'stage' && i === 5) await createAccount({ domain: `elsewhere-${t}.test` });
    } });
    expect(await accountsLike(`%-${t}.example`)).toHaveLength(50);
    expect((await accountsLike(`old-${t}.test`))[0]!.arr).toBe('90000000.00');
  });

  it('refuses a second import while one runs, with a message', async () => {
    const [t1, t2] = [tag(), tag()];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = write(csv(t1, 30), { stageRows: 10, applyRows: 10, afterChunk: (phase, i) => (phase === 'stage' && i === 0 ? held : undefined) });
    await expect.poll(stagedCount).toBe(10);

    await signInAs(manager);
    const second = await runImport(null, (() => {
      const form = new FormData();
      form.set('file', new File([csv(t2, 5)], 'b.csv'));
      form.set('mode', 'all');
      return form;
    })());
    expect(second).toEqual({ ok: false, error: { key: 'import.errors.alreadyRunning' } });
    release();
    await first;
    expect(await accountsLike(`%-${t1}.example`)).toHaveLength(30);
    expect(await accountsLike(`%-${t2}.example`)).toHaveLength(0);
  });

  // The embedded database runs SQL on Node's main thread. On PostgreSQL the apply is one statement
  // on a server that does not block readers; what can wait there is the event loop, while the file is
  // checked (the test of checking a long file in actions.int.test.ts).
  it.runIf(!databaseUrl())('lets other queries run while it writes a long file', async () => {
    const t = tag();
    const content = csv(t, 4000);
    await signInAs(manager);
    const form = new FormData();
    form.set('file', new File([content], 'long.csv'));
    form.set('mode', 'all');
    const d = await db();
    let done = false;
    const started = performance.now();
    const importing = runImport(null, form).finally(() => (done = true));
    // Another user's query every 5 ms: the longest one waited, for the event loop or the database.
    let longestWait = 0;
    let last = performance.now();
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await d.execute(sql`select count(*) from accounts`);
      longestWait = Math.max(longestWait, performance.now() - last);
      last = performance.now();
    }
    expect(await importing).toMatchObject({ ok: true, data: { created: 4000 } });
    const total = performance.now() - started;
    // Written in one transaction, a query waited for the whole write phase (3.4 s of 4.1 s measured); in chunks, for one chunk.
    expect(longestWait).toBeLessThan(total / 3);
  }, 120_000);
});
