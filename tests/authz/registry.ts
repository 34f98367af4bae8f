import { eq } from 'drizzle-orm';
import { scheduleActivity } from '@/app/(workspace)/activities/actions';
import { scheduleSeries } from '@/app/(workspace)/activities/series-actions';
import { requestTierOverride, setTierOverride } from '@/app/(workspace)/accounts/actions';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { insertContact } from '@/db/queries/contacts';
import { listBatchLinks, listContentKinds, listContentVersions } from '@/db/queries/content';
import { createContentItem, shareContent } from '@/app/(workspace)/content/actions';
import { createProgram } from '@/app/(workspace)/programs/actions';
import { zoomParticipants } from '@/tests/attendee-reports';
import { findSession, inviteContacts, listProgramKinds } from '@/db/queries/programs';
import { replaceFeed, revokeFeeds } from '@/db/queries/feeds';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { currentPolicy } from '@/db/queries/tier-policies';
import { findUser, updateUser, type PublicUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { activities, activitySeries, alertEpisodes, contacts, contentItems, notifications, programInvitations, programSessions, tasks, unmatchedAttendees } from '@/db/schema';
import type { Payload } from '@/lib/actions/action';
import type { Permission } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/dates';
import { feedUrl, hashFeedToken, newFeedToken } from '@/lib/feeds/token';
import { newWriteKey } from '@/lib/signals/write-key';
import { insertWriteKey, revokeWriteKey } from '@/db/queries/write-keys';
import { addEventMapping, currentHealthModel } from '@/db/queries/health-read';
import { insertAlertRule } from '@/db/queries/alert-rules';
import { insertCampaign } from '@/db/queries/campaigns';
import { saveWebhookSettings, webhookSettings } from '@/db/queries/tech-touches';
import { planFor } from '@/lib/server/plan';
import { addDays } from '@/lib/scheduling/local-date';
import { accountValues, createAccount } from '@/tests/accounts';
import { createUser, signInAs, testPassword, uniqueEmail } from '@/tests/factories';
import { failedJob } from '@/tests/jobs';
import { insertTimeOff } from '@/db/queries/capacity';

// One entry for every server action and route handler the app exports (see
// discover.ts), keyed "<file under app/>#<export or METHOD>". The matrix test
// runs each as anonymous, a deactivated user, the owning CSM, another CSM, a
// manager and an admin, and expects what the permission table and the
// entry's scope say.
// Adding an action or a route: add its entry here, or the matrix fails.

export type People = { owner: PublicUser; otherCsm: PublicUser; manager: PublicUser; admin: PublicUser };

export type FixtureContext = {
  /** Fresh users for this case: `owner` is the CSM who owns the objects the fixture creates. */
  people: People;
  /** Whom a 'self' action acts on: the caller, or the owner when the caller is anonymous. */
  self: PublicUser;
  /** Signs in, for fixtures that set things up through other actions; the matrix signs in the caller afterwards. */
  as: (user: PublicUser) => Promise<void>;
};

/**
 * Who may act, beyond the role: 'any' = the role decides; 'own' = roles that
 * may not manage all accounts act only on objects they own or run (the
 * owning CSM yes, another CSM no); 'self' = acts on the caller's own profile.
 */
export type Scope = 'any' | 'own' | 'self';

export type ActionEntry = {
  kind: 'action';
  /** The name the action audits, e.g. "account.create". */
  name: string;
  permission: Permission;
  scope: Scope;
  /** Creates fresh objects for one call and returns a VALID input: allowed callers must get ok: true. */
  fixture: (ctx: FixtureContext) => Promise<Payload>;
};

export type RouteCall = { request: Request; params?: Record<string, unknown> };

export type RouteEntry = {
  kind: 'route';
  name: string;
  permission: Permission;
  scope: Scope;
  reply: 'json' | 'text';
  request: (ctx: FixtureContext) => Promise<RouteCall>;
};

/** A route authenticated by a secret in the request rather than a session. */
export type TokenRouteEntry = {
  kind: 'token';
  name: string;
  /** Issues a live token for `user` and returns the request path segment carrying it. */
  issue: (user: PublicUser) => Promise<string>;
  revoke: (user: PublicUser) => Promise<void>;
  /** A well-formed token nobody was issued. */
  wrong: () => string;
  /** Segments that are not tokens at all. */
  malformed: string[];
  /** How its tokens expire, or why they do not. */
  expiry: { expire: (user: PublicUser) => Promise<void> } | { none: string };
  /**
   * What "the token's holder is deactivated" means for this route, when the
   * holder is not the user (a customer's contact): default, the user.
   */
  deactivateHolder?: (user: PublicUser) => Promise<void>;
  /** A token that deliberately outlives its maker's account, and why (it is then still served). */
  holder?: { none: string };
  /** The status of a refusal: 404 (a secret address that does not exist), or 401 for an API key. */
  refusedStatus?: 401 | 404;
  request: (segment: string) => RouteCall;
};

/** Reachable without a session on purpose; the reason is the review. */
export type PublicEntry = { kind: 'public'; reason: string; check?: (handler: (...args: never[]) => Promise<unknown>) => Promise<void> };

export type Entry = ActionEntry | RouteEntry | TokenRouteEntry | PublicEntry;

// ---- helpers for fixtures ----------------------------------------------

const db = () => getDb();

/** A fixture's own setup must succeed: a failure here is a bug in the fixture. */
function mustOk<T>(result: { ok: boolean; data?: T } & Record<string, unknown>): T {
  if (!result.ok) throw new Error(`fixture setup failed: ${JSON.stringify(result)}`);
  return result.data as T;
}

async function today() {
  return todayIn((await getWorkspace(await db())).timeZone);
}

async function typeId(key: string) {
  const type = (await listActivityTypes(await db())).find((t) => t.key === key);
  if (!type) throw new Error(`no activity type ${key}`);
  return type.id;
}

/** A Tier 1 account (LTV 64,000,000) in the owner's book. */
const ownedAccount = (owner: PublicUser) => createAccount({ ownerId: owner.id, arr: '8000000' });

/** An open task of `owner`'s, on an account they own. */
async function ownedTask(owner: PublicUser): Promise<number> {
  const account = await ownedAccount(owner);
  const [task] = await (await getDb()).insert(tasks).values({ accountId: account.id, title: 'Call about usage', dueOn: await today(), ownerId: owner.id }).returning({ id: tasks.id });
  return task!.id;
}

/** An open task of `owner`'s raised by an open alert episode on an account they own. */
async function raisedTask(owner: PublicUser): Promise<number> {
  const account = await ownedAccount(owner);
  const rule = await insertAlertRule(await db(), { ...alertRuleValues(), enabled: false, createdBy: owner.id });
  const [episode] = await (await db()).insert(alertEpisodes).values({ ruleId: rule.id, accountId: account.id, openedOn: await today(), taskOn: await today(), values: { daysSinceSeen: 20 } }).returning({ id: alertEpisodes.id });
  const [task] = await (await db()).insert(tasks).values({ accountId: account.id, episodeId: episode!.id, title: 'No login', dueOn: await today(), ownerId: owner.id }).returning({ id: tasks.id });
  return task!.id;
}

async function meeting(accountId: number, daysAhead = 30) {
  return {
    accountId,
    activityTypeId: await typeId('regular_meeting'),
    date: addDays(await today(), daysAhead),
    time: '10:00',
    durationMinutes: 60,
    confirm: 'true',
  };
}

/** A planned activity on the owner's account, run by the owner, booked by the owner. */
async function ownedActivity({ people, as }: FixtureContext) {
  const account = await ownedAccount(people.owner);
  await as(people.owner);
  const { id } = mustOk(await scheduleActivity(null, await meeting(account.id)));
  const [row] = await (await db()).select({ id: activities.id, version: activities.version }).from(activities).where(eq(activities.id, id));
  return row!;
}

/** A weekly series on the owner's account, booked by the owner. */
async function ownedSeries({ people, as }: FixtureContext) {
  const account = await ownedAccount(people.owner);
  await as(people.owner);
  const start = addDays(await today(), 14);
  const { seriesId } = mustOk(
    await scheduleSeries(null, { ...(await meeting(account.id, 14)), date: start, repeat: 'weekly', interval: 1, until: addDays(start, 56) }),
  );
  const [row] = await (await db()).select().from(activitySeries).where(eq(activitySeries.id, seriesId));
  return row!;
}

function csvUpload(fields: Record<string, string>): FormData {
  const tag = Math.random().toString(36).slice(2, 10);
  const data = new FormData();
  data.set('file', new File([`name,domain\nMatrix ${tag},matrix-${tag}.example\n`], 'accounts.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/**
 * A contact file with one new contact on an account the caller may write
 * to: their own when they are a CSM (the import is per row: a CSM's row on
 * another's account is a bad row, tested in the contact import's own tests).
 */
async function contactUpload({ people, self }: FixtureContext, fields: Record<string, string>): Promise<FormData> {
  const account = await createAccount({ ownerId: self.role === 'csm' ? self.id : people.owner.id });
  const data = new FormData();
  data.set('file', new File([`name,email,account_domain\n山田 花子,${uniqueEmail('import')},${account.domain}\n`], 'contacts.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** A campaign as the form sends it, with a key nobody has. */
function campaignPayload() {
  const tag = Math.random().toString(36).slice(2, 10);
  return { name: `Onboarding ${tag}`, key: `onboarding-${tag}`, channel: 'email_sequence', tool: 'hubspot', audience: 'tier=3', startsOn: '2026-11-01', endsOn: '', goalEvent: '', goalWindowDays: '14' };
}

async function matrixCampaign() {
  const p = campaignPayload();
  return (await insertCampaign(await db(), { ...p, channel: 'email_sequence', tool: 'hubspot', endsOn: null, goalEvent: null, goalWindowDays: 14 }))!;
}

/** A multipart POST as a browser sends it: with its length, which the upload route requires. */
async function multipartRequest(url: string, form: FormData): Promise<Request> {
  const draft = new Request(url, { method: 'POST', body: form });
  const body = await draft.arrayBuffer();
  return new Request(url, { method: 'POST', body, headers: { 'content-type': draft.headers.get('content-type')!, 'content-length': String(body.byteLength) } });
}

const strongPassword = 'violet-harbor-5831';

async function contentKindId() {
  return (await listContentKinds(await db()))[0]!.id;
}

/** A file-backed library item added by the owner. */
async function ownedContent({ people, as }: FixtureContext) {
  await as(people.owner);
  return mustOk(await createContentItem(null, await contentUpload())).id;
}

async function contentUpload(fields: Record<string, string> = {}): Promise<FormData> {
  const data = new FormData();
  data.set('kindId', String(await contentKindId()));
  data.set('title', 'Approval deck template');
  data.set('file', new File(['%PDF-1.4 matrix'], 'deck.pdf', { type: 'application/pdf' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** The owner's account with one contact, and an item shared with it by the owner: its batch and the contact's link. */
async function ownedShare(ctx: FixtureContext) {
  const account = await ownedAccount(ctx.people.owner);
  const contactId = await insertContact(await db(), { accountId: account.id, name: 'Matrix Contact', email: uniqueEmail('matrix-contact') });
  const itemId = await ownedContent(ctx);
  const { batchId } = mustOk(await shareContent(null, { itemId, accountId: account.id }));
  const [link] = await listBatchLinks(await db(), batchId);
  return { batchId, token: link!.token, contactId, itemId };
}

/** Write keys by the user who made them, so the token-route cases can revoke them. */
const issuedWriteKeys = new Map<number, number>();

/** Tracked links by the user who shared them, so the token-route cases can revoke and deactivate by user. */
const sharedLinks = new Map<number, { token: string; contactId: number; itemId: number }>();

/** A contact's tracked link, for GET and HEAD alike (HEAD answers the same without counting). */
function contentLinkEntry(method: 'GET' | 'HEAD'): TokenRouteEntry {
  return {
    kind: 'token',
    name: 'content.open',
    async issue(user) {
      const as = (u: PublicUser) => signInAs(u);
      const other = await createUser('csm');
      const share = await ownedShare({ people: { owner: user, otherCsm: other, manager: other, admin: other }, self: user, as });
      sharedLinks.set(user.id, share);
      return share.token;
    },
    // Archiving the item ends its links.
    async revoke(user) {
      const { itemId } = sharedLinks.get(user.id)!;
      await (await db()).update(contentItems).set({ archived: true }).where(eq(contentItems.id, itemId));
    },
    wrong: () => 'ab'.repeat(32),
    malformed: ['', 'x', 'AB'.repeat(31) + 'zz', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(4096)],
    expiry: { none: 'A tracked link works while its contact is active and its item is not archived: it is how a customer reaches what was shared with them.' },
    // The holder is the customer's contact: one who left the company (set inactive) can no longer open it.
    async deactivateHolder(user) {
      const { contactId } = sharedLinks.get(user.id)!;
      await (await db()).update(contacts).set({ active: false }).where(eq(contacts.id, contactId));
    },
    request: (segment) => ({ request: new Request(`http://localhost/c/${segment}`, { method }), params: { token: segment } }),
  };
}


// ---- programs ----

async function programKindId() {
  return (await listProgramKinds(await db())).find((k) => k.key === 'webinar')!.id;
}

/** A new program's fields, its one session `daysAhead` from today (negative: already held). */
async function programInput(daysAhead = 14): Promise<Record<string, unknown>> {
  return {
    kindId: await programKindId(),
    title: 'Admin study session',
    date: addDays(await today(), daysAhead),
    time: '15:00',
    timeZone: 'Asia/Tokyo',
    durationMinutes: 60,
    onlineUrl: 'https://zoom.example/j/1',
    capacity: 100,
  };
}

/** A program the owner created (and so runs), with one session. */
async function ownedProgram({ people, as }: FixtureContext, daysAhead = 14) {
  await as(people.owner);
  return mustOk(await createProgram(null, await programInput(daysAhead))) as { id: number; sessionId: number };
}

/** The owner's account with one contact, invited to the owner's session; returns the invitation. */
async function ownedInvitation(ctx: FixtureContext, daysAhead = 14) {
  const { sessionId } = await ownedProgram(ctx, daysAhead);
  const account = await ownedAccount(ctx.people.owner);
  const contactId = await insertContact(await db(), { accountId: account.id, name: '招待 花子', email: uniqueEmail('invitee'), language: 'ja' });
  const session = (await findSession(await db(), sessionId))!;
  await inviteContacts(await db(), { session, filters: { ids: [account.id] }, invitedBy: ctx.people.owner.id, emailStatus: 'not_sent' });
  const [invitation] = await (await db()).select().from(programInvitations).where(eq(programInvitations.contactId, contactId));
  return { ...invitation!, programSessionId: sessionId };
}

/** A Zoom report naming the invitee of a session the owner held yesterday; a new file each call (the same file again is answered from the first import). */
async function attendanceUpload(ctx: FixtureContext) {
  const invitation = await ownedInvitation(ctx, -1);
  const [contact] = await (await db()).select({ email: contacts.email }).from(contacts).where(eq(contacts.id, invitation.contactId));
  const report = zoomParticipants([{ name: '招待 花子', email: contact!.email, minutes: 40 + Math.floor(Math.random() * 20) }]);
  return { sessionId: invitation.sessionId, file: new File([report], 'participants.csv', { type: 'text/csv' }) };
}

/**
 * Someone an attendee report named at the owner's account's domain, not a
 * contact yet, listed on a session the owner held yesterday; `contactId`
 * is a contact of that account to match them to.
 */
async function unmatchedAttendee(ctx: FixtureContext) {
  const { sessionId } = await ownedProgram(ctx, -1);
  const account = await ownedAccount(ctx.people.owner);
  const email = uniqueEmail('walk-in').replace(/@.*$/, `@${account.domain}`);
  const [row] = await (await db()).insert(unmatchedAttendees).values({ sessionId, name: '飛び入り 参加者', email, minutes: 42, accountId: account.id }).returning({ id: unmatchedAttendees.id });
  const contactId = await insertContact(await db(), { accountId: account.id, name: '既存 担当者', email: uniqueEmail('existing') });
  return { sessionId, attendeeId: row!.id, contactId };
}

/** Invitations by the user who issued them, so the token-route cases can revoke, expire and deactivate by user. */
const issuedInvitations = new Map<number, { id: number; sessionId: number; contactId: number }>();

/** An invitee's own page, answer and calendar file: one token, three routes. */
function invitationEntry(name: string, path: (segment: string) => string, method: 'GET' | 'POST'): TokenRouteEntry {
  return {
    kind: 'token',
    name,
    async issue(user) {
      const other = await createUser('csm');
      const invitation = await ownedInvitation({ people: { owner: user, otherCsm: other, manager: other, admin: other }, self: user, as: (u) => signInAs(u) });
      issuedInvitations.set(user.id, invitation);
      return invitation.token;
    },
    // Removing an invitation ends its link.
    async revoke(user) {
      await (await db()).delete(programInvitations).where(eq(programInvitations.id, issuedInvitations.get(user.id)!.id));
    },
    wrong: () => 'cd'.repeat(32),
    malformed: ['', 'x', 'AB'.repeat(31) + 'zz', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(4096)],
    // The link expires when its session ends.
    expiry: {
      async expire(user) {
        const { sessionId } = issuedInvitations.get(user.id)!;
        await (await db()).update(programSessions).set({ startsAt: new Date(Date.now() - 3 * 3600_000) }).where(eq(programSessions.id, sessionId));
      },
    },
    // The holder is the customer's contact: one who left (set inactive) can no longer use it.
    async deactivateHolder(user) {
      await (await db()).update(contacts).set({ active: false }).where(eq(contacts.id, issuedInvitations.get(user.id)!.contactId));
    },
    request: (segment) => {
      const init: RequestInit = method === 'POST' ? { method, body: new URLSearchParams({ answer: 'register' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : { method };
      return { request: new Request(`http://localhost${path(segment)}`, init), params: { token: segment } };
    },
  };
}

// ---- the registry -------------------------------------------------------

export const registry: Record<string, Entry> = {
  // Public, with reason.
  '(auth)/actions.ts#chooseLanguage': {
    kind: 'public',
    reason: 'The sign-in page’s language switch: it only sets a cookie on the caller’s own browser, there is no user and nothing stored to protect.',
    async check(handler) {
      await signInAs(null);
      const result = await (handler as (p: unknown, d: Payload) => Promise<{ ok: boolean }>)(null, { locale: 'ja' });
      if (!result.ok) throw new Error(`chooseLanguage refused an anonymous visitor: ${JSON.stringify(result)}`);
    },
  },
  'u/[token]/route.ts#GET': {
    kind: 'public',
    reason: 'The unsubscribe page named in every content email: it must open for anyone holding the email, whatever became of the item or the contact, and it changes nothing (link scanners fetch it).',
    async check(handler) {
      const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(new Request(`http://localhost/u/${'ab'.repeat(32)}`), { params: Promise.resolve({ token: 'ab'.repeat(32) }) });
      if (response.status !== 404) throw new Error(`an unknown unsubscribe token answered ${response.status}`);
    },
  },
  'u/[token]/route.ts#POST': {
    kind: 'public',
    reason: 'One-click unsubscribe (RFC 8058), sent by mail clients with no session: it only sets the opt-out flag of the contact the token names, and must always work.',
    async check(handler) {
      const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(new Request(`http://localhost/u/${'ab'.repeat(32)}`, { method: 'POST' }), { params: Promise.resolve({ token: 'ab'.repeat(32) }) });
      if (response.status !== 404) throw new Error(`an unknown unsubscribe token answered ${response.status}`);
    },
  },
  'api/auth/[...nextauth]/route.ts#GET': { kind: 'public', reason: 'next-auth’s own endpoints (sign-in page, CSRF token, session): signing in is how a session is obtained.' },
  'api/auth/[...nextauth]/route.ts#POST': { kind: 'public', reason: 'next-auth’s credentials sign-in and sign-out; rate limits and lockout live in lib/auth, not in a permission.' },

  // Accounts.
  '(workspace)/accounts/actions.ts#createAccount': {
    kind: 'action',
    name: 'account.create',
    permission: 'accounts.write',
    scope: 'any',
    fixture: async ({ people }) => accountValues({ ownerId: people.owner.id }),
  },
  '(workspace)/accounts/actions.ts#updateAccountDetails': {
    kind: 'action',
    name: 'account.update',
    permission: 'accounts.write',
    scope: 'own',
    async fixture({ people }) {
      const values = accountValues({ ownerId: people.owner.id });
      const account = await createAccount(values);
      return { ...values, name: `${values.name} renamed`, id: account.id, version: account.version };
    },
  },
  '(workspace)/accounts/health-actions.ts#setAccountPulse': {
    kind: 'action',
    name: 'account.pulse',
    permission: 'accounts.write',
    scope: 'own',
    async fixture({ people }) {
      const account = await ownedAccount(people.owner);
      return { accountId: account.id, version: 0, pulse: 'yellow', note: 'Budget under review' };
    },
  },
  '(workspace)/tasks/actions.ts#completeTask': {
    kind: 'action',
    name: 'task.complete',
    permission: 'tasks.work',
    scope: 'own',
    async fixture({ people }) {
      return { taskId: await ownedTask(people.owner), version: 1, note: 'Called the champion' };
    },
  },
  '(workspace)/tasks/actions.ts#snoozeTask': {
    kind: 'action',
    name: 'task.snooze',
    permission: 'tasks.work',
    scope: 'own',
    async fixture({ people }) {
      return { taskId: await ownedTask(people.owner), version: 1, until: addDays(await today(), 3) };
    },
  },
  '(workspace)/tasks/actions.ts#createTask': {
    kind: 'action',
    name: 'task.create',
    permission: 'tasks.work',
    scope: 'own',
    async fixture({ people }) {
      const account = await ownedAccount(people.owner);
      return { accountId: account.id, title: 'Send the renewal deck', dueOn: addDays(await today(), 2), priority: 'high', why: 'Asked for it on the call' };
    },
  },
  '(workspace)/tasks/episode-actions.ts#snoozeEpisode': {
    kind: 'action',
    name: 'alert.snooze',
    permission: 'tasks.work',
    scope: 'own',
    async fixture({ people }) {
      return { taskId: await raisedTask(people.owner), episodeVersion: 1, until: addDays(await today(), 5), reason: 'On holiday' };
    },
  },
  '(workspace)/tasks/episode-actions.ts#dismissEpisode': {
    kind: 'action',
    name: 'alert.dismiss',
    permission: 'tasks.work',
    scope: 'own',
    async fixture({ people }) {
      return { taskId: await raisedTask(people.owner), episodeVersion: 1, reason: 'Seasonal dip, expected' };
    },
  },
  '(workspace)/tasks/actions.ts#reassignTask': {
    kind: 'action',
    name: 'task.reassign',
    permission: 'tasks.assign',
    scope: 'any',
    async fixture({ people }) {
      return { taskId: await ownedTask(people.owner), version: 1, ownerId: people.otherCsm.id };
    },
  },
  '(workspace)/accounts/contact-actions.ts#createContact': {
    kind: 'action',
    name: 'contact.create',
    permission: 'contacts.write',
    scope: 'own',
    async fixture({ people }) {
      const account = await createAccount({ ownerId: people.owner.id });
      return { accountId: account.id, name: '山田 花子', email: uniqueEmail('contact'), roles: ['champion'] };
    },
  },
  '(workspace)/accounts/contact-actions.ts#updateContactDetails': {
    kind: 'action',
    name: 'contact.update',
    permission: 'contacts.write',
    scope: 'own',
    async fixture({ people }) {
      const account = await createAccount({ ownerId: people.owner.id });
      const email = uniqueEmail('contact');
      const id = await insertContact(await getDb(), { accountId: account.id, name: '山田 花子', email });
      return { id, version: 1, name: '山田 花子', email, title: 'CTO', roles: ['executive_sponsor'], active: true };
    },
  },
  // Programs.
  '(workspace)/programs/actions.ts#createProgram': {
    kind: 'action',
    name: 'program.create',
    permission: 'programs.write',
    scope: 'any',
    fixture: () => programInput(),
  },
  '(workspace)/programs/actions.ts#addProgramSession': {
    kind: 'action',
    name: 'program.add_session',
    permission: 'programs.write',
    scope: 'own',
    async fixture(ctx) {
      const { id } = await ownedProgram(ctx);
      const { date, time, timeZone, durationMinutes, onlineUrl } = await programInput(21);
      return { programId: id, date, time, timeZone, durationMinutes, onlineUrl };
    },
  },
  '(workspace)/programs/actions.ts#previewInviteAudience': {
    kind: 'action',
    name: 'program.audience',
    permission: 'programs.invite',
    scope: 'any',
    fixture: async () => ({ audience: 'tier=2' }),
  },
  '(workspace)/programs/actions.ts#inviteToSession': {
    kind: 'action',
    name: 'program.invite',
    permission: 'programs.invite',
    scope: 'own',
    async fixture(ctx) {
      const { sessionId } = await ownedProgram(ctx);
      const account = await ownedAccount(ctx.people.owner);
      await insertContact(await db(), { accountId: account.id, name: 'Matrix Invitee', email: uniqueEmail('matrix-invitee') });
      return { sessionId, accountId: account.id };
    },
  },
  '(workspace)/programs/actions.ts#markAttendance': {
    kind: 'action',
    name: 'program.attendance',
    permission: 'programs.write',
    scope: 'own',
    async fixture(ctx) {
      const invitation = await ownedInvitation(ctx, -1);
      return { sessionId: invitation.sessionId, invitationIds: [invitation.id], status: 'attended', minutes: 55 };
    },
  },
  '(workspace)/programs/actions.ts#importAttendance': {
    kind: 'action',
    name: 'program.import_attendance',
    permission: 'programs.write',
    scope: 'own',
    fixture: (ctx) => attendanceUpload(ctx),
  },
  '(workspace)/programs/attendance/upload/route.ts#POST': {
    kind: 'route',
    name: 'program.attendance_upload',
    permission: 'programs.write',
    scope: 'own',
    reply: 'json',
    async request(ctx) {
      const { sessionId, file } = await attendanceUpload(ctx);
      const form = new FormData();
      form.set('sessionId', String(sessionId));
      form.set('file', file);
      return { request: await multipartRequest('http://localhost/programs/attendance/upload', form) };
    },
  },
  '(workspace)/programs/attendee-actions.ts#addAttendeeAsContact': {
    kind: 'action',
    name: 'program.add_attendee_contact',
    permission: 'programs.write',
    scope: 'own',
    async fixture(ctx) {
      const { sessionId, attendeeId } = await unmatchedAttendee(ctx);
      return { sessionId, attendeeId };
    },
  },
  '(workspace)/programs/attendee-actions.ts#matchAttendee': {
    kind: 'action',
    name: 'program.match_attendee',
    permission: 'programs.write',
    scope: 'own',
    fixture: (ctx) => unmatchedAttendee(ctx),
  },
  '(workspace)/programs/attendee-actions.ts#dismissAttendee': {
    kind: 'action',
    name: 'program.dismiss_attendee',
    permission: 'programs.write',
    scope: 'own',
    async fixture(ctx) {
      const { sessionId, attendeeId } = await unmatchedAttendee(ctx);
      return { sessionId, attendeeId };
    },
  },
  '(workspace)/programs/attendee-actions.ts#findContactsToMatch': {
    kind: 'action',
    name: 'program.find_contacts',
    permission: 'programs.write',
    scope: 'any',
    fixture: async () => ({ q: '山田' }),
  },
  '(workspace)/programs/links/[session]/route.ts#GET': {
    kind: 'route',
    name: 'program.links',
    permission: 'programs.read',
    // Everyone who may read the program page sees these links on it.
    scope: 'any',
    reply: 'text',
    async request(ctx) {
      const { sessionId } = await ownedInvitation(ctx);
      return { request: new Request(`http://localhost/programs/links/${sessionId}`), params: { session: String(sessionId) } };
    },
  },
  '(workspace)/programs/reminder-actions.ts#sendSessionReminder': {
    kind: 'action',
    name: 'program.remind',
    permission: 'programs.write',
    scope: 'own',
    // An upcoming session with an invitee who has not registered: nobody to remind, so no SMTP is needed to answer.
    fixture: async (ctx) => ({ sessionId: (await ownedInvitation(ctx)).sessionId }),
  },
  'r/[token]/route.ts#GET': invitationEntry('program.invitation_page', (t) => `/r/${t}`, 'GET'),
  'r/[token]/route.ts#POST': invitationEntry('program.answer', (t) => `/r/${t}`, 'POST'),
  'r/[token]/ics/route.ts#GET': invitationEntry('program.invitation_ics', (t) => `/r/${t}/ics`, 'GET'),
  // Content library.
  '(workspace)/content/actions.ts#createContentItem': {
    kind: 'action',
    name: 'content.create',
    permission: 'content.write',
    scope: 'any',
    fixture: async () => ({ kindId: await contentKindId(), title: 'Onboarding guide', url: 'https://example.com/guide', tiers: [2, 3] }),
  },
  '(workspace)/content/actions.ts#updateContentItemDetails': {
    kind: 'action',
    name: 'content.update',
    permission: 'content.write',
    scope: 'own',
    async fixture(ctx) {
      const id = await ownedContent(ctx);
      return { id, version: 1, kindId: await contentKindId(), title: 'Approval deck template v2', tiers: [] };
    },
  },
  '(workspace)/content/actions.ts#addContentVersion': {
    kind: 'action',
    name: 'content.add_version',
    permission: 'content.write',
    scope: 'own',
    fixture: async (ctx) => ({ itemId: await ownedContent(ctx), url: 'https://example.com/deck-v2', note: 'New layout' }),
  },
  '(workspace)/content/actions.ts#previewAudience': {
    kind: 'action',
    name: 'content.audience',
    permission: 'content.share',
    scope: 'any',
    fixture: async () => ({ audience: 'tier=1' }),
  },
  '(workspace)/content/actions.ts#shareContent': {
    kind: 'action',
    name: 'content.share',
    permission: 'content.share',
    scope: 'own',
    async fixture(ctx) {
      const account = await ownedAccount(ctx.people.owner);
      await insertContact(await db(), { accountId: account.id, name: 'Matrix Contact', email: uniqueEmail('matrix-contact') });
      return { itemId: await ownedContent(ctx), accountId: account.id };
    },
  },
  '(workspace)/accounts/actions.ts#reassignAccounts': {
    kind: 'action',
    name: 'account.reassign',
    permission: 'accounts.reassign',
    scope: 'any',
    fixture: async ({ people }) => ({ ids: [(await ownedAccount(people.owner)).id], ownerId: people.otherCsm.id }),
  },
  '(workspace)/accounts/actions.ts#setTierOverride': {
    kind: 'action',
    name: 'account.override',
    permission: 'tier.override',
    scope: 'any',
    async fixture({ people }) {
      const account = await ownedAccount(people.owner);
      return { id: account.id, version: account.version, tier: 3, reason: 'Strategic logo', until: addDays(await today(), 90) };
    },
  },
  '(workspace)/accounts/actions.ts#clearTierOverride': {
    kind: 'action',
    name: 'account.clear_override',
    permission: 'tier.override',
    scope: 'any',
    async fixture({ people, as }) {
      const account = await ownedAccount(people.owner);
      await as(people.manager);
      mustOk(await setTierOverride(null, { id: account.id, version: account.version, tier: 3, reason: 'Strategic logo', until: '' }));
      return { id: account.id, version: (await findAccount(await db(), account.id))!.version };
    },
  },
  '(workspace)/accounts/actions.ts#requestTierOverride': {
    kind: 'action',
    name: 'account.request_override',
    permission: 'tier.requestOverride',
    scope: 'own',
    fixture: async ({ people }) => ({ id: (await ownedAccount(people.owner)).id, tier: 3, reason: 'Pilot ends', until: addDays(await today(), 60) }),
  },
  '(workspace)/accounts/actions.ts#decideOverrideRequest': {
    kind: 'action',
    name: 'account.decide_override',
    permission: 'overrideRequests.decide',
    scope: 'any',
    async fixture({ people, as }) {
      const account = await ownedAccount(people.owner);
      await as(people.owner);
      const { requestId } = mustOk(await requestTierOverride(null, { id: account.id, tier: 3, reason: 'Pilot ends', until: '' }));
      return { requestId, decision: 'approve', note: 'Agreed' };
    },
  },

  // Account import (the upload route below calls the same actions).
  '(workspace)/accounts/import/actions.ts#previewImport': {
    kind: 'action',
    name: 'account.import_preview',
    permission: 'accounts.import',
    scope: 'any',
    fixture: async () => csvUpload({}),
  },
  '(workspace)/accounts/import/actions.ts#runImport': {
    kind: 'action',
    name: 'account.import',
    permission: 'accounts.import',
    scope: 'any',
    fixture: async () => csvUpload({ mode: 'all' }),
  },

  // Activities.
  '(workspace)/activities/actions.ts#scheduleActivity': {
    kind: 'action',
    name: 'activity.schedule',
    permission: 'activities.schedule',
    scope: 'own',
    fixture: async ({ people }) => meeting((await ownedAccount(people.owner)).id),
  },
  '(workspace)/activities/actions.ts#rescheduleActivity': {
    kind: 'action',
    name: 'activity.reschedule',
    permission: 'activities.schedule',
    scope: 'own',
    async fixture(ctx) {
      const a = await ownedActivity(ctx);
      return { id: a.id, version: a.version, date: addDays(await today(), 31), time: '11:00', durationMinutes: 45, confirm: 'true' };
    },
  },
  '(workspace)/activities/actions.ts#completeActivity': {
    kind: 'action',
    name: 'activity.complete',
    permission: 'activities.schedule',
    scope: 'own',
    fixture: async (ctx) => ({ ...(await ownedActivity(ctx)), outcome: 'Walked through adoption', confirm: 'true' }),
  },
  '(workspace)/activities/actions.ts#cancelActivity': {
    kind: 'action',
    name: 'activity.cancel',
    permission: 'activities.schedule',
    scope: 'own',
    fixture: async (ctx) => ({ ...(await ownedActivity(ctx)), reason: 'Customer asked to move it' }),
  },
  '(workspace)/activities/actions.ts#markNoShow': {
    kind: 'action',
    name: 'activity.no_show',
    permission: 'activities.schedule',
    scope: 'own',
    fixture: async (ctx) => ownedActivity(ctx),
  },
  '(workspace)/activities/series-actions.ts#scheduleSeries': {
    kind: 'action',
    name: 'series.schedule',
    permission: 'activities.schedule',
    scope: 'own',
    async fixture({ people }) {
      const start = addDays(await today(), 21);
      return { ...(await meeting((await ownedAccount(people.owner)).id)), date: start, repeat: 'weekly', interval: 1, until: addDays(start, 28) };
    },
  },
  '(workspace)/activities/series-actions.ts#editSeries': {
    kind: 'action',
    name: 'series.edit',
    permission: 'activities.schedule',
    scope: 'own',
    async fixture(ctx) {
      const s = await ownedSeries(ctx);
      const rule = s.recurrence as { freq: string; interval: number; weekday?: number; day?: number; nth?: number };
      return {
        id: s.id,
        version: s.version,
        time: '15:00',
        durationMinutes: 30,
        location: 'Zoom',
        agenda: '',
        repeat: rule.freq,
        interval: rule.interval,
        weekday: rule.weekday,
        monthDay: rule.day,
        nth: rule.nth,
        until: s.untilDate,
        confirm: 'true',
      };
    },
  },
  '(workspace)/activities/series-actions.ts#cancelSeriesRest': {
    kind: 'action',
    name: 'series.cancel_rest',
    permission: 'activities.schedule',
    scope: 'own',
    async fixture(ctx) {
      const s = await ownedSeries(ctx);
      return { id: s.id, version: s.version, reason: 'Project paused' };
    },
  },

  // Planning.
  '(workspace)/plan/actions.ts#createPlannedActivities': {
    kind: 'action',
    name: 'activity.plan',
    permission: 'activities.plan',
    scope: 'own',
    async fixture({ people }) {
      const account = await ownedAccount(people.owner);
      const workspace = await getWorkspace(await db());
      const day = todayIn(workspace.timeZone);
      const { proposals } = await planFor(await db(), { accountIds: [account.id] }, { today: day, horizonMonths: 3, timeZone: workspace.timeZone });
      if (!proposals.length) throw new Error('fixture: a Tier 1 account with no activities should have proposals');
      const rows = proposals.map((p) => ({ accountId: p.accountId, activityTypeId: p.activityTypeId, due: p.due, date: p.date, time: '10:00', durationMinutes: 60 }));
      return { today: day, horizon: '3', rows: JSON.stringify(rows) };
    },
  },

  // Administration.
  '(workspace)/admin/playbooks/actions.ts#savePlaybook': {
    kind: 'action',
    name: 'playbook.save',
    permission: 'playbooks.manage',
    scope: 'any',
    async fixture() {
      const current = (await currentPlaybooks(await db())).find((p) => p.tier === 3)!;
      // A touch-kind rule: Tier 3 is owed shared content every month.
      const rules = [{ activityTypeId: null, touchKind: 'content_shared', every: 1, unit: 'month', hours: '', bookAheadDays: 0 }];
      return { tier: 3, baseVersion: current.version, note: 'matrix', rules: JSON.stringify(rules) };
    },
  },
  '(workspace)/admin/playbooks/actions.ts#saveActivityType': {
    kind: 'action',
    name: 'activity_type.save',
    permission: 'playbooks.manage',
    scope: 'any',
    fixture: async () => ({ id: '', name: `Workshop ${Math.random().toString(36).slice(2, 8)}`, touchModel: 'high', requiresExecutiveSponsor: '', active: 'true' }),
  },
  '(workspace)/admin/content-kinds/actions.ts#saveContentKind': {
    kind: 'action',
    name: 'content_kind.save',
    permission: 'contentKinds.manage',
    scope: 'any',
    fixture: async () => ({ id: '', name: `Checklist ${Math.random().toString(36).slice(2, 8)}` }),
  },
  '(workspace)/admin/program-kinds/actions.ts#saveProgramKind': {
    kind: 'action',
    name: 'program_kind.save',
    permission: 'programKinds.manage',
    scope: 'any',
    fixture: async () => ({ id: '', name: `Advisory board ${Math.random().toString(36).slice(2, 8)}`, touchModel: 'community' }),
  },
  '(workspace)/admin/signals/actions.ts#createWriteKey': {
    kind: 'action',
    name: 'write_key.create',
    permission: 'signals.manage',
    scope: 'any',
    fixture: async () => ({ name: `Pipeline ${Math.random().toString(36).slice(2, 8)}`, ratePerMinute: '6000' }),
  },
  '(workspace)/admin/signals/actions.ts#revokeWriteKey': {
    kind: 'action',
    name: 'write_key.revoke',
    permission: 'signals.manage',
    scope: 'any',
    fixture: async ({ self }) => {
      const made = newWriteKey();
      return { id: await insertWriteKey(await db(), { name: 'To revoke', prefix: made.prefix, hash: made.hash, ratePerMinute: 6000, createdBy: self.id }) };
    },
  },
  '(workspace)/admin/signals/actions.ts#addEventMapping': {
    kind: 'action',
    name: 'event_mapping.add',
    permission: 'signals.manage',
    scope: 'any',
    fixture: async () => ({ meaning: 'key_feature', event: `Feature ${Math.random().toString(36).slice(2, 8)}`, scoreProperty: '' }),
  },
  '(workspace)/admin/signals/actions.ts#removeEventMapping': {
    kind: 'action',
    name: 'event_mapping.remove',
    permission: 'signals.manage',
    scope: 'any',
    fixture: async () => ({ id: (await addEventMapping(await db(), { meaning: 'login', event: `Login ${Math.random().toString(36).slice(2, 8)}`, scoreProperty: null }))! }),
  },
  '(workspace)/admin/health/actions.ts#previewHealthModel': {
    kind: 'action',
    name: 'health_model.preview',
    permission: 'health.manage',
    scope: 'any',
    fixture: async () => healthModelPayload(),
  },
  '(workspace)/admin/health/actions.ts#applyHealthModel': {
    kind: 'action',
    name: 'health_model.apply',
    permission: 'health.manage',
    scope: 'any',
    fixture: async () => healthModelPayload(),
  },
  '(workspace)/admin/alerts/actions.ts#previewAlertRule': {
    kind: 'action',
    name: 'alert_rule.preview',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => ({ conditions: [{ kind: 'no_activity', days: '14' }, { kind: 'band_poor' }], tiers: [3], stages: [] }),
  },
  '(workspace)/admin/alerts/actions.ts#createAlertRule': {
    kind: 'action',
    name: 'alert_rule.create',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => alertRulePayload(),
  },
  '(workspace)/admin/alerts/actions.ts#updateAlertRule': {
    kind: 'action',
    name: 'alert_rule.update',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async ({ self }) => {
      const rule = await insertAlertRule(await db(), { ...alertRuleValues(), enabled: true, createdBy: self.id });
      return { ...(await alertRulePayload()), id: rule.id, expectedVersion: rule.version };
    },
  },
  '(workspace)/admin/alerts/actions.ts#setAlertRuleEnabled': {
    kind: 'action',
    name: 'alert_rule.enable',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async ({ self }) => ({ id: (await insertAlertRule(await db(), { ...alertRuleValues(), enabled: false, createdBy: self.id })).id, enabled: true }),
  },
  '(workspace)/admin/alerts/actions.ts#deleteAlertRule': {
    kind: 'action',
    name: 'alert_rule.delete',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async ({ self }) => ({ id: (await insertAlertRule(await db(), { ...alertRuleValues(), enabled: true, createdBy: self.id })).id }),
  },
  '(workspace)/admin/alerts/actions.ts#evaluateAlertsNow': {
    kind: 'action',
    name: 'alert_rule.evaluate',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => ({}),
  },
  '(workspace)/admin/alerts/actions.ts#addTier3Defaults': {
    kind: 'action',
    name: 'alert_rule.add_defaults',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => ({ locale: 'ja' }),
  },
  '(workspace)/admin/alerts/actions.ts#saveAlertWebhook': {
    kind: 'action',
    name: 'alert_webhook.update',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => ({ url: 'https://hooks.example.com/touchplan', expectedVersion: (await webhookSettings(await db())).version }),
  },
  '(workspace)/admin/alerts/actions.ts#rotateAlertWebhookSecret': {
    kind: 'action',
    name: 'alert_webhook.rotate',
    permission: 'alerts.manage',
    scope: 'any',
    fixture: async () => ({ expectedVersion: await savedWebhook() }),
  },
  '(workspace)/admin/alerts/actions.ts#testAlertWebhook': {
    kind: 'action',
    name: 'alert_webhook.test',
    permission: 'alerts.manage',
    scope: 'any',
    // A closed port: the test's answer (refused) comes back at once.
    fixture: async () => (await savedWebhook(), {}),
  },
  '(workspace)/admin/jobs/actions.ts#retryFailedJob': {
    kind: 'action',
    name: 'job.retry',
    permission: 'jobs.manage',
    scope: 'any',
    fixture: async () => failedJob(),
  },
  '(workspace)/admin/jobs/actions.ts#retryFailedQueue': {
    kind: 'action',
    name: 'job.retry_all',
    permission: 'jobs.manage',
    scope: 'any',
    fixture: async () => ({ queue: (await failedJob('program-email')).queue }),
  },
  '(workspace)/admin/tiering/actions.ts#previewTierPolicy': {
    kind: 'action',
    name: 'tier_policy.preview',
    permission: 'tierPolicy.manage',
    scope: 'any',
    fixture: async () => policyInput(),
  },
  '(workspace)/admin/tiering/actions.ts#applyTierPolicy': {
    kind: 'action',
    name: 'tier_policy.apply',
    permission: 'tierPolicy.manage',
    scope: 'any',
    fixture: async () => policyInput(),
  },
  '(workspace)/admin/users/actions.ts#createUser': {
    kind: 'action',
    name: 'user.create',
    permission: 'users.manage',
    scope: 'any',
    fixture: async () => ({ email: uniqueEmail('new'), name: 'New Colleague', role: 'csm', password: strongPassword, capacityHours: 120 }),
  },
  '(workspace)/admin/users/actions.ts#updateUserDetails': {
    kind: 'action',
    name: 'user.update',
    permission: 'users.manage',
    scope: 'any',
    async fixture() {
      const target = await createUser('csm');
      return { id: target.id, version: target.version, name: 'Renamed Colleague', role: 'manager', capacityHours: 100 };
    },
  },
  '(workspace)/admin/users/actions.ts#setUserActive': {
    kind: 'action',
    name: 'user.set_active',
    permission: 'users.manage',
    scope: 'any',
    async fixture() {
      const target = await createUser('csm');
      return { id: target.id, version: target.version, active: '' };
    },
  },
  '(workspace)/admin/users/actions.ts#resetUserPassword': {
    kind: 'action',
    name: 'user.reset_password',
    permission: 'users.manage',
    scope: 'any',
    fixture: async () => ({ id: (await createUser('csm')).id, password: strongPassword }),
  },
  '(workspace)/admin/workspace/actions.ts#updateWorkspace': {
    kind: 'action',
    name: 'workspace.update',
    permission: 'workspace.manage',
    scope: 'any',
    async fixture() {
      const w = await getWorkspace(await db());
      return { version: w.version, name: `Workspace ${Math.random().toString(36).slice(2, 8)}`, currency: w.currency, timeZone: w.timeZone, fiscalYearStartMonth: w.fiscalYearStartMonth };
    },
  },

  // The caller's own settings.
  '(workspace)/settings/actions.ts#updateProfile': {
    kind: 'action',
    name: 'profile.update',
    permission: 'profile.edit',
    scope: 'self',
    fixture: async ({ self }) => ({ version: (await findUser(await db(), self.id))!.version, name: 'Renamed Self', locale: 'ja', timeZone: 'Europe/Berlin' }),
  },
  '(workspace)/settings/actions.ts#updateLanguage': {
    kind: 'action',
    name: 'profile.language',
    permission: 'profile.edit',
    scope: 'self',
    fixture: async () => ({ locale: 'ja' }),
  },
  '(workspace)/settings/actions.ts#changePassword': {
    kind: 'action',
    name: 'profile.password',
    permission: 'profile.edit',
    scope: 'self',
    fixture: async () => ({ currentPassword: testPassword, password: strongPassword, confirmPassword: strongPassword }),
  },
  '(workspace)/settings/actions.ts#updateDigest': {
    kind: 'action',
    name: 'profile.digest',
    permission: 'profile.edit',
    scope: 'self',
    fixture: async ({ self }) => ({ version: (await findUser(await db(), self.id))!.version, digestEmail: 'on' }),
  },
  // The caller's own notifications (the bell).
  '(workspace)/notifications/actions.ts#listNotifications': {
    kind: 'action',
    name: 'notification.list',
    permission: 'notifications.read',
    scope: 'self',
    fixture: async () => ({}),
  },
  '(workspace)/notifications/actions.ts#markNotificationsRead': {
    kind: 'action',
    name: 'notification.mark_read',
    permission: 'notifications.read',
    scope: 'self',
    async fixture({ self }) {
      // A task given to them notifies them (migration 0040's trigger).
      const taskId = await ownedTask(self);
      const [n] = await (await db()).select({ id: notifications.id }).from(notifications).where(eq(notifications.taskId, taskId));
      return { id: n!.id };
    },
  },
  '(workspace)/settings/calendar-feed/actions.ts#createCalendarFeed': {
    kind: 'action',
    name: 'calendar_feed.create',
    permission: 'calendarFeed.manage',
    scope: 'self',
    fixture: async () => ({ confirm: 'true' }),
  },
  '(workspace)/settings/calendar-feed/actions.ts#revokeCalendarFeed': {
    kind: 'action',
    name: 'calendar_feed.revoke',
    permission: 'calendarFeed.manage',
    scope: 'self',
    async fixture({ self }) {
      await replaceFeed(await db(), self.id, hashFeedToken(newFeedToken()));
      return {};
    },
  },

  // Session routes.
  '(workspace)/accounts/export/route.ts#GET': {
    kind: 'route',
    name: 'account.export',
    permission: 'accounts.export',
    scope: 'any',
    reply: 'text',
    async request({ people }) {
      await ownedAccount(people.owner);
      return { request: new Request('http://localhost/accounts/export') };
    },
  },
  '(workspace)/accounts/import/template/route.ts#GET': {
    kind: 'route',
    name: 'account.import_template',
    permission: 'accounts.import',
    scope: 'any',
    reply: 'text',
    request: async () => ({ request: new Request('http://localhost/accounts/import/template') }),
  },
  '(workspace)/accounts/import/upload/route.ts#POST': {
    kind: 'route',
    name: 'account.import',
    permission: 'accounts.import',
    scope: 'any',
    reply: 'json',
    request: async () => ({ request: await multipartRequest('http://localhost/accounts/import/upload', csvUpload({ intent: 'run', mode: 'all' })) }),
  },
  // Campaigns: managers and admins create, edit and import; everyone reads (pages only).
  '(workspace)/campaigns/actions.ts#createCampaign': {
    kind: 'action',
    name: 'campaign.create',
    permission: 'campaigns.manage',
    scope: 'any',
    fixture: async () => campaignPayload(),
  },
  '(workspace)/campaigns/actions.ts#updateCampaign': {
    kind: 'action',
    name: 'campaign.update',
    permission: 'campaigns.manage',
    scope: 'any',
    async fixture() {
      const c = await matrixCampaign();
      return { ...campaignPayload(), id: c.id, expectedVersion: c.version };
    },
  },
  '(workspace)/campaigns/actions.ts#previewCampaignAudience': {
    kind: 'action',
    name: 'campaign.audience',
    permission: 'campaigns.manage',
    scope: 'any',
    fixture: async () => ({ audience: 'tier=3' }),
  },
  '(workspace)/campaigns/[id]/import/upload/route.ts#POST': {
    kind: 'route',
    name: 'campaign.import',
    permission: 'campaigns.manage',
    scope: 'any',
    reply: 'json',
    async request() {
      const c = await matrixCampaign();
      const account = await createAccount();
      const form = new FormData();
      form.set('file', new File([`account,outcome,occurred_at\n${account.domain},delivered,2026-11-02 09:00\n`], 'hubspot.csv', { type: 'text/csv' }));
      form.set('intent', 'run');
      form.set('mode', 'all');
      return { request: await multipartRequest(`http://localhost/campaigns/${c.id}/import/upload`, form), params: { id: String(c.id) } };
    },
  },
  '(workspace)/campaigns/[id]/import/template/route.ts#GET': {
    kind: 'route',
    name: 'campaign.import_template',
    permission: 'campaigns.manage',
    scope: 'any',
    reply: 'text',
    async request() {
      const c = await matrixCampaign();
      return { request: new Request(`http://localhost/campaigns/${c.id}/import/template`), params: { id: String(c.id) } };
    },
  },
  '(workspace)/contacts/import/template/route.ts#GET': {
    kind: 'route',
    name: 'contact.import_template',
    permission: 'contacts.write',
    scope: 'any',
    reply: 'text',
    request: async () => ({ request: new Request('http://localhost/contacts/import/template') }),
  },
  '(workspace)/contacts/import/upload/route.ts#POST': {
    kind: 'route',
    name: 'contact.import',
    permission: 'contacts.write',
    scope: 'any',
    reply: 'json',
    request: async (ctx) => ({ request: await multipartRequest('http://localhost/contacts/import/upload', await contactUpload(ctx, { intent: 'run', mode: 'all' })) }),
  },
  '(workspace)/content/upload/route.ts#POST': {
    kind: 'route',
    name: 'content.upload',
    permission: 'content.write',
    scope: 'any',
    reply: 'json',
    request: async () => ({ request: await multipartRequest('http://localhost/content/upload', await contentUpload({ intent: 'create' })) }),
  },
  '(workspace)/content/links/[batch]/route.ts#GET': {
    kind: 'route',
    name: 'content.links',
    permission: 'content.share',
    scope: 'own',
    reply: 'text',
    async request(ctx) {
      const { batchId } = await ownedShare(ctx);
      return { request: new Request(`http://localhost/content/links/${batchId}`), params: { batch: batchId } };
    },
  },
  // Time off: a CSM their own, managers and admins anyone's.
  '(workspace)/coverage/capacity/actions.ts#addTimeOff': {
    kind: 'action',
    name: 'time_off.create',
    permission: 'capacity.read',
    scope: 'own',
    fixture: async ({ people }) => ({ userId: people.owner.id, fromDate: '2026-12-07', toDate: '2026-12-08', hoursPerDay: '8', note: '' }),
  },
  '(workspace)/coverage/capacity/actions.ts#removeTimeOff': {
    kind: 'action',
    name: 'time_off.delete',
    permission: 'capacity.read',
    scope: 'own',
    async fixture({ people }) {
      const id = await insertTimeOff(await db(), { userId: people.owner.id, fromDate: '2026-12-07', toDate: '2026-12-08', hoursPerDay: '8', note: null, createdBy: people.owner.id });
      return { id };
    },
  },
  // A capacity what-if's move applied: the same permission as any reassignment.
  '(workspace)/coverage/capacity/what-if/actions.ts#applyBookMove': {
    kind: 'action',
    name: 'account.reassign_book',
    permission: 'accounts.reassign',
    scope: 'any',
    async fixture({ people }) {
      const account = await ownedAccount(people.owner);
      return { fromId: people.owner.id, ownerId: people.otherCsm.id, tier: account.tier, count: 1 };
    },
  },
  '(workspace)/accounts/renewals/csv/route.ts#GET': {
    kind: 'route',
    name: 'accounts.renewalsCsv',
    permission: 'team.view',
    scope: 'any',
    reply: 'text',
    request: async () => ({ request: new Request('http://localhost/accounts/renewals/csv'), params: {} }),
  },
  '(workspace)/coverage/csv/[chart]/route.ts#GET': {
    kind: 'route',
    name: 'coverage.csv',
    permission: 'coverage.read',
    scope: 'any',
    reply: 'text',
    request: async () => ({ request: new Request('http://localhost/coverage/csv/tiers?period=quarter'), params: { chart: 'tiers' } }),
  },
  '(workspace)/coverage/economics/csv/[what]/route.ts#GET': {
    kind: 'route',
    name: 'economics.csv',
    permission: 'economics.read',
    scope: 'any',
    reply: 'text',
    request: async () => ({ request: new Request('http://localhost/coverage/economics/csv/accounts?period=last12'), params: { what: 'accounts' } }),
  },
  '(workspace)/content/versions/[id]/route.ts#GET': {
    kind: 'route',
    name: 'content.version',
    permission: 'content.read',
    scope: 'any',
    reply: 'text',
    async request(ctx) {
      const itemId = await ownedContent(ctx);
      const [version] = await listContentVersions(await db(), itemId);
      return { request: new Request(`http://localhost/content/versions/${version!.id}`), params: { id: String(version!.id) } };
    },
  },
  '(workspace)/activities/[id]/ics/route.ts#GET': {
    kind: 'route',
    name: 'activity.ics',
    permission: 'accounts.read',
    scope: 'any',
    reply: 'text',
    async request(ctx) {
      const { id } = await ownedActivity(ctx);
      return { request: new Request(`http://localhost/activities/${id}/ics`), params: { id: String(id) } };
    },
  },

  // Token routes.
  'c/[token]/route.ts#GET': contentLinkEntry('GET'),
  'c/[token]/route.ts#HEAD': contentLinkEntry('HEAD'),
  'api/v1/[kind]/route.ts#POST': {
    kind: 'token',
    name: 'ingest',
    refusedStatus: 401,
    async issue(user) {
      const made = newWriteKey();
      const id = await insertWriteKey(await db(), { name: `Matrix ${user.id}`, prefix: made.prefix, hash: made.hash, ratePerMinute: 6000, createdBy: user.id });
      issuedWriteKeys.set(user.id, id);
      return made.key;
    },
    revoke: async (user) => void (await revokeWriteKey(await db(), issuedWriteKeys.get(user.id)!, user.id)),
    wrong: () => newWriteKey().key,
    malformed: ['', 'x', 'tpk_', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(4096)],
    expiry: { none: 'A write key lasts until an admin revokes it: pipelines send with it unattended, day and night.' },
    holder: {
      none: 'A write key belongs to the workspace, not to the admin who made it: pipelines keep sending when that admin leaves; an admin revokes the key explicitly.',
    },
    request: (segment) => ({
      request: new Request('http://localhost/api/v1/track', {
        method: 'POST',
        headers: { authorization: `Bearer ${segment}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'matrix-user', event: 'Matrix Checked', context: { groupId: 'matrix.example' } }),
      }),
      params: { kind: 'track' },
    }),
  },
  // The campaign events API takes the same write keys as ingestion (a campaign named "matrix-campaign" receives).
  'api/v1/campaigns/[key]/events/route.ts#POST': {
    kind: 'token',
    name: 'campaign.events',
    refusedStatus: 401,
    async issue(user) {
      await insertCampaign(await db(), { key: 'matrix-campaign', name: 'Matrix campaign', channel: 'email', tool: 'hubspot', audience: '', startsOn: '2026-01-01' });
      const made = newWriteKey();
      const id = await insertWriteKey(await db(), { name: `Matrix campaign ${user.id}`, prefix: made.prefix, hash: made.hash, ratePerMinute: 6000, createdBy: user.id });
      issuedWriteKeys.set(user.id, id);
      return made.key;
    },
    revoke: async (user) => void (await revokeWriteKey(await db(), issuedWriteKeys.get(user.id)!, user.id)),
    wrong: () => newWriteKey().key,
    malformed: ['', 'x', 'tpk_', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(4096)],
    expiry: { none: 'A write key lasts until an admin revokes it: sending tools report outcomes with it unattended.' },
    holder: { none: 'A write key belongs to the workspace, not to the admin who made it (as for ingestion).' },
    request: (segment) => ({
      request: new Request('http://localhost/api/v1/campaigns/matrix-campaign/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${segment}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'matrix@matrix.example', outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' }),
      }),
      params: { key: 'matrix-campaign' },
    }),
  },
  'feeds/[token]/route.ts#GET': {
    kind: 'token',
    name: 'calendar_feed.read',
    async issue(user) {
      const token = newFeedToken();
      await replaceFeed(await db(), user.id, hashFeedToken(token));
      return new URL(feedUrl('http://localhost', token)).pathname.split('/').pop()!;
    },
    revoke: async (user) => void (await revokeFeeds(await db(), user.id)),
    wrong: () => new URL(feedUrl('http://localhost', newFeedToken())).pathname.split('/').pop()!,
    malformed: ['', 'x', 'not-a-token.ics', '..%2F..%2Fetc%2Fpasswd', `${'a'.repeat(4096)}.ics`],
    expiry: { none: 'A feed address lasts until its owner replaces or revokes it, an admin resets their password, or they are deactivated.' },
    request: (segment) => ({ request: new Request(`http://localhost/feeds/${segment}`), params: { token: segment } }),
  },
};

/** A webhook saved with its secret; the workspace version after. */
async function savedWebhook(): Promise<number> {
  const current = await webhookSettings(await db());
  await saveWebhookSettings(await db(), current.version, { url: 'http://127.0.0.1:9/nudges', secret: 'whsec_matrix' });
  return current.version + 1;
}

function alertRuleValues() {
  return { name: `Rule ${Math.random().toString(36).slice(2, 8)}`, conditions: [{ kind: 'no_activity' as const, days: 14 }], tiers: [], stages: [], closeAfterDays: 7, taskPriority: 'normal', taskDueDays: 2 };
}

/** An alert rule as the editor sends it: numbers as typed. */
async function alertRulePayload() {
  return { name: `Rule ${Math.random().toString(36).slice(2, 8)}`, conditions: [{ kind: 'no_activity', days: '14' }], tiers: [3], stages: ['onboarding'], taskPriority: 'high', taskDueDays: '2', closeAfterDays: '7' };
}

/** The current health model as the editor sends it, from the version it is. */
async function healthModelPayload() {
  const m = await currentHealthModel(await db());
  return { expectedVersion: m.version, poorMax: m.poorMax, averageMax: m.averageMax, note: 'matrix', components: m.components };
}

async function policyInput() {
  const p = await currentPolicy(await db());
  return {
    version: p.version,
    tier1Threshold: String(p.tier1Threshold),
    tier2Threshold: String(p.tier2Threshold),
    lifetimeCapYears: String(p.lifetimeCapYears),
    raiseForGrowth: p.raiseForGrowth,
    raiseForChurnRisk: p.raiseForChurnRisk,
    note: 'matrix',
  };
}

/** Deactivates a user without touching anything else of theirs (unlike the admin action, which also revokes feeds). */
export async function deactivate(user: PublicUser) {
  const current = (await findUser(await db(), user.id))!;
  await updateUser(await db(), user.id, current.version, { active: false });
}
