import { sql } from 'drizzle-orm';
import { contactImportInputs, prepareContactImport } from '@/app/(workspace)/contacts/import/prepare-contact-import';
import { queryRows, type Db } from '@/db/client';
import { stagedContact } from '@/db/queries/contact-import';
import { contactImportColumns, type ContactImportColumn } from '@/lib/contacts/import-plan';
import { csvLine } from '@/lib/csv/write';
import { finishImport, importChunking, writeImport } from '@/lib/server/import-batch';
import { ms, timed, type Result } from './measure';

const targetMs = 10_000;

/**
 * Three contacts per account (300,000 for the 100,000 seeded accounts), in
 * one set-based statement: a champion, an executive sponsor and an end user,
 * with emails at the account's domain.
 */
export async function seedContacts(db: Db): Promise<number> {
  await db.execute(sql`
    insert into contacts (account_id, name, email, title, roles, language, no_program_emails, active)
    select a.id,
      (array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村'])[1 + (a.id + k) % 8] || ' ' || (array['陽菜','蓮','結衣','湊','美咲','翔'])[1 + (a.id * k) % 6],
      'c' || k || '.' || a.id || '@' || a.domain,
      (array['部長','課長','情報システム部','経営企画室'])[1 + (a.id + k) % 4],
      array[(array['champion', 'executive_sponsor', 'end_user'])[k]]::contact_role[],
      case when a.id % 5 = 0 then 'en'::contact_language end,
      a.id % 17 = 0, a.id % 23 <> 0
    from accounts a, generate_series(1, 3) k`);
  await db.execute(sql`analyze contacts`);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts`);
  return row!.n;
}

type Cells = Record<ContactImportColumn, string | null>;

/**
 * A 10,000-row contact file as a CRM export looks: half the rows are
 * existing contacts with a new title (some with the email in upper case),
 * matched by their email's domain, half are new people, a third of them
 * placed by account external id. `run` picks different accounts, so each run
 * does real work.
 */
export async function contactCsv(db: Db, run: number, rows = 10_000): Promise<Uint8Array<ArrayBuffer>> {
  const half = Math.floor(rows / 2);
  const existing = await queryRows<{ name: string; email: string }>(
    db,
    sql`select c.name, c.email from contacts c where c.account_id % 20 = ${run % 20} and c.email like 'c1.%' order by c.id limit ${half}`,
  );
  const targets = await queryRows<{ domain: string; external_id: string | null }>(
    db,
    sql`select domain, external_id from accounts where id % 20 = ${(run + 10) % 20} order by id limit ${rows - existing.length}`,
  );
  const lines = [csvLine(contactImportColumns)];
  const blank = (): Cells => Object.fromEntries(contactImportColumns.map((c) => [c, null])) as Cells;
  for (const [i, c] of existing.entries()) {
    lines.push(csvLine(contactImportColumns.map((col) => ({ ...blank(), name: c.name, email: i % 3 === 0 ? c.email.toUpperCase() : c.email, title: `新役職 ${run}`, roles: 'champion, admin' })[col])));
  }
  for (const [i, a] of targets.entries()) {
    const byId = i % 3 === 0 && a.external_id;
    const row: Cells = {
      ...blank(),
      name: i % 2 ? `山田 花子 ${run}-${i}` : `Ann Lee ${run}-${i}`,
      email: `new${run}-${i}@${a.domain}`,
      title: i % 4 ? 'マネージャー' : null,
      roles: i % 2 ? 'エンドユーザー' : 'billing',
      language: i % 2 ? 'ja' : 'en',
      no_program_emails: i % 10 === 0 ? 'はい' : '',
      account_external_id: byId ? a.external_id : null,
    };
    lines.push(csvLine(contactImportColumns.map((col) => row[col])));
  }
  return new TextEncoder().encode(lines.join('')) as Uint8Array<ArrayBuffer>;
}

/**
 * The upload route's run without the session and role check: the file read,
 * checked, matched and planned (prepareContactImport), then the staged writes
 * (writeImport) and the transaction marking the batch done with its audit row.
 * Mode "all": a row error fails the run.
 */
export async function measureContactImport(db: Db, adminId: number, runs = 2): Promise<Result> {
  const figures: string[] = [];
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const bytes = await contactCsv(db, run);
    const input = contactImportInputs.run.parse({ file: new File([bytes], `contacts-${run}.csv`, { type: 'text/csv' }), mode: 'all' });
    let prepareMs = 0;
    // The longest time from one committed chunk to the next (the pause between chunks included): what other requests may wait.
    let last = 0;
    let longestGap = 0;
    const chunking = {
      ...importChunking('contact'),
      afterChunk: () => {
        const now = performance.now();
        if (last) longestGap = Math.max(longestGap, now - last);
        last = now;
      },
    };
    const { ms: t, value: result } = await timed(async () => {
      const start = performance.now();
      last = 0;
      const { preview, writes } = await prepareContactImport(db, { id: adminId, role: 'admin' }, input);
      prepareMs = performance.now() - start;
      if (preview.mappingErrors.length || preview.invalidRows > 0)
        throw new Error(`the benchmark file has errors: ${JSON.stringify([...preview.mappingErrors, ...preview.errors.slice(0, 5)])}`);
      const result = { created: writes.creates.length, updated: writes.updates.length, unchanged: writes.unchanged, skipped: 0 };
      last = performance.now();
      const staged = [...writes.creates, ...writes.updates].map(stagedContact);
      const batchId = await writeImport(db, 'contact', staged, { actorId: adminId, audit: { file: preview.fileName, rows: preview.totalRows, ...result } }, chunking);
      await db.transaction((tx) => finishImport(tx, batchId));
      return { ...result, rows: preview.totalRows };
    });
    times.push(t);
    figures.push(`${ms(t)} (${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated)`);
    console.log(
      `  contact import ${run}: ${(bytes.byteLength / 1e6).toFixed(2)} MB, ${result.rows.toLocaleString('en')} rows in ${ms(t)} — ` +
        `prepare ${ms(prepareMs)}, stage + apply + audit ${ms(t - prepareMs)} (chunks of ${chunking.applyRows}, longest gap ${ms(longestGap)}); ` +
        `${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated, ${result.unchanged} unchanged`,
    );
  }
  return { name: `contact import of 10,000 rows (${runs} runs)`, target: `each ≤ ${ms(targetMs)}`, figures: figures.join(', '), ok: times.every((t) => t <= targetMs) };
}
