import { sql } from 'drizzle-orm';
import { getDb, queryRows, type Db } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { findProgram, findSession, invitationPageSize, listHostCandidates, listInvitations, listProgramKinds, listProgramSessions, programFunnel, setInvitationStatus } from '@/db/queries/programs';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canManageAccounts } from '@/lib/auth/access';
import { todayIn } from '@/lib/dates';
import { pickSession } from '@/lib/programs/session-choice';
import { addDays } from '@/lib/scheduling/local-date';
import { addProgramSession, createProgram, inviteToSession, previewInviteAudience } from '@/app/(workspace)/programs/actions';
import { POST as uploadAttendance } from '@/app/(workspace)/programs/attendance/upload/route';
import { insertContacts } from './content-seed';
import { load } from './content';
import { ms, percentile, timed, type Result } from './measure';
import { zoomWebinarReport, type ReportAttendee } from './zoom-report';

// The issue-11 measurements through the app's own server actions and route,
// called in this process as a signed-in manager (scripts/bench/actions.ts):
// inviting an audience of 10,000 contacts to a session, importing a 5,000-row
// Zoom attendee report, and the program page's queries for a session with
// 10,000 invitations.

export const contactCount = 300_000;
const timeZone = 'Asia/Tokyo';
export const inviteTargetMs = 3_000;
export const importTargetMs = 5_000;
export const pageTargetMs = 200;

/** 3 contacts per account (content-seed.ts: Japanese and English names at the account's domain, 3 % opted out). */
export async function seedPeople(db: Db): Promise<number> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.1111)`);
    await tx.execute(insertContacts());
  });
  await db.execute(sql`vacuum analyze contacts`);
  return countContacts(db);
}

export async function countContacts(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts`);
  return row!.n;
}

/** An action's data, or a thrown error with what it answered. */
function data<T>(result: { ok: boolean; data?: unknown }, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
  return result.data as T;
}

/**
 * The invite form's audience for a Tier 2 webinar: Tier 2 accounts renewing
 * within N days, the smallest N whose active contacts reach `contacts`,
 * counted by the form's own live count (the preview action).
 */
export async function tier2Audience(contacts: number): Promise<{ audience: string; accounts: number; contacts: number; emailable: number }> {
  const reach = async (days: number) => {
    const audience = `tier=2&renewal=${days}`;
    return { audience, ...data<{ accounts: number; contacts: number; emailable: number }>(await previewInviteAudience(null, { audience }), 'audience preview') };
  };
  let [low, high] = [1, 3650];
  if ((await reach(high)).contacts < contacts) throw new Error(`Tier 2 has fewer than ${contacts} active contacts`);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await reach(mid)).contacts >= contacts) high = mid;
    else low = mid + 1;
  }
  return reach(low);
}

/** A webinar (made with the new-program action) hosted by `hostId`, its first session tomorrow at 10:00 Tokyo time. */
export async function newWebinar(title: string, hostId: number): Promise<{ id: number; sessionId: number }> {
  const kindId = (await listProgramKinds(await getDb())).find((k) => k.key === 'webinar')!.id;
  const result = await createProgram(null, {
    kindId,
    title,
    description: 'Tier 2 のお客様向けの定例ウェビナーです。',
    language: 'ja',
    tiers: [2],
    hostIds: [hostId],
    date: addDays(todayIn(timeZone), 1),
    time: '10:00',
    timeZone,
    durationMinutes: 60,
    onlineUrl: 'https://zoom.us/j/84522107316',
  });
  return data(result, 'create program');
}

async function addSession(programId: number, daysAhead: number): Promise<number> {
  const result = await addProgramSession(null, {
    programId,
    date: addDays(todayIn(timeZone), daysAhead),
    time: '10:00',
    timeZone,
    durationMinutes: 60,
    onlineUrl: 'https://zoom.us/j/84522107316',
  });
  return data<{ sessionId: number }>(result, 'add session').sessionId;
}

type Invited = { matched: number; invited: number; optedOut: number; emailing: boolean };

/** The invite form's submit: the audience and the count the user saw. */
export async function invite(sessionId: number, audience: { audience: string; contacts: number }) {
  const form = new FormData();
  form.set('sessionId', String(sessionId));
  form.set('audience', audience.audience);
  form.set('expected', String(audience.contacts));
  return timed(async () => data<Invited>(await inviteToSession(null, form), 'invite'));
}

/**
 * (a) The invite action on `runs` fresh sessions of one webinar: each invites
 * the whole audience (none of them invited before), with the emails queued.
 */
export async function measureInvites(managerId: number, audience: { audience: string; contacts: number; accounts: number }, runs: number): Promise<Result> {
  const program = await newWebinar('ベンチ: 招待の計測', managerId);
  const times: number[] = [];
  let last: Invited | undefined;
  for (let run = 0; run < runs; run++) {
    const sessionId = run === 0 ? program.sessionId : await addSession(program.id, 1 + run * 7);
    const { ms: took, value } = await invite(sessionId, audience);
    times.push(took);
    last = value;
    console.log(
      `  invite ${run + 1}: ${ms(took)}, ${value.invited.toLocaleString('en')} invitations (${value.optedOut} opted out, emails ${value.emailing ? 'queued' : 'not sent'}) (load average ${load()})`,
    );
  }
  const worst = Math.max(...times);
  return {
    name: `invite an audience of ${last!.invited.toLocaleString('en')} contacts (${audience.accounts.toLocaleString('en')} accounts), ${runs} fresh sessions`,
    target: `≤ ${ms(inviteTargetMs)}`,
    figures: `p50 ${ms(percentile(times, 50))}, max ${ms(worst)} (${times.map(ms).join(', ')})`,
    ok: worst <= inviteTargetMs,
  };
}

export type ImportSession = { programId: number; sessionId: number; startsAt: Date; invited: number };

/**
 * The webinar the attendee report is for: its audience invited (timed, as one
 * more invite), 37.5 % of them registered through their links (set-based, as
 * the public page records a registration), then the session moved to
 * yesterday 10:00, as if it had run.
 */
export async function webinarThatRan(db: Db, managerId: number, audience: { audience: string; contacts: number }): Promise<ImportSession> {
  const program = await newWebinar('Tier 2 ウェビナー: ダッシュボード活用', managerId);
  const { ms: took, value } = await invite(program.sessionId, audience);
  console.log(`  invite for the import's session: ${ms(took)}, ${value.invited.toLocaleString('en')} invitations (load average ${load()})`);
  const ids = await queryRows<{ id: number }>(
    db,
    sql`select id from program_invitations where session_id = ${program.sessionId} order by md5(id::text) limit ${Math.round(value.invited * 0.375)}`,
  );
  const session = await findSession(db, program.sessionId);
  await setInvitationStatus(db, { ids: ids.map((r) => r.id), status: 'registered', at: new Date(Date.now() - 3 * 86_400_000), touchModel: session!.touchModel });
  const startsAt = new Date(`${addDays(todayIn(timeZone), -1)}T10:00:00+09:00`);
  await db.execute(sql`update program_sessions set starts_at = ${startsAt.toISOString()}::timestamptz where id = ${program.sessionId}`);
  await db.execute(sql`analyze program_invitations`);
  return { programId: program.id, sessionId: program.sessionId, startsAt, invited: value.invited };
}

const newFamilies = ['ogawa', 'fujii', 'okada', 'goto', 'hasegawa', 'murakami', 'kondo', 'ishii', 'saito', 'sakamoto'];
const newFamiliesJa = ['小川', '藤井', '岡田', '後藤', '長谷川', '村上', '近藤', '石井', '斎藤', '坂本'];
const givens = ['daisuke', 'naoki', 'takuya', 'kenta', 'ryo', 'yumi', 'megumi', 'mariko', 'ayaka', 'nana'];
const givensJa = ['大輔', '直樹', '拓也', '健太', '亮', '由美', '恵', '真理子', '彩花', '奈々'];
const depts = ['営業企画部', '情報システム部', '経営企画室', '総務部', 'カスタマーサクセス'];

/** "naoki.sasaki@x" → "Naoki.Sasaki@x": some people type their address with capitals. */
const capitalised = (email: string) => email.replace(/(^|\.)([a-z])/g, (_, dot: string, c: string) => dot + c.toUpperCase()).replace(/@.*/, (d) => d.toLowerCase());

/**
 * The people of a 5,000-row report for the session: 2,700 registered invitees
 * who came (550 left and rejoined: 100 three times, 450 twice; one in ten
 * writes their address with capitals), 1,050 registered invitees who never
 * joined, 250 contacts of other accounts who came uninvited (the link was
 * forwarded), 200 people at other accounts' domains who are not contacts
 * (some at a subdomain), 100 with personal addresses, and 50 guests without
 * an email.
 */
export async function reportPeople(db: Db, sessionId: number): Promise<ReportAttendee[]> {
  const registered = await queryRows<{ name: string; email: string }>(
    db,
    sql`select c.name, c.email from program_invitations i join contacts c on c.id = i.contact_id
        where i.session_id = ${sessionId} and i.status = 'registered' order by md5(i.id::text) limit 3750`,
  );
  if (registered.length < 3750) throw new Error(`only ${registered.length} registered invitees`);
  const uninvited = await queryRows<{ name: string; email: string }>(
    db,
    sql`select c.name, c.email from contacts c
        where c.active and not exists (select 1 from program_invitations i where i.session_id = ${sessionId} and i.account_id = c.account_id)
        order by md5(c.id::text) limit 250`,
  );
  const domains = await queryRows<{ domain: string }>(
    db,
    sql`select a.domain from accounts a
        where not exists (select 1 from program_invitations i where i.session_id = ${sessionId} and i.account_id = a.id)
        order by md5(a.id::text || 'new') limit 200`,
  );
  const people: ReportAttendee[] = [];
  // Joins: first at -3…+15 minutes; a rejoin after a 3–8 minute gap; all within the hour.
  const joinsOf = (i: number, count: number) => {
    const joins: { at: number; minutes: number }[] = [];
    let at = -3 + (i % 19);
    const span = 62 - at;
    for (let k = 0; k < count; k++) {
      const minutes = Math.max(3, Math.floor(span / count) - 8 + ((i + k) % 5));
      joins.push({ at, minutes });
      at += minutes + 3 + ((i * 3 + k) % 6);
    }
    return joins;
  };
  for (const [i, p] of registered.entries()) {
    if (i < 2700) {
      const count = i < 100 ? 3 : i < 550 ? 2 : 1;
      people.push({ name: p.name, email: i % 10 === 3 ? capitalised(p.email) : p.email, joins: joinsOf(i, count), guest: false });
    } else {
      people.push({ name: p.name, email: p.email, joins: [], guest: false });
    }
  }
  for (const [i, p] of uninvited.entries()) people.push({ name: p.name, email: p.email, joins: joinsOf(i, 1), guest: true });
  for (const [i, d] of domains.entries()) {
    const [g, f] = [i % 10, Math.floor(i / 10) % 10];
    people.push({
      name: `${newFamiliesJa[f]} ${givensJa[g]}`,
      email: `${givens[g]}.${newFamilies[f]}@${i % 10 === 0 ? 'mail.' : ''}${d.domain}`,
      joins: joinsOf(i, 1),
      guest: true,
    });
  }
  for (let i = 0; i < 100; i++) {
    const [g, f] = [i % 10, Math.floor(i / 10) % 10];
    const host = ['gmail.com', 'yahoo.co.jp', 'outlook.jp', 'icloud.com'][i % 4];
    people.push({ name: `${newFamiliesJa[f]} ${givensJa[g]}`, email: `${givens[g]}.${newFamilies[f]}${i}@${host}`, joins: joinsOf(i, 1), guest: true });
  }
  for (let i = 0; i < 50; i++) {
    people.push({ name: `${newFamiliesJa[i % 10]}（${depts[Math.floor(i / 10) % 5]}）`, email: '', joins: joinsOf(i, 1), guest: true });
  }
  // As Zoom lists them: those who came by when they first joined, then the registrants who did not.
  const first = (p: ReportAttendee) => (p.joins[0]?.at ?? Infinity);
  return people.map((p, i) => ({ p, i })).sort((a, b) => first(a.p) - first(b.p) || a.i - b.i).map(({ p }) => p);
}

type Summary = { tool: string; kind: string; people: number; staff: number; attended: number; noShow: number; added: number; newContacts: number; unmatched: number; repeated: boolean };

/** The page's upload: POST /programs/attendance/upload (multipart: sessionId, file), the route that calls the import action. */
async function upload(sessionId: number, bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Summary> {
  const form = new FormData();
  form.set('sessionId', String(sessionId));
  form.set('file', new File([bytes], name, { type: 'text/csv' }));
  const res = await uploadAttendance(new Request('http://127.0.0.1:3000/programs/attendance/upload', { method: 'POST', body: form }));
  const body = (await res.json()) as { ok: boolean; data?: Summary };
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  return data<Summary>(body, 'attendance import');
}

const summaryLine = (s: Summary) =>
  `${s.people.toLocaleString('en')} people, ${s.attended.toLocaleString('en')} attended, ${s.noShow.toLocaleString('en')} no-shows, ${s.added} invited now, ${s.newContacts} offered as new contacts, ${s.unmatched} unmatched${s.repeated ? ' (same file: earlier result)' : ''}`;

/**
 * (b) The report uploaded three times: the first import; the same file again
 * (recognised by its hash, nothing written); a later export of the same
 * webinar (only "Report Generated" differs), read and matched in full, which
 * must change nothing.
 */
export async function measureImport(db: Db, session: ImportSession, managerId: number, panelistId: number): Promise<Result> {
  const [host, panelist] = await Promise.all(
    [managerId, panelistId].map(async (id) => (await queryRows<{ name: string; email: string }>(db, sql`select name, email from users where id = ${id}`))[0]!),
  );
  const attendees = await reportPeople(db, session.sessionId);
  const report = (generatedAt: Date) =>
    zoomWebinarReport({ topic: 'Tier 2 ウェビナー: ダッシュボード活用', start: session.startsAt, host: host!, panelist: panelist!, attendees, generatedAt });
  const file = report(new Date(session.startsAt.getTime() + 90 * 60_000));
  const rows = new TextDecoder().decode(file).split('\r\n').length - 13;
  console.log(`  report: ${rows.toLocaleString('en')} attendee rows, ${attendees.length.toLocaleString('en')} people, ${(file.byteLength / 1e6).toFixed(2)} MB`);
  const runs: { label: string; ms: number; summary: Summary }[] = [];
  for (const [label, bytes] of [
    ['first import', file],
    ['same file again', file],
    ['a later export of the same report', report(new Date(session.startsAt.getTime() + 26 * 3_600_000))],
  ] as const) {
    const { ms: took, value } = await timed(() => upload(session.sessionId, bytes, 'participants_84522107316.csv'));
    runs.push({ label, ms: took, summary: value });
    console.log(`  ${label}: ${ms(took)} — ${summaryLine(value)} (load average ${load()})`);
  }
  const [first, again, later] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
  const changedNothing = again.summary.repeated && later.summary.attended + later.summary.noShow + later.summary.added === 0;
  if (!changedNothing) console.log('  !! importing the report again changed something');
  return {
    name: `import a ${rows.toLocaleString('en')}-row Zoom attendee report; the same file again; a later export of it`,
    target: `≤ ${ms(importTargetMs)}; again: no change`,
    figures: `${ms(first.ms)}; ${ms(again.ms)}; ${ms(later.ms)} (${changedNothing ? 'no change' : 'CHANGED'})`,
    ok: runs.every((r) => r.ms <= importTargetMs) && changedNothing,
  };
}

/**
 * What app/(workspace)/programs/[id]/page.tsx loads, in its order and with
 * its functions: the user; the program (also read by generateMetadata, at
 * the same time); sessions, funnel, host candidates and CSMs together; then
 * the chosen session's page of invitations and its no-shows together.
 */
async function programPageQueries(db: Db, programId: number, page: number) {
  const user = await getCurrentUser();
  if (!user) throw new Error('not signed in');
  const body = async () => {
    const program = await findProgram(db, programId);
    const [sessions] = await Promise.all([
      listProgramSessions(db, program!.id),
      programFunnel(db, program!.id),
      listHostCandidates(db),
      canManageAccounts(user) ? activeCsms(db) : Promise.resolve(null),
    ]);
    const session = pickSession(sessions, null);
    const [invitations] = session
      ? await Promise.all([listInvitations(db, session.id, { page }), listInvitations(db, session.id, { page: 1, status: 'no_show' })])
      : [[], []];
    return invitations;
  };
  const [, invitations] = await Promise.all([findProgram(db, programId), body()]);
  return invitations;
}

/** (c) The program page's queries for the webinar, page 1 and the last page of its invitations: 10 warm-up loads, then `samples`. */
export async function measurePageQueries(db: Db, programId: number, samples = 100): Promise<Result> {
  const [first] = await programPageQueries(db, programId, 1);
  const total = first?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / invitationPageSize));
  const sample = async (page: number) => {
    for (let i = 0; i < 10; i++) await programPageQueries(db, programId, page);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push((await timed(() => programPageQueries(db, programId, page))).ms);
    return times;
  };
  const p1 = await sample(1);
  const pn = await sample(lastPage);
  const fig = (t: number[]) => `p50 ${ms(percentile(t, 50))} / p95 ${ms(percentile(t, 95))} / max ${ms(Math.max(...t))}`;
  console.log(`  program page queries, ${total.toLocaleString('en')} invitations: page 1 ${fig(p1)}; page ${lastPage} ${fig(pn)} (load average ${load()})`);
  return {
    name: `program page's queries, session with ${total.toLocaleString('en')} invitations (page 1; page ${lastPage})`,
    target: `p95 ≤ ${ms(pageTargetMs)}`,
    figures: `${fig(p1)}; ${fig(pn)}`,
    ok: Math.max(percentile(p1, 95), percentile(pn, 95)) <= pageTargetMs,
  };
}
