// npm run bench:import-load — against a running `next start` (BASE_URL,
// default http://127.0.0.1:3301) with the demo seeded (npm run db:seed).
// Signs in as the demo manager and as another user (a CSM), starts an
// import of IMPORT_ROWS (default 100,000) new accounts through
// /accounts/import/upload, and meanwhile loads an account page as the other
// user, one request after another, until the import answers. Prints the page
// loads' p50 / p95 / max before and during the import, the import's duration
// and the load average. Exits 1 if the import fails or the p95 during the
// import is over TARGET_P95_MS (default 1000: the embedded database's target;
// use 200 on PostgreSQL).
import { loadavg } from 'node:os';
import { ms, percentile } from './bench/measure';

const base = (process.env.BASE_URL ?? 'http://127.0.0.1:3301').replace(/\/$/, '');
const password = process.env.DEMO_PASSWORD ?? 'touchplan-demo-2026';
const importer = process.env.IMPORTER_EMAIL ?? 'manager@touchplan.example';
const viewer = process.env.VIEWER_EMAIL ?? 'misaki.tanaka@touchplan.example';
const rows = Number(process.env.IMPORT_ROWS ?? 100_000);
const targetP95 = Number(process.env.TARGET_P95_MS ?? 1000);

type Session = { email: string; cookie: string };

function cookiesOf(res: Response, jar: Map<string, string>): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** next-auth's credentials flow: the CSRF token (and its cookie), then the callback, which sets the session cookie. */
async function signIn(email: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token'))) throw new Error(`Could not sign in as ${email} (HTTP ${res.status})`);
  return { email, cookie: header(jar) };
}

async function get(session: Session, path: string): Promise<{ ms: number; status: number; body: string }> {
  const start = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
  const body = await res.text();
  return { ms: performance.now() - start, status: res.status, body };
}

/** New accounts only, short rows: the file stays under the 10 MiB the proxy passes whole. */
function importFile(count: number): Blob {
  const tag = Date.now().toString(36);
  const stages = ['onboarding', 'adopting', 'mature', 'at_risk'];
  const lines = ['name,domain,arr,gross_margin_pct,annual_churn_pct,growth_potential,lifecycle_stage'];
  for (let i = 0; i < count; i++)
    lines.push(`Load ${tag} ${i},l${i}-${tag}.example,${12_000 * (10 + (i % 2000))},${60 + (i % 25)},${5 + (i % 20)},${i % 3 ? 'low' : 'high'},${stages[i % 4]}`);
  return new Blob([lines.join('\n') + '\n'], { type: 'text/csv' });
}

const summary = (times: number[]) =>
  times.length ? `n ${times.length}, p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}` : 'n 0';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  const [manager, other] = await Promise.all([signIn(importer), signIn(viewer)]);
  const list = await get(other, '/accounts');
  const id = process.env.ACCOUNT_ID ?? /href="\/accounts\/(\d+)"/.exec(list.body)?.[1];
  if (!id) throw new Error('No account link on /accounts; set ACCOUNT_ID');
  const page = `/accounts/${id}`;
  const first = await get(other, page);
  if (first.status !== 200) throw new Error(`${page} answered ${first.status}`);

  const before: number[] = [];
  for (let i = 0; i < 30; i++) before.push((await get(other, page)).ms);
  console.log(`${base}, ${page} as ${viewer}; load average ${load()}`);
  console.log(`  page before the import: ${summary(before)}`);

  const file = importFile(rows);
  const form = new FormData();
  form.set('file', file, 'load.csv');
  form.set('intent', 'run');
  form.set('mode', 'all');
  console.log(`  importing ${rows.toLocaleString('en')} rows (${(file.size / 1e6).toFixed(1)} MB) as ${importer}…`);

  let done = false;
  const started = performance.now();
  const importing = fetch(`${base}/accounts/import/upload`, { method: 'POST', headers: { cookie: manager.cookie }, body: form })
    .then(async (res) => ({ status: res.status, body: await res.text() }))
    .catch((e: unknown) => ({ status: 0, body: String(e instanceof Error ? (e.cause ?? e) : e) }))
    .finally(() => {
      done = true;
    });
  const during: number[] = [];
  let failed = 0;
  // Every load started before the import answered counts, including the one a frozen database holds to the end.
  while (!done) {
    const r = await get(other, page);
    during.push(r.ms);
    if (r.status !== 200) failed += 1;
  }
  const answer = await importing;
  const importMs = performance.now() - started;
  console.log(`  import answered HTTP ${answer.status} in ${(importMs / 1000).toFixed(1)} s: ${answer.body.slice(0, 200)}`);
  console.log(`  page during the import: ${summary(during)}${failed ? `, ${failed} not 200` : ''}`);
  console.log(`  load average after: ${load()}`);
  const ok = answer.status === 200 && answer.body.includes('"ok":true') && failed === 0 && percentile(during, 95) <= targetP95;
  console.log(ok ? `  ok (p95 ≤ ${targetP95} ms)` : `  MISSED (import ok, no failed page, p95 ≤ ${targetP95} ms)`);
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
