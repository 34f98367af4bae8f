import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { accountIdsAfter, coverageInputs, coverageOutdated, markedAccounts, playbookHistory, pruneCoverageCounts, recordCoverageRun, replaceObligations, unmarkAccounts, unmarkBefore, type ObligationRow, type PlaybookHistoryRule } from '@/db/queries/coverage';
import { getWorkspace } from '@/db/queries/workspace';
import { obligations } from '@/lib/coverage/obligations';
import { ruleSpans } from '@/lib/coverage/spans';
import { todayIn } from '@/lib/dates';
import type { LocalDate } from '@/lib/scheduling/local-date';

// Works out every playbook obligation of a set of accounts (lib/coverage)
// and stores them in coverage_obligations, where the coverage pages count
// them. Whole chunks at a time: three reads and two writes per chunk,
// whatever its size. Running it twice gives the same rows (the job may).

const chunkSize = 2000;

async function recomputeChunk(db: DbOrTx, accountIds: number[], ctx: { today: LocalDate; timeZone: string; graceDays: number; history: Awaited<ReturnType<typeof playbookHistory>> }) {
  const inputs = await coverageInputs(db, accountIds, ctx);
  const ruleOf = new Map<string, PlaybookHistoryRule>();
  for (const v of ctx.history) for (const r of v.rules) ruleOf.set(r.target, r);
  const rows: ObligationRow[] = [];
  for (const accountId of accountIds) {
    const days = inputs.touchDays.get(accountId);
    for (const span of ruleSpans(inputs.tiers.get(accountId) ?? [], ctx.history)) {
      const rule = ruleOf.get(span.target)!;
      for (const o of obligations(span, days?.get(span.target) ?? [], ctx)) {
        rows.push({ accountId, tier: span.tier, activityTypeId: rule.activityTypeId, touchKind: rule.touchKind, ...(rule.campaignId !== null && { campaignId: rule.campaignId }), every: span.every, unit: span.unit, ...o });
      }
    }
  }
  await db.transaction(async (tx) => replaceObligations(tx, accountIds, rows));
  return rows.length;
}

/** Recomputes these accounts' obligations, or every account's when none are named. */
export async function recomputeCoverage(opts: { accountIds?: readonly number[]; now?: Date } = {}, db?: DbOrTx): Promise<{ accounts: number; obligations: number }> {
  const conn = db ?? (await getDb());
  const startedAt = new Date();
  const workspace = await getWorkspace(conn);
  const today = todayIn(workspace.timeZone, opts.now);
  const ctx = { today, timeZone: workspace.timeZone, graceDays: workspace.coverageGraceDays, history: await playbookHistory(conn, { today, timeZone: workspace.timeZone }) };
  let accounts = 0;
  let written = 0;
  if (opts.accountIds) {
    const ids = [...new Set(opts.accountIds)];
    for (let i = 0; i < ids.length; i += chunkSize) written += await recomputeChunk(conn, ids.slice(i, i + chunkSize), ctx);
    accounts = ids.length;
  } else {
    for (let after = 0; ; ) {
      const ids = await accountIdsAfter(conn, after, chunkSize);
      if (!ids.length) break;
      written += await recomputeChunk(conn, ids, ctx);
      accounts += ids.length;
      after = ids.at(-1)!;
    }
  }
  if (!opts.accountIds) {
    await unmarkBefore(conn, startedAt);
    await pruneCoverageCounts(conn);
  }
  await recordCoverageRun(conn, { scope: opts.accountIds ? 'accounts' : 'all', asOf: today, accounts, startedAt });
  return { accounts, obligations: written };
}

const changedPerRun = 20_000;

/**
 * The minute job: everything again when a playbook, the settings or the day
 * changed since the last whole run; else the accounts whose touches or tier
 * changed (marked by database triggers, whatever wrote them), unmarked only
 * once worked out, so a failed run leaves them for the next.
 */
export async function recomputeChangedCoverage(opts: { now?: Date } = {}): Promise<{ scope: 'all' | 'accounts' | 'none'; accounts: number }> {
  const db = await getDb();
  const workspace = await getWorkspace(db);
  if (await coverageOutdated(db, todayIn(workspace.timeZone, opts.now))) return { scope: 'all', ...(await recomputeCoverage(opts)) };
  const marked = await markedAccounts(db, changedPerRun);
  if (!marked.length) return { scope: 'none', accounts: 0 };
  const done = await recomputeCoverage({ ...opts, accountIds: marked.map((m) => m.accountId) });
  await unmarkAccounts(db, marked);
  return { scope: 'accounts', accounts: done.accounts };
}
