import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import { auditLog } from '@/db/schema';
import { rolesWith } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { createUser, signInAs } from '@/tests/factories';
import { reachable, type Reachable } from './discover';
import { deactivate, registry, type ActionEntry, type FixtureContext, type People, type RouteCall, type RouteEntry, type TokenRouteEntry } from './registry';

// The authorization matrix: every exported server action and route handler,
// found from the code, run as each kind of caller, with the verdict derived
// from the permission table and the entry's scope (never a hand-written
// list of roles). A refusal must be the exact refusal, write nothing but its
// access.denied audit row; an allowed call must succeed.

/** 'deactivated': the owning CSM, deactivated while still holding a session cookie. */
type Caller = 'anonymous' | 'deactivated' | keyof People;
const callers: readonly Caller[] = ['anonymous', 'deactivated', 'owner', 'otherCsm', 'manager', 'admin'];
const roleOf: Record<keyof People, Role> = { owner: 'csm', otherCsm: 'csm', manager: 'manager', admin: 'admin' };

type Verdict = { allowed: true } | { allowed: false; reason: 'signed_out' | 'role' | 'ownership' };

/** What the permission table says `caller` may do with an entry's permission and scope. */
function verdict(entry: Pick<ActionEntry, 'permission' | 'scope'>, caller: Caller): Verdict {
  // The door treats a deactivated user's session as no session.
  if (caller === 'anonymous' || caller === 'deactivated') return { allowed: false, reason: 'signed_out' };
  const role = roleOf[caller];
  if (!rolesWith(entry.permission).includes(role)) return { allowed: false, reason: 'role' };
  // 'own': who may not manage every account acts only on what they own or run.
  if (entry.scope === 'own' && caller !== 'owner' && !rolesWith('accounts.manageAll').includes(role)) return { allowed: false, reason: 'ownership' };
  return { allowed: true };
}

/**
 * Cases of real bugs found by the matrix, "<key> as <caller>" → what is wrong.
 * Listing one does NOT excuse it: its case still fails, and so does the
 * check below, until the code is fixed and the line removed.
 */
const knownAuthorizationBugs: Record<string, string> = {};

const found = await reachable();
const byKey = new Map(found.map((r) => [r.key, r]));

async function freshPeople(): Promise<People> {
  return { owner: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
}

function contextFor(people: People, caller: PublicUser | null): FixtureContext {
  return { people, self: caller ?? people.owner, as: (u) => signInAs(u) };
}

let tables: string[] | undefined;

/** A digest of every table but the audit log: equal before and after means nothing was written. */
async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  tables ??= rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'audit_log' order by table_name`),
  ).map((r) => r.table_name);
  const parts = tables.map((t) => sql`select ${t} as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.identifier(t)} x`);
  const result = await db.execute(sql.join(parts, sql` union all `));
  return Object.fromEntries(rowsOf<{ t: string; h: string }>(result).map((r) => [r.t, r.h]));
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function lastAuditId(): Promise<number> {
  const [row] = await (await getDb()).select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
  return Number(row!.id);
}

async function auditSince(id: number) {
  return (await getDb())
    .select({ actorId: auditLog.actorId, action: auditLog.action, entity: auditLog.entity, after: auditLog.after })
    .from(auditLog)
    .where(gt(auditLog.id, id))
    .orderBy(auditLog.id);
}

/** Anonymous denials are capped per minute; move earlier ones out of the window so this case's row is written. */
async function clearAnonymousWindow() {
  await (await getDb())
    .update(auditLog)
    .set({ at: sql`${auditLog.at} - interval '1 hour'` })
    .where(and(isNull(auditLog.actorId), eq(auditLog.action, 'access.denied')));
}

/** `actor`: the user the door should see (none for anonymous and deactivated callers). */
type Prepared = { people: People; actor: PublicUser | null; auditFrom: number; before: Record<string, string> | null; others: string | null };

/** Everyone else's user row and calendar feeds, for 'self' actions. */
async function othersDigest(selfId: number): Promise<string> {
  const result = await (await getDb()).execute(sql`
    select md5(coalesce((select string_agg(u::text, '|' order by u.id) from users u where u.id <> ${selfId}), '')
            || coalesce((select string_agg(f::text, '|' order by f.id) from calendar_feeds f where f.user_id <> ${selfId}), '')) as h`);
  return rowsOf<{ h: string }>(result)[0]!.h;
}

/** Sets up one case; the database digest (slow on a big database) only where a refusal will be checked against it. */
async function prepare(callerKind: Caller, setup: (ctx: FixtureContext) => Promise<void>, refusal: boolean): Promise<Prepared> {
  const people = await freshPeople();
  const holder = callerKind === 'anonymous' ? null : callerKind === 'deactivated' ? people.owner : people[callerKind];
  await setup(contextFor(people, holder));
  await signInAs(holder);
  if (callerKind === 'deactivated') await deactivate(people.owner);
  const actor = callerKind === 'deactivated' ? null : holder;
  if (!actor) await clearAnonymousWindow();
  return { people, actor, auditFrom: await lastAuditId(), before: refusal ? await snapshot() : null, others: actor ? await othersDigest(actor.id) : null };
}

/** A refusal wrote its one access.denied row and nothing else. */
async function expectNothingWritten(p: Prepared, target: string, reason: string) {
  expect(await snapshot()).toEqual(p.before);
  expect(await auditSince(p.auditFrom)).toEqual([{ actorId: p.actor?.id ?? null, action: 'access.denied', entity: target, after: { reason } }]);
}

const refusalKey = { signed_out: 'errors.signedOut', role: 'errors.forbidden', ownership: 'errors.forbidden' } as const;
const refusalStatus = { signed_out: 401, role: 403, ownership: 403 } as const;
const label = (v: Verdict) => (v.allowed ? 'allowed' : `refused (${v.reason})`);

describe('the registry covers everything the app exports', () => {
  it('finds the server actions and route handlers', () => {
    expect(found.filter((r) => r.kind === 'action').length).toBeGreaterThan(20);
    expect(found.filter((r) => r.kind === 'route').length).toBeGreaterThan(4);
  });

  it.each(found.map((r) => r.key))('%s has an entry', (key) => {
    expect(registry[key], `add "${key}" to tests/authz/registry.ts`).toBeDefined();
  });

  it('has no entry for an export that no longer exists', () => {
    expect(Object.keys(registry).filter((k) => !byKey.has(k))).toEqual([]);
  });

  it('lists no known authorization bugs (each is a failing case below; fix the code, then remove it)', () => {
    expect(knownAuthorizationBugs).toEqual({});
  });
});

const entriesOf = <K extends 'action' | 'route' | 'token' | 'public'>(kind: K) =>
  found.flatMap((r) => {
    const entry = registry[r.key];
    return entry?.kind === kind ? [[r.key, entry as Extract<typeof entry, { kind: K }>, r] as const] : [];
  });

type ActionHandler = (prev: unknown, payload: unknown) => Promise<{ ok: boolean; error?: { key: string } }>;

async function actionCase(key: string, entry: ActionEntry, found: Reachable, caller: Caller, expected: Verdict) {
  let payload: unknown;
  const p = await prepare(
    caller,
    async (ctx) => {
      payload = await entry.fixture(ctx);
    },
    !expected.allowed,
  );
  const result = await (found.handler as unknown as ActionHandler)(null, payload);
  if (expected.allowed) {
    expect(result, `${key} as ${caller}: a valid input from the fixture should succeed`).toMatchObject({ ok: true });
    // A 'self' action changed the caller's own rows, nobody else's.
    if (entry.scope === 'self') expect(await othersDigest(p.actor!.id)).toEqual(p.others);
    expect((await auditSince(p.auditFrom)).filter((r) => r.action === 'access.denied')).toEqual([]);
  } else {
    expect(result).toEqual({ ok: false, error: { key: refusalKey[expected.reason] } });
    await expectNothingWritten(p, `action:${entry.name}`, expected.reason);
  }
}

describe.each(entriesOf('action'))('action %s', (key, entry, found: Reachable) => {
  for (const caller of callers) {
    const expected = verdict(entry, caller);
    it(`${entry.name} as ${caller}: ${label(expected)}`, () => actionCase(key, entry, found, caller, expected));
  }
});

type RouteHandler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;
const call = (handler: Reachable['handler'], c: RouteCall) =>
  (handler as unknown as RouteHandler)(c.request, c.params ? { params: Promise.resolve(c.params) } : undefined);

async function routeCase(key: string, entry: RouteEntry, found: Reachable, caller: Caller, expected: Verdict) {
  let request: RouteCall | undefined;
  const p = await prepare(
    caller,
    async (ctx) => {
      request = await entry.request(ctx);
    },
    !expected.allowed,
  );
  const response = await call(found.handler, request!);
  const body = await response.text();
  if (expected.allowed) {
    expect([response.status, body.slice(0, 200)], `${key} as ${caller}`).toEqual([200, expect.anything()]);
    if (entry.reply === 'json') expect(JSON.parse(body)).toMatchObject({ ok: true });
    expect((await auditSince(p.auditFrom)).filter((r) => r.action === 'access.denied')).toEqual([]);
  } else {
    expect(response.status).toBe(refusalStatus[expected.reason]);
    if (entry.reply === 'json') expect(JSON.parse(body)).toEqual({ ok: false, error: { key: refusalKey[expected.reason] } });
    else expect(body.trim()).not.toBe('');
    await expectNothingWritten(p, `route:${entry.name}`, expected.reason);
  }
}

/** A write from another site is refused even for a caller who may: the browser sends their cookie along. */
async function crossSiteCase(entry: RouteEntry, found: Reachable, caller: Caller) {
  let request: RouteCall | undefined;
  const p = await prepare(
    caller,
    async (ctx) => {
      request = await entry.request(ctx);
    },
    true,
  );
  const { method } = request!.request;
  const headers = new Headers(request!.request.headers);
  headers.set('origin', 'https://elsewhere.example');
  const response = await call(found.handler, { ...request!, request: new Request(request!.request, { headers }) });
  if (method === 'GET' || method === 'HEAD') {
    expect(response.status).toBe(200);
    return;
  }
  expect(response.status).toBe(403);
  if (entry.reply === 'json') expect(await response.json()).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  await expectNothingWritten(p, `route:${entry.name}`, 'origin');
}

describe.each(entriesOf('route'))('route %s', (key, entry: RouteEntry, found: Reachable) => {
  for (const caller of callers) {
    const expected = verdict(entry, caller);
    it(`${entry.name} as ${caller}: ${label(expected)}`, () => routeCase(key, entry, found, caller, expected));
  }
  const allowedCaller = callers.find((c) => verdict(entry, c).allowed)!;
  it(`${entry.name} from another site as ${allowedCaller}: refused (origin) unless it only reads`, () => crossSiteCase(entry, found, allowedCaller));
});

describe.each(entriesOf('token'))('token route %s', (key, entry: TokenRouteEntry, found: Reachable) => {
  /** Calls with no session, as a calendar server does; a refusal is a 404 that writes nothing. */
  async function expectRefused(segment: string) {
    await signInAs(null);
    const before = await snapshot();
    const auditFrom = await lastAuditId();
    const response = await call(found.handler, entry.request(segment));
    expect(response.status, `${key} with ${segment.slice(0, 60)}`).toBe(entry.refusedStatus ?? 404);
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(auditFrom)).toEqual([]);
  }

  it(`${entry.name} with a valid token: served`, async () => {
    const { owner } = await freshPeople();
    const segment = await entry.issue(owner);
    await signInAs(null);
    expect((await call(found.handler, entry.request(segment))).status).toBe(200);
  });

  it(`${entry.name} with a wrong token: refused`, async () => {
    await entry.issue((await freshPeople()).owner);
    await expectRefused(entry.wrong());
  });

  it.each(entry.malformed.map((m) => [m.length > 40 ? `${m.slice(0, 40)}… (${m.length} chars)` : JSON.stringify(m), m]))(`${entry.name} with a malformed token %s: refused`, async (_, segment) => {
    await expectRefused(segment);
  });

  it(`${entry.name} with a revoked token: refused`, async () => {
    const { owner } = await freshPeople();
    const segment = await entry.issue(owner);
    await entry.revoke(owner);
    await expectRefused(segment);
  });

  if (entry.holder) {
    const { none } = entry.holder;
    it(`${entry.name} with the token of a deactivated user: still served (${none.slice(0, 60)}…)`, async () => {
      expect(none.length).toBeGreaterThan(20);
      const { owner } = await freshPeople();
      const segment = await entry.issue(owner);
      await deactivate(owner);
      await signInAs(null);
      expect((await call(found.handler, entry.request(segment))).status).toBe(200);
    });
  } else {
    it(`${entry.name} with the token of a deactivated user: refused`, async () => {
      const { owner } = await freshPeople();
      const segment = await entry.issue(owner);
      await (entry.deactivateHolder ?? deactivate)(owner);
      await expectRefused(segment);
    });
  }

  if ('expire' in entry.expiry) {
    const { expire } = entry.expiry;
    it(`${entry.name} with an expired token: refused`, async () => {
      const { owner } = await freshPeople();
      const segment = await entry.issue(owner);
      await expire(owner);
      await expectRefused(segment);
    });
  }
});

describe.each(entriesOf('public'))('public %s', (_key, entry, found: Reachable) => {
  it(`is public on purpose: ${entry.reason}`, async () => {
    expect(entry.reason.length).toBeGreaterThan(20);
    await entry.check?.(found.handler);
  });
});
