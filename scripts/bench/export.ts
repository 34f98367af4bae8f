import { accountCsvStream } from '@/app/(workspace)/accounts/export/account-csv';
import type { Db } from '@/db/client';
import { countExportRows } from '@/db/queries/account-export';
import type { AccountFilters } from '@/lib/accounts/filters';
import { writeAudit } from '@/db/queries/audit';
import { getWorkspace } from '@/db/queries/workspace';
import { parseAccountFilters } from '@/lib/accounts/list-params';
import { ms, timed, type Result } from './measure';

const targetMs = 10_000;
/** "Flat": what the export holds stays well under what it has written; here, at most a quarter of it. */
const maxLiveShare = 0.25;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;

/**
 * Reads a CSV stream to the end as a client would: bytes, and records (line
 * ends outside quotes). `every(records)` runs after each chunk.
 */
async function drain(body: ReadableStream<Uint8Array>, every?: (records: number, bytes: number) => void): Promise<{ bytes: number; records: number }> {
  const reader = body.getReader();
  let bytes = 0;
  let records = 0;
  let quoted = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, records };
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) {
      const b = value[i];
      if (b === 0x22) quoted = !quoted;
      else if (b === 0x0a && !quoted) records += 1;
    }
    every?.(records, bytes);
  }
}

function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('The export measurement needs node --expose-gc (npm run bench:accounts passes it).');
  gc();
}

/** Memory the process holds after a full collection: the JavaScript heap and buffers outside it. */
function liveMemory(): number {
  forceGc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/**
 * GET /accounts/export with no filters, as an admin, in Japanese: what
 * app/(workspace)/accounts/export/route.ts does after the session check —
 * count and audit, then the streamed body (account-csv.ts) — read to the end.
 *
 * Run 1 is timed, with the resident set size sampled every 100 ms. RSS grows
 * by more than the 20-odd MB written even though nothing is kept: V8 lets
 * short-lived garbage pile up (a 16 MB young generation, old space up to a few
 * times the live heap) before it collects, whatever writes it. So run 2 reads
 * the same export again, collecting fully at each quarter of the rows, and
 * checks that the memory still held stays flat while the output grows.
 */
export async function measureExport(db: Db, adminId: number): Promise<Result> {
  const filters = parseAccountFilters({}, { id: adminId, role: 'admin' });
  const rss = () => process.memoryUsage().rss;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
  const { ms: t, value } = await timed(async () => {
    const workspace = await getWorkspace(db);
    const rows = await countExportRows(db, filters);
    await writeAudit(db, { actorId: adminId, action: 'account.export', entity: 'account', after: { filter: {}, rows } });
    const body = await accountCsvStream(db, filters, { locale: 'ja', currency: workspace.currency });
    return { rows, currency: workspace.currency, ...(await drain(body)) };
  }).finally(() => clearInterval(sampler));
  peak = Math.max(peak, rss());
  const after = rss();
  const dataRows = value.records - 1; // the header line
  if (dataRows !== value.rows) throw new Error(`the export wrote ${dataRows} rows, expected ${value.rows}`);
  const growth = peak - before;
  console.log(
    `  export: ${dataRows.toLocaleString('en')} rows, ${mb(value.bytes)} in ${ms(t)}; RSS before ${mb(before)}, peak ${mb(peak)}, after ${mb(after)}: ` +
      `peak growth ${mb(growth)} = ${((growth / value.bytes) * 100).toFixed(0)} % of the output`,
  );

  const live = await liveDuringExport(db, filters, value.currency, value.rows);
  const maxLive = Math.max(...live.map((c) => c.growth));
  console.log(
    `  export again, memory held after a full collection at each quarter: ` +
      live.map((c) => `${c.rows.toLocaleString('en')} rows / ${mb(c.bytes)} written: ${signedMb(c.growth)}`).join('; '),
  );
  return {
    name: `export of ${dataRows.toLocaleString('en')} rows`,
    target: `≤ ${ms(targetMs)}, held ≤ ${maxLiveShare * 100} % of output`,
    figures:
      `${ms(t)}, ${mb(value.bytes)}; RSS ${mb(before)} → peak ${mb(peak)} (+${mb(growth)}) → ${mb(after)}; ` +
      `held after full GC ${signedMb(maxLive)} at most`,
    ok: t <= targetMs && maxLive <= value.bytes * maxLiveShare,
  };
}

type Checkpoint = { rows: number; bytes: number; growth: number };

/** The export read again, untimed: the memory held (after a full GC) at 25, 50, 75 and 100 % of the rows, against the start. */
async function liveDuringExport(db: Db, filters: AccountFilters, currency: string, rows: number): Promise<Checkpoint[]> {
  const base = liveMemory();
  const marks = [0.25, 0.5, 0.75].map((f) => Math.floor(rows * f));
  const checkpoints: Checkpoint[] = [];
  const body = await accountCsvStream(db, filters, { locale: 'ja', currency });
  const total = await drain(body, (records, bytes) => {
    if (marks.length && records - 1 >= marks[0]!) {
      marks.shift();
      checkpoints.push({ rows: records - 1, bytes, growth: liveMemory() - base });
    }
  });
  checkpoints.push({ rows: total.records - 1, bytes: total.bytes, growth: liveMemory() - base });
  return checkpoints;
}
