// npm run bench:campaigns — issue 15's campaign targets on 100,000 accounts:
// importing a tool's export of 50,000 deliveries with the production
// functions (≤ 10 s; the same file again changes nothing) and the campaign
// page's figures at 50,000 deliveries (worked out on the first view after
// new events, then read back: ≤ 300 ms). The page over HTTP, signed
// in: `npm run bench:pages -- --page /campaigns/<id>` with the id printed.
// With DATABASE_URL naming a local PostgreSQL server, touchplan_bench there
// is reused when it holds the 100,000 accounts (contacts are added if it
// has none), else created and seeded. Exits 1 if a target is missed.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { seedContacts } from './bench/contact-import';
import { measureCampaignImport, measureCampaignPage } from './bench/campaigns';
import { timed } from './bench/measure';
import { runBench } from './bench/run';

runBench(
  async (db, seeded) => {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts`);
    if (!row?.n) {
      const { ms, value } = await timed(() => seedContacts(db));
      console.log(`Seeded ${value.toLocaleString('en')} contacts in ${(ms / 1000).toFixed(1)} s`);
    }
    const { results, campaignId } = await measureCampaignImport(db, seeded.adminId);
    results.push(...(await measureCampaignPage(db, campaignId)));
    console.log(`Campaign ${campaignId}: npm run bench:pages -- --page /campaigns/${campaignId} --as manager`);
    return results;
  },
  { reuse: async () => true },
);
