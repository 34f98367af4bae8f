// npm test: lint, type-check, unit and integration tests (Vitest), then a
// production build and the Playwright e2e suite. Ends with one line,
// "N passed, N failed", which CI reads.
//   --only=integration,e2e   run just those stages (CI's PostgreSQL pass)
//   --label=NAME             where the summary goes: test-results/summary-NAME.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { only: { type: 'string' }, label: { type: 'string', default: 'local' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const wants = (stage) => !only || only.has(stage);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name) => `node_modules/.bin/${name}`;

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(name, cmd, args) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env });
  stages.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A check that is not a test runner (lint, types, build) counts as one test. */
function check(name, cmd, args) {
  const ok = run(name, cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

function vitest(project) {
  const out = `test-results/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(`vitest ${project}`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (!report) return void (totals.failed += 1);
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (ok || report.numFailedTests ? 0 : 1);
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function playwright() {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const ok = run('playwright e2e', bin('playwright'), ['test']);
  const report = readJson(out);
  if (!report) return void (totals.failed += 1);
  const s = report.stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected + (ok || s.unexpected ? 0 : 1);
  totals.skipped += s.skipped;
}

if (wants('lint')) check('eslint', bin('eslint'), ['.', '--max-warnings=0']);
if (wants('typecheck')) check('tsc', bin('tsc'), ['--noEmit']);
if (wants('unit')) vitest('unit');
if (wants('integration')) vitest('integration');
if (wants('e2e')) {
  const built = wants('build') && !(only && existsSync('.next/BUILD_ID')) ? check('next build', bin('next'), ['build']) : true;
  if (built) playwright();
}

console.log('\n━━ summary ━━');
for (const s of stages) console.log(`${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds}s)`);
writeFileSync(`test-results/summary-${values.label}.json`, JSON.stringify(totals));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
