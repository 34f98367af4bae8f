import type * as Navigation from 'next/navigation';
import { inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivities } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { activities } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { planFor } from '@/lib/server/plan';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { createPlannedActivities } from './actions';
import PlanPage from './page';

// Plan from playbook follows how the account's meetings are actually held.
vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const zone = 'Asia/Tokyo';
let csm: PublicUser;
let colleague: PublicUser;
let today: string;
let types: Record<string, number>;

beforeEach(async () => {
  csm = await createUser('csm');
  colleague = await createUser('manager');
  today = todayIn((await getWorkspace(await getDb())).timeZone);
  types = Object.fromEntries((await listActivityTypes(await getDb())).map((t) => [t.key, t.id]));
});

/** A Tier 1 account whose last regular meeting was 20 days ago at 15:00 on Google Meet with named people. */
async function accountMeetingAt15() {
  const account = await createAccount({ ownerId: csm.id, arr: '8000000' });
  await insertActivities(await getDb(), [
    {
      accountId: account.id,
      activityTypeId: types.regular_meeting!,
      ownerId: csm.id,
      status: 'completed',
      startsAt: zonedToUtc(addDays(today, -20), '15:00', zone),
      durationMinutes: 45,
      timeZone: zone,
      location: 'Google Meet https://meet.google.com/abc-defg-hij',
      agenda: 'Adoption review',
      customerAttendees: [{ name: '山本 直樹', role: 'IT manager' }, { name: '小林 愛' }],
      internalAttendees: [colleague.id],
    },
  ]);
  return account;
}

describe('plan from playbook follows the last activity of each type', () => {
  it('proposes the next meeting at 15:00 for 45 minutes, saying what it takes over; other types keep the defaults', async () => {
    const account = await accountMeetingAt15();
    await signInAs(csm);
    const text = textOf(await renderToHtml(await PlanPage({ searchParams: Promise.resolve({ account: String(account.id) }) })));
    expect(text).toContain('As last time: Google Meet https://meet.google.com/abc-defg-hij · 山本 直樹 and 小林 愛 · 1 colleague · same agenda');
    const html = await renderToHtml(await PlanPage({ searchParams: Promise.resolve({ account: String(account.id) }) }));
    // The meeting's row: time 15:00 and 45 minutes; the QBR (never held) at the default 90 minutes.
    expect(html).toMatch(/aria-label="Time of Regular meeting"[^>]*value="15:00"|value="15:00"[^>]*aria-label="Time of Regular meeting"/);
    expect(html).toMatch(/aria-label="Meeting length in minutes of Regular meeting"[^>]*value="45"|value="45"[^>]*aria-label="Meeting length in minutes of Regular meeting"/);
    expect(html).toMatch(/aria-label="Meeting length in minutes of QBR"[^>]*value="90"|value="90"[^>]*aria-label="Meeting length in minutes of QBR"/);
    // Plain column names with what the hours include, and a visible label on the sponsor box.
    expect(text).toContain('Meeting length (min)');
    expect(text).toContain('Hours incl. preparation');
    expect(text).toContain('preparation, the meeting and follow-up');
    expect(html).toMatch(/<label for="[^"]+"[^>]*>Executive sponsor<\/label>/);
  });

  it('creates the activities with the place, people and agenda of the last one', async () => {
    const account = await accountMeetingAt15();
    const { proposals } = await planFor(await getDb(), { accountIds: [account.id] }, { today, horizonMonths: 3, timeZone: zone });
    const meeting = proposals.find((p) => p.activityTypeId === types.regular_meeting)!;
    await signInAs(csm);
    const rows = [{ accountId: account.id, activityTypeId: meeting.activityTypeId, due: meeting.due, date: meeting.date, time: '15:00', durationMinutes: 45 }];
    expect(await createPlannedActivities(null, { today, horizon: '3', rows: JSON.stringify(rows) })).toEqual({ ok: true, data: { created: 1, skipped: 0 } });
    const [created] = await (await getDb())
      .select()
      .from(activities)
      .where(inArray(activities.accountId, [account.id]))
      .then((all) => all.filter((a) => a.status === 'planned'));
    expect(created).toMatchObject({
      location: 'Google Meet https://meet.google.com/abc-defg-hij',
      agenda: 'Adoption review',
      customerAttendees: [{ name: '山本 直樹', role: 'IT manager' }, { name: '小林 愛' }],
      internalAttendees: [colleague.id],
      durationMinutes: 45,
      startsAt: zonedToUtc(meeting.date, '15:00', zone),
    });
  });
});
