import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import { listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { activities, activitySeries } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { editSeries, scheduleSeries } from './series-actions';

// A series whose dates fall on Japanese holidays (the workspace's zone is Tokyo):
// monthly on the 3rd, May to November 2027 — 5/3 Constitution Day, 7/3 a Saturday,
// 10/3 a Sunday, 11/3 Culture Day.
let csm: PublicUser;
let account: AccountRow;
let meetingId: number;

beforeEach(async () => {
  csm = await createUser('csm');
  account = await createAccount({ ownerId: csm.id, arr: '8000000' });
  meetingId = (await listActivityTypes(await getDb())).find((t) => t.key === 'regular_meeting')!.id;
  await signInAs(csm);
});

const onThe3rd = (extra: Record<string, unknown>) => ({
  accountId: account.id,
  activityTypeId: meetingId,
  date: '2027-05-03',
  time: '15:00',
  durationMinutes: 60,
  repeat: 'monthly',
  interval: 1,
  monthDay: 3,
  until: '2027-11-30',
  confirm: 'true',
  ...extra,
});

async function occurrences(seriesId: number) {
  const rows = await (await getDb()).select().from(activities).where(eq(activities.seriesId, seriesId)).orderBy(asc(activities.seriesDate));
  return rows.map((r) => [r.seriesDate, new Date(r.startsAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')]);
}

async function book(onClosedDay?: string) {
  const result = await scheduleSeries(null, onThe3rd(onClosedDay ? { onClosedDay } : {}));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe('a series on closed days', () => {
  it('keeps them where they fall unless told otherwise', async () => {
    const { seriesId, count } = await book();
    expect(count).toBe(7);
    expect((await occurrences(seriesId)).map(([d]) => d)).toContain('2027-05-03');
  });

  it('skips the occurrences on a weekend or holiday when asked', async () => {
    const { seriesId, count } = await book('skip');
    expect(count).toBe(3);
    expect((await occurrences(seriesId)).map(([d]) => d)).toEqual(['2027-06-03', '2027-08-03', '2027-09-03']);
    expect((await lastAudit())?.after).toMatchObject({ onClosedDay: 'skip', occurrences: 3 });
  });

  it('moves each to the next working day at the same time when asked, and an edit keeps the choice', async () => {
    const { seriesId, count } = await book('move');
    expect(count).toBe(7);
    expect(await occurrences(seriesId)).toEqual([
      ['2027-05-03', '2027-05-06 15:00'], // Golden Week: 5/3–5/5 → Thursday
      ['2027-06-03', '2027-06-03 15:00'],
      ['2027-07-03', '2027-07-05 15:00'], // Saturday → Monday
      ['2027-08-03', '2027-08-03 15:00'],
      ['2027-09-03', '2027-09-03 15:00'],
      ['2027-10-03', '2027-10-04 15:00'], // Sunday → Monday
      ['2027-11-03', '2027-11-04 15:00'], // Culture Day → Thursday
    ]);
    const [series] = await (await getDb()).select().from(activitySeries).where(eq(activitySeries.id, seriesId));
    expect(series?.onClosedDay).toBe('move');

    // A later time for the whole series: moved occurrences stay moved, at the new time.
    const edit = await editSeries(null, { ...onThe3rd({}), id: seriesId, version: series!.version, time: '16:00' });
    expect(edit.ok).toBe(true);
    expect((await occurrences(seriesId)).slice(0, 3)).toEqual([
      ['2027-05-03', '2027-05-06 16:00'],
      ['2027-06-03', '2027-06-03 16:00'],
      ['2027-07-03', '2027-07-05 16:00'],
    ]);
  });

  it('refuses a choice it does not know', async () => {
    expect(await scheduleSeries(null, onThe3rd({ onClosedDay: 'ignore' }))).toEqual({ ok: false, fieldErrors: { onClosedDay: { key: 'validation.invalid', values: {} } } });
  });
});
