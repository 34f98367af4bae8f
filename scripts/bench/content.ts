import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { countAudience, currentContentVersion, findContentItem, shareContent } from '@/db/queries/content';
import { countAccountTouches, listAccountTouches, touchPageSize } from '@/db/queries/touches';
import type { AccountFilters } from '@/lib/accounts/filters';
import { enqueue, openJobs } from '@/lib/server/jobs';
import { ms, percentile, timed, type Result } from './measure';

// The issue-10 measurements that call the production functions directly:
// sharing an item with an audience of 10,000 contacts, and an account's
// touches card for an account with 1,000 touches.

export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * The smallest renewal window ("renews within N days", an audience filter of
 * the share form) whose accounts have at least `contacts` active contacts,
 * counted with the share form's own live count.
 */
async function audienceOf(db: Db, contacts: number): Promise<{ filters: AccountFilters; reach: Awaited<ReturnType<typeof countAudience>> }> {
  let [low, high] = [1, 600];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await countAudience(db, { renewalWithinDays: mid })).contacts >= contacts) high = mid;
    else low = mid + 1;
  }
  const filters = { renewalWithinDays: low };
  return { filters, reach: await countAudience(db, filters) };
}

/**
 * What the share action (app/(workspace)/content/actions.ts, shareContent)
 * does in its transaction, with the same functions: the item and its current
 * version, the audience's count, the shares, tracked links and touches, and
 * the email job enqueued in the transaction. The emails are sent afterwards
 * by the queue, so they are not part of the time.
 */
async function shareAsTheActionDoes(db: Db, itemId: number, sharedBy: number, filters: AccountFilters, expected: number) {
  return db.transaction(async (tx) => {
    const item = await findContentItem(tx, itemId);
    const version = await currentContentVersion(tx, item!.id);
    const reach = await countAudience(tx, filters);
    if (reach.accounts !== expected) throw new Error(`The audience changed: ${reach.accounts} accounts, expected ${expected}`);
    const batchId = randomUUID();
    const result = await shareContent(tx, { itemId: item!.id, versionId: version!.id, batchId, sharedBy, filters, emailStatus: 'queued' });
    if (result.recipients > result.optedOut) await enqueue('content-email', { batchId }, { tx });
    return result;
  });
}

export async function measureShare(db: Db, items: number[], adminId: number): Promise<Result> {
  const { filters, reach } = await audienceOf(db, 10_000);
  console.log(`  audience: renewal within ${filters.renewalWithinDays} days = ${reach.accounts.toLocaleString('en')} accounts, ${reach.contacts.toLocaleString('en')} contacts (${reach.emailable.toLocaleString('en')} emailable)`);
  // The action opens the queue before its transaction (its `prepare`); so does this.
  await openJobs();
  const times: number[] = [];
  let recipients = 0;
  // Three shares of different items: the first is the cold one.
  for (const itemId of items.slice(0, 3)) {
    const { ms: took, value } = await timed(() => shareAsTheActionDoes(db, itemId, adminId, filters, reach.accounts));
    times.push(took);
    recipients = value.recipients;
    console.log(`  share ${times.length}: ${ms(took)}, ${value.recipients.toLocaleString('en')} tracked links, ${value.optedOut} opted out (load average ${load()})`);
  }
  const worst = Math.max(...times);
  return {
    name: `share an item with ${reach.contacts.toLocaleString('en')} contacts (${reach.accounts.toLocaleString('en')} accounts)`,
    target: '≤ 3 s',
    figures: `${times.map(ms).join(', ')}; ${recipients.toLocaleString('en')} links each`,
    ok: worst <= 3000,
  };
}

/** The account page's touches card: a page of touches and the per-model counts, as the page loads them (in parallel). */
export async function measureTimeline(db: Db, accountId: number): Promise<Result> {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from touches where account_id = ${accountId}`);
  const lastPage = Math.max(1, Math.ceil(n / touchPageSize));
  const card = (page: number) => Promise.all([listAccountTouches(db, accountId, { page }), countAccountTouches(db, accountId)]);
  const sample = async (page: number) => {
    for (let i = 0; i < 10; i++) await card(page);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) times.push((await timed(() => card(page))).ms);
    return times;
  };
  const first = await sample(1);
  const last = await sample(lastPage);
  const p95 = Math.max(percentile(first, 95), percentile(last, 95));
  const fig = (t: number[]) => `p50 ${ms(percentile(t, 50))} / p95 ${ms(percentile(t, 95))} / max ${ms(Math.max(...t))}`;
  console.log(`  timeline of an account with ${n.toLocaleString('en')} touches: page 1 ${fig(first)}; page ${lastPage} ${fig(last)} (load average ${load()})`);
  return { name: `account touches card, ${n.toLocaleString('en')} touches (page 1; page ${lastPage})`, target: 'p95 ≤ 100 ms', figures: `${fig(first)}; ${fig(last)}`, ok: p95 <= 100 };
}
