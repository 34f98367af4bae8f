import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivity } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import { findUser, updateUser, type PublicUser } from '@/db/queries/users';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { GET } from './route';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let activityId: number;
const startsAt = zonedToUtc('2027-03-15', '10:00', 'America/New_York'); // EDT: 14:00 UTC

beforeEach(async () => {
  people = { csm: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
  const account = await createAccount({ name: 'Café Müller GmbH', ownerId: people.csm.id, arr: '8000000' });
  const types = await listActivityTypes(await getDb());
  activityId = await insertActivity(await getDb(), {
    accountId: account.id,
    activityTypeId: types.find((t) => t.key === 'onsite_visit')!.id,
    ownerId: people.csm.id,
    startsAt,
    durationMinutes: 120,
    timeZone: 'America/New_York',
    location: 'Plant 2, Newark',
  });
});

const download = (id: number | string = activityId) =>
  GET(new Request(`http://localhost:3000/activities/${id}/ics`), { params: Promise.resolve({ id: String(id) }) });

describe('GET /activities/<id>/ics', () => {
  // The account page's rule: every signed-in user reads every account and its activities.
  it.each([
    ['anonymous', 401],
    ['csm', 200],
    ['otherCsm', 200],
    ['manager', 200],
    ['admin', 200],
  ] as const)('as %s: %s', async (caller, status) => {
    await signInAs(caller === 'anonymous' ? null : people[caller]);
    const response = await download();
    expect(response.status).toBe(status);
    if (status !== 200) return;
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="2027-03-15-on-site-visit-cafe-muller-gmbh-${activityId}.ics"`);
    const [vevent] = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`activity-${activityId}@localhost`);
    expect(event.summary).toBe('On-site visit · Café Müller GmbH');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-15T14:00:00.000Z');
    expect([event.startDate.zone?.tzid, event.startDate.hour]).toEqual(['America/New_York', 10]);
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-15T16:00:00.000Z');
  });

  it('refuses a deactivated user’s session', async () => {
    await signInAs(people.otherCsm);
    const db = await getDb();
    await updateUser(db, people.otherCsm.id, (await findUser(db, people.otherCsm.id))!.version, { active: false });
    expect((await download()).status).toBe(401);
  });

  it('answers 404 for an activity that does not exist or a bad id', async () => {
    await signInAs(people.manager);
    expect((await download(activityId + 100_000)).status).toBe(404);
    expect((await download('abc')).status).toBe(404);
    expect((await download('-1')).status).toBe(404);
  });
});
