import { count, eq, sql } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import { accounts, contacts, importBatches } from '@/db/schema';
import { insertContact } from '@/db/queries/contacts';
import { createAccount } from '@/tests/accounts';
import { auditRows, lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { GET as template } from '../template/route';
import { POST } from './route';

// The contact import end to end through its door, the upload route: what
// the preview reports, what a run writes (all or nothing, or only the valid
// rows), Shift_JIS files, importing the same file twice, and a CSM's rows on
// a colleague's account.

let csm: PublicUser;
let otherCsm: PublicUser;
let manager: PublicUser;

beforeEach(async () => {
  csm = await createUser('csm');
  otherCsm = await createUser('csm');
  manager = await createUser('manager');
});

const tag = () => randomBytes(4).toString('hex');

type Reply = { ok: boolean; data?: Record<string, unknown>; error?: { key: string; values?: Record<string, unknown> } };

/** A multipart POST as the browser sends it, as `user`. */
async function post(user: PublicUser | null, file: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}) {
  await signInAs(user);
  const data = new FormData();
  data.set('file', new File([file], 'contacts.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  const encoded = new Request('http://localhost/x', { method: 'POST', body: data });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const response = await POST(
    new Request('http://localhost/contacts/import/upload', {
      method: 'POST',
      body,
      headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length), origin: 'http://localhost' },
    }),
  );
  return { status: response.status, json: (await response.json()) as Reply };
}

const preview = (user: PublicUser, file: string | Uint8Array<ArrayBuffer>) => post(user, file, { intent: 'preview' });
const run = (user: PublicUser, file: string | Uint8Array<ArrayBuffer>, mode: 'all' | 'validOnly' = 'all') => post(user, file, { intent: 'run', mode });

const contactCount = async () => (await (await getDb()).select({ n: count() }).from(contacts))[0]!.n;
const byEmail = async (email: string) => (await (await getDb()).select().from(contacts).where(sql`lower(${contacts.email}) = ${email.toLowerCase()}`))[0];

describe('preview', () => {
  it('lists every bad row with its line, column and reason, and writes nothing', async () => {
    const t = tag();
    const account = await createAccount({ ownerId: csm.id, domain: `p-${t}.example`, externalId: `P-${t}` });
    const before = await contactCount();
    const csv = [
      'Name,Email,Roles,Account ID',
      `Good,good-${t}@p-${t}.example,champion,`,
      `,blank-${t}@p-${t}.example,,`,
      `Boss,boss-${t}@p-${t}.example,boss,`,
      `Nowhere,n-${t}@nowhere-${t}.example,,`,
      `Wrong id,w-${t}@x.example,,NOPE-${t}`,
      `Again,GOOD-${t}@p-${t}.example,,P-${t}`,
    ].join('\n');
    const { status, json } = await preview(csm, csv);
    expect(status).toBe(200);
    expect(json.data).toMatchObject({ totalRows: 6, toCreate: 1, toUpdate: 0, invalidRows: 5 });
    const errors = json.data!.errors as { line: number; column: string; message: { key: string } }[];
    expect(errors.map((e) => [e.line, e.column, e.message.key])).toEqual([
      [3, 'Name', 'validation.required'],
      [4, 'Roles', 'import.errors.unknownRole'],
      [5, 'Email', 'import.errors.noAccountForEmail'],
      [6, 'Account ID', 'import.errors.noAccountWithId'],
      [7, 'Email', 'import.errors.duplicateInFile'],
    ]);
    expect(await contactCount()).toBe(before);
    expect(account.id).toBeGreaterThan(0);
  });
});

describe('run', () => {
  it('writes nothing when any row is bad, and only the valid rows when asked to', async () => {
    const t = tag();
    await createAccount({ ownerId: csm.id, domain: `r-${t}.example` });
    const csv = ['name,email,title', `A,a-${t}@r-${t}.example,CTO`, `B,b-${t}@unknown-${t}.example,`, `C,c-${t}@r-${t}.example,`].join('\n');
    const before = await contactCount();
    const refused = await run(csm, csv);
    expect(refused).toEqual({ status: 400, json: { ok: false, error: { key: 'import.errors.rowsHaveErrors', values: { rows: 1 } } } });
    expect(await contactCount()).toBe(before);
    expect(await auditRows('contact.import')).toHaveLength(0);

    const done = await run(csm, csv, 'validOnly');
    expect(done.json).toEqual({ ok: true, data: { created: 2, updated: 0, unchanged: 0, skipped: 1 } });
    expect(await contactCount()).toBe(before + 2);
    expect(await byEmail(`a-${t}@r-${t}.example`)).toMatchObject({ name: 'A', title: 'CTO', active: true, noProgramEmails: false, createdBy: csm.id });
    expect(await byEmail(`b-${t}@unknown-${t}.example`)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({
      action: 'contact.import',
      actorId: csm.id,
      after: { file: 'contacts.csv', mode: 'validOnly', rows: 3, created: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
    // The batch is done and its staged rows are gone.
    const [batch] = await (await getDb()).select().from(importBatches).orderBy(sql`${importBatches.id} desc`).limit(1);
    expect(batch).toMatchObject({ kind: 'contact', state: 'done', policyVersion: null });
  });

  it('reads a Shift_JIS file with Japanese headers as Japanese Excel saves it', async () => {
    const account = await createAccount({ ownerId: csm.id, domain: 'sjis-contacts.example.jp', externalId: 'SJIS-CONTACTS-1' });
    const bytes = new Uint8Array(await readFile(new URL('../../../../../tests/fixtures/contacts-ja-shift_jis.csv', import.meta.url)));
    const shown = await preview(csm, bytes);
    expect(shown.json.data).toMatchObject({ encoding: 'shift_jis', totalRows: 2, toCreate: 2, invalidRows: 0 });
    expect((shown.json.data!.columns as { header: string; column: string }[]).map((c) => [c.header, c.column])).toEqual([
      ['氏名', 'name'],
      ['メールアドレス', 'email'],
      ['役職', 'title'],
      ['ロール', 'roles'],
      ['言語', 'language'],
      ['メール配信停止', 'no_program_emails'],
      ['備考', 'notes'],
      ['有効', 'active'],
      ['取引先ID', 'account_external_id'],
    ]);
    expect((await run(csm, bytes)).json).toMatchObject({ ok: true, data: { created: 2 } });
    expect(await byEmail('hanako.yamada@sjis-contacts.example.jp')).toMatchObject({
      accountId: account.id,
      name: '山田 花子',
      email: 'hanako.yamada@sjis-contacts.example.jp',
      title: '情報システム部 部長',
      roles: ['champion', 'admin'],
      language: 'ja',
      noProgramEmails: false,
      notes: 'キーパーソン①',
      active: true,
    });
    expect(await byEmail('ichiro.takahashi@sjis-contacts.example.jp')).toMatchObject({ name: '髙橋 一郎', roles: ['billing'], noProgramEmails: true });
  });

  it('updates the contact with the same email (any case), and importing the same file again changes nothing', async () => {
    const t = tag();
    const account = await createAccount({ ownerId: csm.id, domain: `i-${t}.example` });
    const id = await insertContact(await getDb(), { accountId: account.id, name: 'Taro', email: `taro-${t}@i-${t}.example`, roles: ['admin'], notes: 'kept' });
    const csv = ['name,email,title,roles', `Taro Yamada,TARO-${t}@I-${t}.example,CIO,"admin, champion"`, `Jiro,jiro-${t}@i-${t}.example,,end user`].join('\n');
    expect((await run(manager, csv)).json).toEqual({ ok: true, data: { created: 1, updated: 1, unchanged: 0, skipped: 0 } });
    const updated = await byEmail(`taro-${t}@i-${t}.example`);
    // Columns the file does not have (notes) keep their value.
    expect(updated).toMatchObject({ id, name: 'Taro Yamada', title: 'CIO', roles: ['champion', 'admin'], notes: 'kept', version: 2 });
    const count = await contactCount();

    expect((await preview(manager, csv)).json.data).toMatchObject({ toCreate: 0, toUpdate: 2, unchanged: 2 });
    expect((await run(manager, csv)).json).toEqual({ ok: true, data: { created: 0, updated: 0, unchanged: 2, skipped: 0 } });
    expect(await contactCount()).toBe(count);
    expect(await byEmail(`taro-${t}@i-${t}.example`)).toMatchObject({ version: 2 });
  });

  it("lets a CSM import for their own accounts only: a colleague's account is a bad row", async () => {
    const t = tag();
    await createAccount({ ownerId: csm.id, domain: `mine-${t}.example` });
    const theirs = await createAccount({ ownerId: otherCsm.id, domain: `theirs-${t}.example`, name: `Theirs ${t}` });
    const csv = ['name,email', `Mine,m-${t}@mine-${t}.example`, `Theirs,x-${t}@theirs-${t}.example`].join('\n');
    const before = await contactCount();

    const shown = await preview(csm, csv);
    expect(shown.json.data).toMatchObject({ toCreate: 1, invalidRows: 1 });
    expect(shown.json.data!.errors).toEqual([
      { line: 3, column: 'email', value: `x-${t}@theirs-${t}.example`, message: { key: 'import.errors.notYourAccount', values: { account: theirs.name } } },
    ]);
    expect((await run(csm, csv)).json).toMatchObject({ ok: false, error: { key: 'import.errors.rowsHaveErrors' } });
    expect(await contactCount()).toBe(before);
    expect((await run(csm, csv, 'validOnly')).json).toMatchObject({ ok: true, data: { created: 1, skipped: 1 } });
    expect(await byEmail(`x-${t}@theirs-${t}.example`)).toBeUndefined();

    // A manager imports for any account.
    expect((await run(manager, csv)).json).toMatchObject({ ok: true, data: { created: 1, unchanged: 1 } });
    expect((await byEmail(`x-${t}@theirs-${t}.example`))?.accountId).toBe(theirs.id);
  });

  it('refuses the import when a contact it updates was saved after the check', async () => {
    const t = tag();
    const account = await createAccount({ ownerId: csm.id, domain: `c-${t}.example` });
    const id = await insertContact(await getDb(), { accountId: account.id, name: 'Hana', email: `hana-${t}@c-${t}.example` });
    const { prepareContactImport, contactImportInputs } = await import('../prepare-contact-import');
    const { writeImport } = await import('@/lib/server/import-batch');
    const { stagedContact } = await import('@/db/queries/contact-import');
    const input = contactImportInputs.preview.parse({ file: new File([`name,email\nHana Sato,hana-${t}@c-${t}.example\n`], 'c.csv') });
    const { writes } = await prepareContactImport(await getDb(), csm, input);
    await (await getDb()).update(contacts).set({ title: 'Saved meanwhile', version: sql`${contacts.version} + 1` }).where(eq(contacts.id, id));
    await expect(writeImport(await getDb(), 'contact', writes.updates.map(stagedContact), { actorId: csm.id, audit: {} })).rejects.toMatchObject({
      error: { key: 'import.errors.contactsChangedMeanwhile' },
    });
    expect(await byEmail(`hana-${t}@c-${t}.example`)).toMatchObject({ name: 'Hana', title: 'Saved meanwhile' });
  });
});

describe("an account that changes hands while a CSM's file is staged", () => {
  it('refuses the import, changing nothing, though each chunk was checked as it was staged', async () => {
    const t = tag();
    const account = await createAccount({ ownerId: csm.id, domain: `s-${t}.example` });
    const { prepareContactImport, contactImportInputs } = await import('../prepare-contact-import');
    const { writeImport } = await import('@/lib/server/import-batch');
    const { stagedContact } = await import('@/db/queries/contact-import');
    const csv = `name,email\nHana,hana-${t}@s-${t}.example\nJiro,jiro-${t}@s-${t}.example\n`;
    const db = await getDb();
    const { writes } = await prepareContactImport(db, csm, contactImportInputs.preview.parse({ file: new File([csv], 's.csv') }));
    const attempt = writeImport(db, 'contact', writes.creates.map(stagedContact), { actorId: csm.id, audit: {} }, {
      stageRows: 10,
      applyRows: 10,
      // Staged and checked; then a manager moves the account to another CSM before the rows are applied.
      afterChunk: async (phase) => {
        if (phase === 'stage') await db.update(accounts).set({ ownerId: otherCsm.id }).where(eq(accounts.id, account.id));
      },
    });
    await expect(attempt).rejects.toMatchObject({ error: { key: 'import.errors.contactsChangedMeanwhile' } });
    expect(await byEmail(`hana-${t}@s-${t}.example`)).toBeUndefined();
  });
});

describe('a contact batch that stops half-way through applying', () => {
  it('is applied to the end by recovery, as contacts, with one audit row', async () => {
    const t = tag();
    const account = await createAccount({ ownerId: csm.id, domain: `rec-${t}.example` });
    const { prepareContactImport, contactImportInputs } = await import('../prepare-contact-import');
    const { finishImport, recoverImports, writeImport } = await import('@/lib/server/import-batch');
    const { stagedContact } = await import('@/db/queries/contact-import');
    const lines = Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}-${t}@rec-${t}.example`);
    const input = contactImportInputs.preview.parse({ file: new File([`name,email\n${lines.join('\n')}\n`], 'rec.csv') });
    const db = await getDb();
    const { writes } = await prepareContactImport(db, csm, input);
    const failing = writeImport(db, 'contact', writes.creates.map(stagedContact), { actorId: csm.id, audit: { file: 'rec.csv' } }, {
      stageRows: 10,
      applyRows: 10,
      afterChunk: (phase, i) => {
        if (phase === 'apply' && i === 1) throw new Error('injected');
      },
    });
    await expect(failing).rejects.toThrow('injected');
    const inAccount = async () => (await db.select({ n: count() }).from(contacts).where(eq(contacts.accountId, account.id)))[0]!.n;
    expect(await inAccount()).toBe(20);

    await recoverImports(db, 0);
    await recoverImports(db, 0);
    expect(await inAccount()).toBe(30);
    expect((await auditRows('contact.import')).filter((r) => (r.after as { file?: string }).file === 'rec.csv')).toHaveLength(1);
    // Finishing again (the request's own last step, had it lived) writes no second audit row.
    const [batch] = await db.select().from(importBatches).orderBy(sql`${importBatches.id} desc`).limit(1);
    expect(batch).toMatchObject({ kind: 'contact', state: 'done' });
    await db.transaction((tx) => finishImport(tx, batch!.id));
    expect((await auditRows('contact.import')).filter((r) => (r.after as { file?: string }).file === 'rec.csv')).toHaveLength(1);
  });
});

describe('the door', () => {
  it('refuses a visitor without a session and serves the template to a CSM', async () => {
    expect((await post(null, 'name,email\n')).status).toBe(401);
    await signInAs(csm);
    const response = await template(new Request('http://localhost/contacts/import/template'));
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // With a byte-order mark, so Excel opens it as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('name,email,title,roles,language,no_program_emails,notes,active,account_external_id,account_domain\r\n');
  });
});
