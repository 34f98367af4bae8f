'use server';

import { createHash } from 'node:crypto';
import type { Tx } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { countAudience } from '@/db/queries/content';
import {
  activeUserIds,
  applyAttendance,
  attendanceLookups,
  findAttendanceImport,
  contactOwners,
  findProgram,
  findSession,
  insertProgram,
  insertSession,
  invitationsOfSession,
  inviteContacts,
  listProgramKinds,
  setInvitationStatus,
} from '@/db/queries/programs';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import type { AccountFilters } from '@/lib/accounts/filters';
import { parseAccountFilters } from '@/lib/accounts/list-params';
import { assertCanEditAccount, assertCanRunProgram, canManageAccounts } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import { smtpUrl } from '@/lib/env';
import { enqueue, openJobs } from '@/lib/server/jobs';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { audienceInput } from '@/lib/validation/content';
import { addSessionInput, createProgramInput, importAttendanceInput, inviteInput, markAttendanceInput, type sessionFields } from '@/lib/validation/program';
import { planAttendance, reportLookups } from '@/lib/programs/attendance-matching';
import { readAttendeeReport } from '@/lib/programs/attendee-report';
import type { z } from 'zod';

type SessionFields = { [K in keyof typeof sessionFields]: z.output<(typeof sessionFields)[K]> };

const sessionValues = (input: SessionFields) => ({
  startsAt: zonedToUtc(input.date, input.time, input.timeZone),
  timeZone: input.timeZone,
  durationMinutes: input.durationMinutes,
  onlineUrl: input.onlineUrl,
  venue: input.venue,
  capacity: input.capacity,
  preparationHours: input.preparationHours,
});

async function assertKindUsable(tx: Tx, kindId: number) {
  const kind = (await listProgramKinds(tx)).find((k) => k.id === kindId);
  if (!kind?.active) throw new ActionError({ key: 'validation.invalid' }, 'kindId');
}

export const createProgram = action({
  name: 'program.create',
  permission: 'programs.write',
  input: createProgramInput,
  revalidate: ['/programs'],
  async run({ user, input, tx, audit }) {
    await assertKindUsable(tx, input.kindId);
    // Nobody chosen: the one creating it hosts it.
    const hostIds = input.hostIds.length ? input.hostIds : [user.id];
    if ((await activeUserIds(tx, hostIds)).length !== hostIds.length) throw new ActionError({ key: 'programs.errors.hostInactive' }, 'hostIds');
    const { kindId, title, description, language, tiers } = input;
    const id = await insertProgram(tx, { kindId, title, description, language, tiers, createdBy: user.id }, hostIds);
    const session = sessionValues(input);
    const sessionId = await insertSession(tx, { programId: id, ...session });
    await audit({ action: 'program.create', entity: 'program', entityId: id, after: { kindId, title, language, tiers, hostIds, sessionId, ...session } });
    return { id, sessionId };
  },
});

export const addProgramSession = action({
  name: 'program.add_session',
  permission: 'programs.write',
  input: addSessionInput,
  revalidate: ['/programs'],
  async run({ user, input, tx, audit }) {
    const program = await findProgram(tx, input.programId);
    if (!program || program.archived) throw notFoundError();
    assertCanRunProgram(user, program);
    const session = sessionValues(input);
    const sessionId = await insertSession(tx, { programId: program.id, ...session });
    await audit({ action: 'program.add_session', entity: 'program', entityId: program.id, after: { sessionId, ...session } });
    return { sessionId };
  },
});

/** Whose contacts an invitation reaches: one account the user works on, chosen contacts, or an audience (a CSM's is always their own book). */
async function inviteTarget(tx: Tx, user: CurrentUser, input: { accountId: number | null; audience: string | null; contactIds: number[] }): Promise<AccountFilters> {
  if (input.accountId !== null) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw notFoundError();
    assertCanEditAccount(user, account);
    return { ids: [account.id] };
  }
  if (input.contactIds.length) {
    const owners = await contactOwners(tx, input.contactIds);
    if (owners.length !== input.contactIds.length) throw notFoundError();
    for (const c of owners) assertCanEditAccount(user, c);
    return {};
  }
  const filters = parseAccountFilters(Object.fromEntries(new URLSearchParams(input.audience ?? '')), user);
  return canManageAccounts(user) ? filters : { ...filters, ownerId: user.id };
}

/** How many accounts and contacts an invitation audience reaches now, for the live count beside the filter. */
export const previewInviteAudience = action({
  name: 'program.audience',
  permission: 'programs.invite',
  input: audienceInput,
  async run({ user, input, tx }) {
    return countAudience(tx, await inviteTarget(tx, user, { accountId: null, audience: input.audience, contactIds: [] }));
  },
});

export const inviteToSession = action({
  name: 'program.invite',
  permission: 'programs.invite',
  input: inviteInput,
  revalidate: ['/programs', '/accounts'],
  // The emails are enqueued inside the transaction; the queue must be open before it starts.
  prepare: async () => {
    if (smtpUrl()) await openJobs();
  },
  async run({ user, input, tx, audit }) {
    const session = await findSession(tx, input.sessionId);
    if (!session) throw notFoundError();
    if (session.cancelled || new Date(session.startsAt).getTime() + session.durationMinutes * 60_000 <= Date.now())
      throw new ActionError({ key: 'programs.errors.sessionOver' });
    const filters = await inviteTarget(tx, user, input);
    if (input.expected !== undefined && !input.contactIds.length) {
      const reach = await countAudience(tx, filters);
      // The audience changed since the user saw its count: invite nobody they did not see counted.
      if (reach.contacts !== input.expected) throw new ActionError({ key: 'programs.errors.audienceChanged', values: { count: reach.contacts } });
    }
    const emailing = smtpUrl() !== undefined;
    const result = await inviteContacts(tx, { session, filters, contactIds: input.contactIds, invitedBy: user.id, emailStatus: emailing ? 'queued' : 'not_sent' });
    if (result.matched === 0) throw new ActionError({ key: 'programs.errors.noContacts' });
    // In this transaction: the job exists only if the invitations commit.
    if (emailing && result.invited > result.optedOut) await enqueue('program-email', { sessionId: session.id }, { tx });
    await audit({
      action: 'program.invite',
      entity: 'program',
      entityId: session.programId,
      after: { sessionId: session.id, accountId: input.accountId, audience: input.audience, contacts: input.contactIds.length || undefined, ...result },
    });
    return { ...result, emailing };
  },
});

/** Attendance recorded by hand: attended (with minutes, if known) or no-show. */
export const markAttendance = action({
  name: 'program.attendance',
  permission: 'programs.write',
  input: markAttendanceInput,
  revalidate: ['/programs', '/accounts'],
  async run({ user, input, tx, audit }) {
    const session = await findSession(tx, input.sessionId, { forUpdate: true });
    if (!session) throw notFoundError();
    assertCanRunProgram(user, session);
    if (new Date(session.startsAt).getTime() > Date.now()) throw new ActionError({ key: 'programs.errors.notStarted' });
    const ids = await invitationsOfSession(tx, session.id, input.invitationIds);
    if (ids.length !== input.invitationIds.length) throw notFoundError();
    const changed = await setInvitationStatus(tx, { ids, status: input.status, minutes: input.minutes, at: new Date(), touchModel: session.touchModel });
    await audit({ action: 'program.attendance', entity: 'program', entityId: session.programId, after: { sessionId: session.id, status: input.status, minutes: input.minutes, invitations: ids.length, changed } });
    return { changed };
  },
});

/**
 * An attendee report from Zoom or Teams, as exported: attendees become
 * attended (with their minutes; invited now if they were not), registrants
 * who never joined no-shows; people with an account's domain are offered as
 * new contacts and the rest listed to resolve by hand. The same file again
 * changes nothing.
 */
export const importAttendance = action({
  name: 'program.import_attendance',
  permission: 'programs.write',
  input: importAttendanceInput,
  revalidate: ['/programs', '/accounts'],
  async run({ user, input, tx, audit }) {
    const session = await findSession(tx, input.sessionId, { forUpdate: true });
    if (!session) throw notFoundError();
    assertCanRunProgram(user, session);
    if (new Date(session.startsAt).getTime() > Date.now()) throw new ActionError({ key: 'programs.errors.notStarted' });
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const earlier = await findAttendanceImport(tx, session.id, sha256);
    if (earlier) return { ...(earlier.summary as AttendanceSummary), repeated: true };

    const parsed = readAttendeeReport(bytes, session.timeZone);
    if (!parsed.ok) throw new ActionError(parsed.error, 'file');
    const { persons, tool, kind } = parsed.report;
    const plan = planAttendance({ persons, ...(await attendanceLookups(tx, session.id, reportLookups(persons))) });
    const unmatched = plan.people.flatMap(({ person, match }) =>
      match.kind === 'contact' ? [] : [{ name: person.name, email: person.email || null, minutes: person.minutes, accountId: match.kind === 'account' ? match.accountId : null }],
    );
    const summary: AttendanceSummary = {
      tool,
      kind,
      people: plan.people.length,
      staff: plan.staff.length,
      attended: plan.changes.filter((c) => c.to === 'attended').length,
      noShow: plan.changes.filter((c) => c.to === 'no_show').length,
      added: plan.changes.filter((c) => c.from === null).length,
      newContacts: unmatched.filter((u) => u.accountId !== null).length,
      unmatched: unmatched.filter((u) => u.accountId === null).length,
    };
    await applyAttendance(tx, { session, changes: plan.changes, unmatched, file: { name: input.file.name.slice(0, 200) || 'report.csv', sha256 }, summary, importedBy: user.id });
    await audit({ action: 'program.import_attendance', entity: 'program', entityId: session.programId, after: { sessionId: session.id, file: input.file.name, ...summary } });
    return { ...summary, repeated: false };
  },
});

export type AttendanceSummary = {
  tool: 'zoom' | 'teams';
  kind: 'webinar' | 'meeting';
  people: number;
  staff: number;
  attended: number;
  noShow: number;
  added: number;
  newContacts: number;
  unmatched: number;
};
