import { sql } from 'drizzle-orm';
import { prepareImport, runImportInput } from '@/app/(workspace)/accounts/import/prepare-import';
import { queryRows, type Db } from '@/db/client';
import { importAccounts } from '@/lib/server/account-import';
import { finishImport } from '@/lib/server/import-batch';
import { prng } from '@/db/seed-accounts';
import { autoMapping, checkRows, importColumns, type ImportColumn } from '@/lib/accounts/import-plan';
import { decodeCsv } from '@/lib/csv/decode';
import { parseCsv } from '@/lib/csv/parse';
import { csvLine } from '@/lib/csv/write';
import { ms, timed, type Result } from './measure';

const targetMs = 10_000;

type Existing = {
  external_id: string | null;
  name: string;
  domain: string;
  industry: string | null;
  employees: number | null;
  arr: string | null;
  gross_margin_pct: string | null;
  annual_churn_pct: string | null;
  growth_potential: string | null;
  churn_risk: string | null;
  lifecycle_stage: string;
  renewal_date: string | null;
};

type Cells = Record<ImportColumn, string | number | null>;

const stages = ['onboarding', 'adopting', 'mature', 'at_risk'];
const levels = ['low', 'medium', 'high'];
const industries = ['製造業', '小売', '卸売', '金融', '物流', '医療', 'SaaS', '不動産', '教育', '建設', '食品'];
const japaneseNames = ['札幌ロジスティクス株式会社', '横浜みなと商事', '株式会社なにわ精機', '博多フーズ', '仙台テクノロジーズ', '金沢工務店', '髙島屋ファイナンス'];
const latinNames = ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam "Labs"', 'Tailspin Toys', 'Adventure Works'];

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A 10,000-row import file as people send one: half the rows update seeded
 * accounts (matched by external id, or by domain with the external id left
 * blank) with changed ARR, headcount, stage, renewal and sometimes owner;
 * half are new accounts, a few with Japanese names. `run` picks different
 * accounts and new domains, so each run does real work.
 */
export async function importCsv(db: Db, run: number, rows = 10_000): Promise<Uint8Array<ArrayBuffer>> {
  const rand = prng(1000 + run);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const csmEmails = (await queryRows<{ email: string }>(db, sql`select email from users where role = 'csm' and active order by id`)).map((r) => r.email);
  const half = Math.floor(rows / 2);
  // Every 20th account, a different one each run.
  const existing = await queryRows<Existing>(
    db,
    sql`select external_id, name, domain, industry, employees, arr::text, gross_margin_pct::text, annual_churn_pct::text,
          growth_potential::text, churn_risk::text, lifecycle_stage::text, renewal_date::text
        from accounts where id % 20 = ${run % 20} order by id limit ${half}`,
  );
  const lines = [csvLine(importColumns)];
  for (const [i, a] of existing.entries()) {
    const byDomain = i % 2 === 1 || !a.external_id;
    const arr = a.arr === null ? 1_200_000 : Math.round((Number(a.arr) * (0.6 + rand())) / 12_000) * 12_000;
    const row: Cells = {
      external_id: byDomain ? '' : a.external_id,
      name: a.name,
      domain: byDomain && i % 3 === 0 ? a.domain.toUpperCase() : a.domain,
      industry: a.industry,
      employees: a.employees === null ? 50 : Math.max(1, Math.round(a.employees * (0.8 + rand() * 0.5))),
      arr: i % 4 === 0 ? arr.toLocaleString('en') : arr, // "1,200,000" as Excel shows it
      gross_margin_pct: a.gross_margin_pct,
      annual_churn_pct: a.annual_churn_pct,
      growth_potential: a.growth_potential,
      churn_risk: a.churn_risk,
      lifecycle_stage: i % 5 === 0 ? pick(stages) : a.lifecycle_stage,
      renewal_date: a.renewal_date === null ? null : i % 2 === 0 ? addDays(a.renewal_date, 365) : addDays(a.renewal_date, 365).replaceAll('-', '/'),
      owner_email: i % 3 === 0 ? pick(csmEmails) : '',
    };
    lines.push(csvLine(importColumns.map((c) => row[c])));
  }
  for (let i = 0; lines.length <= rows; i++) {
    const japanese = i % 10 < 3;
    const row: Cells = {
      external_id: i % 10 < 7 ? `IMP${run}-${i}` : '',
      name: japanese ? `${pick(japaneseNames)} ${run}-${i}` : `${pick(latinNames)} ${run}-${i}`,
      domain: japanese ? `imp${run}-${i}.co.jp` : `imp${run}-${i}.example.com`,
      industry: pick(industries),
      employees: Math.round(10 + rand() * 2000),
      arr: Math.round((200_000 + rand() * rand() * 30_000_000) / 12_000) * 12_000,
      gross_margin_pct: (60 + rand() * 25).toFixed(1),
      annual_churn_pct: (4 + rand() * 30).toFixed(1),
      growth_potential: pick(levels),
      churn_risk: pick(levels),
      lifecycle_stage: i % 7 === 0 ? 'At risk' : pick(stages),
      renewal_date: addDays('2026-01-01', Math.floor(rand() * 700)),
      owner_email: i % 5 === 0 ? '' : pick(csmEmails),
    };
    lines.push(csvLine(importColumns.map((c) => row[c])));
  }
  return new TextEncoder().encode(lines.join('')) as Uint8Array<ArrayBuffer>;
}

/**
 * runImport in app/(workspace)/accounts/import/actions.ts without the session
 * and role check: the file read, checked and planned (prepareImport), then the
 * staged writes (importAccounts) and the transaction marking it done with its audit row.
 * Mode "all": a row error fails the run.
 */
export async function measureImport(db: Db, adminId: number, runs = 2): Promise<Result> {
  const figures: string[] = [];
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const bytes = await importCsv(db, run);
    const input = runImportInput.parse({ file: new File([bytes], `bench-${run}.csv`, { type: 'text/csv' }), mode: 'all' });

    // As runImport does: prepared, then the writes in short transactions (one on PostgreSQL).
    let prepareMs = 0;
    let writeMs = 0;
    const { ms: t, value: result } = await timed(async () => {
      let start = performance.now();
      const { preview, writes, policy } = await prepareImport(db, input);
      prepareMs = performance.now() - start;
      if (preview.mappingErrors.length || preview.invalidRows > 0)
        throw new Error(`the benchmark file has errors: ${JSON.stringify([...preview.mappingErrors, ...preview.errors.slice(0, 5)])}`);
      start = performance.now();
      const result = { created: writes.creates.length, updated: writes.updates.length, unchanged: writes.unchanged, skipped: preview.invalidRows };
      const audit = { file: preview.fileName, encoding: preview.encoding, mode: input.mode, rows: preview.totalRows, ...result };
      const batchId = await importAccounts(db, writes, { actorId: adminId, policyVersion: policy.version, audit });
      await db.transaction((tx) => finishImport(tx, batchId));
      writeMs = performance.now() - start;
      return { ...result, rows: preview.totalRows };
    });
    // Reading and checking alone (no database), after the timed run: the part of prepareImport that is JavaScript.
    const { ms: checkMs } = await timed(async () => {
      const table = parseCsv(decodeCsv(new Uint8Array(await input.file.arrayBuffer()))!.text);
      return checkRows(table.headers, table.rows, autoMapping(table.headers));
    });
    times.push(t);
    figures.push(`${ms(t)} (${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated)`);
    console.log(
      `  import ${run}: ${(bytes.byteLength / 1e6).toFixed(2)} MB, ${result.rows.toLocaleString('en')} rows in ${ms(t)} — ` +
        `prepare ${ms(prepareMs)} (parse + check alone, rerun after: ${ms(checkMs)}), lock + write + audit ${ms(writeMs)}, commit ${ms(t - prepareMs - writeMs)}; ` +
        `${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated, ${result.unchanged} unchanged`,
    );
  }
  return {
    name: `import of 10,000 rows (${runs} runs)`,
    target: `each ≤ ${ms(targetMs)}`,
    figures: figures.join(', '),
    ok: times.every((t) => t <= targetMs),
  };
}
