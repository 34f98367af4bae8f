import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import { calendarFeeds } from '@/db/schema';
import { hashFeedToken } from '@/lib/feeds/token';
import { lastAudit } from '@/tests/audit';
import { createUser, errorKey, signInAs } from '@/tests/factories';
import { createCalendarFeed, revokeCalendarFeed } from './actions';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;

beforeEach(async () => {
  people = { csm: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
});

const as = (c: Caller) => signInAs(c === 'anonymous' ? null : people[c]);
const feedsOf = async (userId: number) => (await getDb()).select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
const liveFeedsOf = async (userId: number) =>
  (await getDb())
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
const tokenOf = (url: string) => url.match(/\/feeds\/([A-Za-z0-9_-]{43})\.ics$/)![1]!;

async function create(confirm = false) {
  const result = await createCalendarFeed(null, confirm ? { confirm: 'true' } : {});
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.url;
}

describe('createCalendarFeed', () => {
  it.each([
    ['anonymous', false],
    ['csm', true],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s, for themselves only', async (caller, allowed) => {
    await as(caller);
    // An id in the form is ignored: the feed is always the caller's.
    const result = await createCalendarFeed(null, { userId: people.otherCsm.id });
    expect(result.ok).toBe(allowed);
    if (!allowed) {
      expect(errorKey(result)).toBe('errors.signedOut');
      expect((await lastAudit())?.action).toBe('access.denied');
      return;
    }
    const me = people[caller as Exclude<Caller, 'anonymous'>];
    expect(await feedsOf(people.otherCsm.id)).toEqual([]);
    const [feed] = await liveFeedsOf(me.id);
    const url = (result as { data: { url: string } }).data.url;
    expect(url).toMatch(/^http:\/\/localhost:3000\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is kept.
    expect(feed?.tokenHash).toBe(hashFeedToken(tokenOf(url)));
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'calendar_feed.create', actorId: me.id, entity: 'user', entityId: String(me.id), after: { feedId: feed!.id, revokedFeedIds: [] } });
    expect(JSON.stringify(audit)).not.toContain(tokenOf(url));
    expect(JSON.stringify(audit)).not.toContain(feed!.tokenHash);
  });

  it('asks before replacing an address, then revokes the old one and keeps one live', async () => {
    await as('csm');
    const first = await create();
    expect(await createCalendarFeed(null, {})).toEqual({ ok: false, warnings: [{ key: 'feeds.address.replaceWarning' }] });
    expect(await liveFeedsOf(people.csm.id)).toHaveLength(1);
    const second = await create(true);
    expect(second).not.toBe(first);
    const live = await liveFeedsOf(people.csm.id);
    expect(live.map((f) => f.tokenHash)).toEqual([hashFeedToken(tokenOf(second))]);
    expect(await feedsOf(people.csm.id)).toHaveLength(2);
    expect((await lastAudit())?.after).toMatchObject({ revokedFeedIds: [expect.any(Number)] });
  });

  it('leaves one live feed when two requests race', async () => {
    await as('csm');
    await Promise.all([createCalendarFeed(null, { confirm: 'true' }), createCalendarFeed(null, { confirm: 'true' })]);
    expect(await liveFeedsOf(people.csm.id)).toHaveLength(1);
  });
});

describe('revokeCalendarFeed', () => {
  it.each(['csm', 'manager', 'admin'] as const)('as %s: turns off their own feed, and never someone else’s', async (caller) => {
    await as('otherCsm');
    await create();
    await as(caller);
    await create();
    expect((await revokeCalendarFeed(null, { userId: people.otherCsm.id })).ok).toBe(true);
    expect(await liveFeedsOf(people[caller].id)).toEqual([]);
    expect(await liveFeedsOf(people.otherCsm.id)).toHaveLength(1);
    expect(await lastAudit()).toMatchObject({ action: 'calendar_feed.revoke', actorId: people[caller].id, entityId: String(people[caller].id) });
    // Nothing left to turn off.
    expect(errorKey(await revokeCalendarFeed(null, {}))).toBe('feeds.address.noFeed');
  });

  it('refuses a signed-out caller', async () => {
    await as('csm');
    await create();
    await as('anonymous');
    expect(errorKey(await revokeCalendarFeed(null, {}))).toBe('errors.signedOut');
    expect(await liveFeedsOf(people.csm.id)).toHaveLength(1);
  });
});
