import type * as Navigation from 'next/navigation';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertAlertRule } from '@/db/queries/alert-rules';
import { insertCampaign, recordCampaignEvents } from '@/db/queries/campaigns';
import { listContentKinds } from '@/db/queries/content';
import { listActivityTypes } from '@/db/queries/playbooks';
import { listProgramKinds } from '@/db/queries/programs';
import { refreshTouches } from '@/db/queries/touches';
import {
  accountHealth,
  activities,
  alertEpisodes,
  auditLog,
  contacts,
  contentItems,
  contentRecipients,
  contentShares,
  contentVersions,
  coverageObligations,
  healthHistory,
  programInvitations,
  programSessions,
  programs,
  tasks,
  tierHistory,
  touches,
  workspaceSettings,
} from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import AccountPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
  usePathname: () => '/accounts',
  useSearchParams: () => new URLSearchParams(),
}));

describe('the account page, "What the playbook asks"', () => {
  it('shows each rule\'s open obligation as the coverage job worked it out: next due, overdue, and the touch that last met it', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ name: 'Minato Optics', ownerId: csm.id });
    const db = await getDb();
    await db.delete(coverageObligations).where(eq(coverageObligations.accountId, account.id));
    const rule = { accountId: account.id, tier: account.tier, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const };
    await db.insert(coverageObligations).values([
      { ...rule, due: '2026-10-01', deadline: '2026-10-01', status: 'on_time', metOn: '2026-09-28' },
      { ...rule, due: '2026-10-28', deadline: '2026-10-28', status: 'overdue' },
      { ...rule, touchKind: 'program_attended', every: 3, due: '2027-01-15', deadline: '2027-01-15', status: 'not_yet_due' },
    ]);
    await signInAs(csm);
    const text = textOf(await renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve({}) })));
    expect(text).toContain('What the playbook asks');
    expect(text).toMatch(/Content shared · every month\s*Last Sep 28, 2026\s*Due Oct 28, 2026\s*Overdue/);
    expect(text).toMatch(/Attended a program · every 3 months\s*Not met yet\s*Due Jan 15, 2027/);
  });
});

describe('the account page, an override suggested by a link', () => {
  it('opens the override form in the tier section with the tier and reason the link carries; without them no form is rendered', async () => {
    const account = await createAccount({ name: 'Kanda Robotics', arr: '8000000' });
    await signInAs(await createUser('manager'));
    const render = async (query: Record<string, string>) => renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve(query) }));
    const reason = 'Tier 1 coverage 25% (1 of 4 touches on time): value left without care.';
    const html = await render({ overrideTier: '2', overrideReason: reason });
    expect(html).toContain('<div id="override"');
    expect(html).toMatch(/aria-current="page"[^>]*href="\/accounts\/\d+\?tab=tier">Tier</);
    expect(html).toContain(`>${reason}</textarea>`);
    expect(html).toMatch(/<option value="2" selected="">Tier 2<\/option>/);
    const plain = await render({});
    expect(plain).not.toContain('id="override"');
    expect(plain).not.toContain('name="reason"');
    // Asked for by its button: the same form, the account's own tier first.
    const asked = await render({ form: 'override' });
    expect(asked).toMatch(/<option value="1" selected="">Tier 1<\/option>/);
  });
});

describe('the account page, a new task', () => {
  it('offers the owner (and managers, with a choice of owner) a new task on the account, opened when asked for, and not another CSM', async () => {
    const csm = await createUser('csm', { name: 'Task page CSM' });
    const account = await createAccount({ name: 'Task page account', ownerId: csm.id });
    const render = async (query: Record<string, string> = { form: 'task' }) =>
      renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve(query) }));
    await signInAs(csm);
    // Not on every view: the button opens it.
    let html = await render({});
    expect(html).toContain(`href="/accounts/${account.id}?tab=tasks&amp;form=task#section">New task</a>`);
    expect(html).not.toContain(`name="accountId" value="${account.id}"`);
    html = await render();
    expect(html).toContain(`name="accountId" value="${account.id}"`);
    expect(html).not.toContain('name="ownerId"');
    // Any active user may own a task, not only the CSMs the booking form offers.
    const admin = await createUser('admin', { name: `Task owner admin ${account.id}` });
    expect(html).not.toContain(admin.name);
    await signInAs(await createUser('manager'));
    html = await render();
    expect(html).toContain(`>${admin.name}</option>`);
    await signInAs(await createUser('csm'));
    html = await render();
    expect(textOf(html)).not.toContain('New task');
    expect(html).not.toContain(`name="accountId" value="${account.id}"`);
  });
});

describe('the account page as one view', () => {
  const tz = 'Asia/Tokyo';
  const today = todayIn(tz);
  const tag = randomBytes(3).toString('hex');
  let accountId = 0;
  let ownerId = 0;

  beforeAll(async () => {
    const db = await getDb();
    await db.insert(workspaceSettings).values({ id: 1, name: 'View', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
    const owner = await createUser('csm', { name: `View owner ${tag}` });
    ownerId = owner.id;
    // ARR 8,000,000 at 80 % margin and 10 % churn: LTV 64,000,000, Tier 1.
    const account = await createAccount({ name: `Shibuya Foods ${tag}`, ownerId: owner.id, arr: '8000000', renewalDate: '2027-03-31' });
    accountId = account.id;
    await db.insert(accountHealth).values({ accountId, day: today, modelVersion: 1, score: 62, band: 'average', dataShare: '1' });
    await db.insert(healthHistory).values([
      { accountId, day: addDays(today, -40), modelVersion: 1, score: 50, band: 'average', dataShare: '1' },
      { accountId, day: today, modelVersion: 1, score: 62, band: 'average', dataShare: '1' },
    ]);
    const types = await listActivityTypes(db);
    const qbr = types.find((ty) => ty.key === 'qbr') ?? types[0]!;
    await db.insert(activities).values({ accountId, activityTypeId: qbr.id, ownerId, timeZone: tz, durationMinutes: 60, startsAt: new Date('2027-01-12T05:00:00Z'), agenda: `Agenda ${tag}` });
    await refreshTouches(db, [accountId]);
    await db.insert(touches).values({ accountId, kind: 'program_attended', touchModel: 'community', occurredAt: new Date('2026-11-20T03:00:00Z') });
    await db.insert(tasks).values([
      { accountId, title: `Call the champion ${tag}`, dueOn: addDays(today, -1), ownerId },
      { accountId, title: `Send the renewal deck ${tag}`, dueOn: addDays(today, 3), ownerId, priority: 'high' },
      { accountId, title: `Done already ${tag}`, dueOn: addDays(today, -5), ownerId, status: 'done' },
      { accountId, title: `Pooled follow-up ${tag}`, dueOn: addDays(today, 5), ownerId, assignedWhy: { pooled: true, openPooledTasks: 7, freeHours: 12.5 } },
    ]);
    const rule = await insertAlertRule(db, { name: `Usage dropped ${tag}`, conditions: [{ kind: 'no_activity', days: 14 }], tiers: [], stages: [], closeAfterDays: 7, taskPriority: 'normal', taskDueDays: 2, enabled: false, createdBy: ownerId });
    await db.insert(alertEpisodes).values({ ruleId: rule.id, accountId, openedOn: addDays(today, -2), values: {} });
    const [contact] = await db.insert(contacts).values({ accountId, name: `Sato Hanako ${tag}`, email: `sato-${tag}@example.jp` }).returning({ id: contacts.id });
    const [program] = await db.insert(programs).values({ kindId: (await listProgramKinds(db))[0]!.id, title: `Onboarding study ${tag}` }).returning({ id: programs.id });
    const [session] = await db.insert(programSessions).values({ programId: program!.id, startsAt: new Date('2026-11-20T03:00:00Z'), timeZone: tz, durationMinutes: 60 }).returning({ id: programSessions.id });
    await db.insert(programInvitations).values({ sessionId: session!.id, contactId: contact!.id, accountId, token: `view-${tag}`, status: 'attended', attendedMinutes: 55 });
    const [item] = await db.insert(contentItems).values({ kindId: (await listContentKinds(db))[0]!.id, title: `Renewal guide ${tag}` }).returning({ id: contentItems.id });
    const [version] = await db.insert(contentVersions).values({ itemId: item!.id, number: 1, url: 'https://example.jp/guide' }).returning({ id: contentVersions.id });
    const [share] = await db.insert(contentShares).values({ itemId: item!.id, versionId: version!.id, accountId, batchId: crypto.randomUUID(), sharedBy: ownerId }).returning({ id: contentShares.id });
    await db.insert(contentRecipients).values({ shareId: share!.id, contactId: contact!.id, token: `share-${tag}`, firstOpenedAt: new Date('2026-11-21T03:00:00Z'), lastOpenedAt: new Date('2026-11-21T03:00:00Z'), openCount: 1 });
    const tour = await insertCampaign(db, { key: `tour-${tag}`, name: `Feature tour ${tag}`, channel: 'product_tour', tool: 'pendo', audience: '', startsOn: '2026-11-01', goalEvent: null, goalWindowDays: 14 });
    const recipient = `tour-${tag}@example.jp`;
    await recordCampaignEvents(
      db,
      tour!.id,
      [
        { accountId, contactId: null, recipient, outcome: 'delivered', occurredAt: new Date('2026-11-10T01:00:00Z') },
        { accountId, contactId: null, recipient, outcome: 'completed', occurredAt: new Date('2026-11-10T02:00:00Z') },
      ],
      'api',
    );
    await db.insert(tierHistory).values({ accountId, kind: 'override', fromTier: 2, toTier: 1, reason: { text: `Strategic logo ${tag}`, until: null } });
    await db.insert(auditLog).values({ action: 'account.update', entity: 'account', entityId: String(accountId), actorId: ownerId, before: { notes: null }, after: { notes: `Met the CFO ${tag}` } });
  });

  const render = async (query: Record<string, string> = {}) => renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(accountId) }), searchParams: Promise.resolve(query) }));
  const glance = (html: string) => textOf(html.slice(html.indexOf('aria-label="Account at a glance"'), html.indexOf('aria-label="Account sections"')));

  it('heads the page with the tier and why, health and its trend, money, renewal, owner, touches and open work, each linked to its section', async () => {
    await signInAs({ id: ownerId });
    const html = await render();
    expect(textOf(html)).toContain('Tier 1: LTV ¥64,000,000 ≥ ¥50,000,000');
    const figures = glance(html);
    expect(figures).toContain('Health 62 Average up 12 in 30 days');
    expect(figures).toContain('ARR ¥8,000,000');
    expect(figures).toContain('LTV ¥64,000,000');
    expect(figures).toContain('Renewal date Mar 31, 2027');
    expect(figures).toContain(`Owner View owner ${tag}`);
    expect(figures).toContain('Next touch Jan 12, 2027');
    expect(figures).toContain('Last touch Nov 20, 2026 Attended a program · Community');
    expect(figures).toContain('Open tasks 3 1 overdue');
    expect(figures).toContain('Open alerts 1');
    expect(html).toContain(`href="/accounts/${accountId}?tab=tasks"><dl><dt class="text-xs font-medium text-zinc-500">Open tasks`);
    expect(html).toContain(`href="/accounts/${accountId}?tab=signals"><dl><dt class="text-xs font-medium text-zinc-500">Health`);
  });

  it('reads only the header and the default section on the first view', async () => {
    await signInAs({ id: ownerId });
    const text = textOf(await render());
    expect(text).toContain('Touches');
    expect(text).toContain('Attended a program');
    for (const elsewhere of [`Sato Hanako ${tag}`, `Onboarding study ${tag}`, `Renewal guide ${tag}`, `Call the champion ${tag}`, `Strategic logo ${tag}`, `Met the CFO ${tag}`, `Agenda ${tag}`]) expect(text).not.toContain(elsewhere);
  });

  it('shows each section its own data when opened, and marks it as the current one', async () => {
    await signInAs(await createUser('manager'));
    const section = async (tab: string) => {
      const html = await render({ tab });
      expect(html).toMatch(new RegExp(`aria-current="page"[^>]*href="/accounts/${accountId}\\?tab=${tab}"`));
      return textOf(html.slice(html.indexOf('id="section"')));
    };
    expect(await section('activities')).toContain(`Agenda ${tag}`);
    const work = await section('tasks');
    expect(work).toMatch(new RegExp(`Call the champion ${tag}.*Send the renewal deck ${tag}`));
    expect(work).not.toContain(`Done already ${tag}`);
    expect(work).toContain(`Usage dropped ${tag}`);
    expect(work).toContain('with 7 open pooled tasks and 12.5 free hours');
    expect(await section('programs')).toMatch(new RegExp(`Nov 20, 2026, 12:00 PM Onboarding study ${tag} · Sato Hanako ${tag} Attended 55 min`));
    expect(await section('content')).toMatch(new RegExp(`Renewal guide ${tag} · View owner ${tag} Opened by 1 of 1 · Last opened Nov 21, 2026`));
    expect(await section('campaigns')).toMatch(new RegExp(`Feature tour ${tag} · product tour Delivered 1× · completed 1 · Last delivered Nov 10, 2026`));
    expect(textOf(await render())).toContain(`Campaign: Feature tour ${tag} delivered (product tour)`);
    expect(await section('signals')).toContain('Health');
    expect(await section('contacts')).toContain(`Sato Hanako ${tag}`);
    const tier = await section('tier');
    expect(tier).toContain('Expected lifetime 10 years');
    expect(tier).toContain(`Strategic logo ${tag}`);
    expect(await section('history')).toContain(`Met the CFO ${tag}`);
    // The timeline filters by kind as well as by model.
    const filtered = await render({ tab: 'timeline', touchKind: 'content_shared' });
    expect(textOf(filtered.slice(filtered.indexOf('id="section"')))).toContain('No touches match this filter yet.');
  });

  it('lets another CSM read the account as today, without its forms', async () => {
    await signInAs(await createUser('csm'));
    const html = await render();
    expect(textOf(html)).toContain(`Shibuya Foods ${tag}`);
    for (const action of ['Schedule an activity', 'New task', 'Edit', 'Ask for another tier']) expect(html).not.toContain(`>${action}</a>`);
    // A form asked for by address stays closed for them.
    expect(await render({ form: 'schedule' })).not.toContain('name="activityTypeId"');
    expect(await render({ form: 'task' })).not.toContain(`name="accountId" value="${accountId}"`);
    expect(await render({ form: 'override' })).not.toContain('name="reason"');
    // A colleague's load (why a pooled task went to them) is theirs and the managers' to read.
    const work = textOf(await render({ tab: 'tasks' }));
    expect(work).toContain(`Pooled follow-up ${tag}`);
    expect(work).not.toContain('open pooled tasks');
    expect(await render({ tab: 'tasks' })).not.toContain('name="taskId"');
  });

  it('lets the owner work their tasks in place: complete, snooze or log the touch, each task its own forms', async () => {
    await signInAs({ id: ownerId });
    const html = await render({ tab: 'tasks' });
    const ids = await (await getDb()).select({ id: tasks.id }).from(tasks).where(and(eq(tasks.accountId, accountId), eq(tasks.status, 'open')));
    // One disclosure per task; its forms are drawn when it opens (LazyDetails), not sent with the page.
    expect(html.match(/<summary[^>]*>Complete · /g)?.length).toBe(ids.length);
    expect(textOf(html)).toContain('Complete · Snooze');
    expect(html).not.toContain('name="taskId"');
  });
});
