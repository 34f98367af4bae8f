import 'server-only';
import { cookies } from 'next/headers';
import { getDb, type Db, type Tx } from '@/db/client';
import { writeAudit, type AuditEntry } from '@/db/queries/audit';
import { ActionError, type ActionResult, type Message } from '@/lib/actions/result';
import { auditDenied, getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { can, type Permission } from '@/lib/auth/permissions';
import { appUrl } from '@/lib/env';
import { localeCookie, resolveLocale, type Locale } from '@/lib/i18n/locales';
import { translatorFor, withMessageText } from '@/lib/i18n/translator';

// The one door for route handlers, as action() is for server actions: who is
// calling, may they, is the request from our own pages; then the work, with
// writes and their audit rows in one transaction; and every failure as a
// catalog message in the caller's language, never a raw error.

/** A refusal or a miss with its HTTP status; thrown inside a handler. */
export class RouteError extends ActionError {
  constructor(
    readonly status: number,
    error: Message,
  ) {
    super(error);
  }
}

/** How failures are written: `json` as an ActionResult for the app's own fetches, `text` as one translated line. */
type Reply = 'json' | 'text';

type Base<P> = {
  request: Request;
  params: P;
  db: Db;
  locale: Locale;
  /** A JSON answer for the app's own fetches, its messages with their text in the caller's language, never cached. */
  json: (body: unknown, init?: { status?: number }) => Promise<Response>;
  /** Runs writes and their audit rows in one transaction. */
  write: <R>(work: (tx: Tx, audit: (entry: Omit<AuditEntry, 'actorId'>) => Promise<void>) => Promise<R>) => Promise<R>;
};
export type RouteContext<P> = Base<P> & { user: CurrentUser };
export type TokenRouteContext<P> = Base<P>;

type Next<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response>;

const paramsOf = async <P>(context?: { params: Promise<P> }) => (context ? await context.params : ({} as P));

const statusOf: Record<string, number> = {
  'errors.signedOut': 401,
  'errors.forbidden': 403,
  'errors.notFound': 404,
  'errors.conflict': 409,
  'errors.unexpected': 500,
};

async function failure(reply: Reply, locale: Locale, status: number, error: Message): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  if (reply === 'json') return Response.json(await withMessageText({ ok: false, error } satisfies ActionResult<never>, locale), { status, headers });
  const t = await translatorFor(locale);
  return new Response(`${t(error.key, error.values)}\n`, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Browsers send Origin on every cross-site write. Ours or none passes; another
 * site, `null` (sandboxed frames, file://) or anything unparsable does not.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  if (!URL.canParse(origin)) return false;
  const host = new URL(origin).host;
  return host === new URL(request.url).host || host === new URL(appUrl()).host;
}

async function localeOf(request: Request, userLocale: string | null | undefined): Promise<Locale> {
  return resolveLocale(userLocale, (await cookies()).get(localeCookie)?.value, request.headers.get('accept-language'));
}

async function run<P>(name: string, reply: Reply, locale: Locale, ctx: Omit<Base<P>, 'write' | 'locale' | 'json'>, actorId: number | null, work: (ctx: Base<P>) => Promise<Response>) {
  const write: Base<P>['write'] = (fn) => ctx.db.transaction((tx) => fn(tx, (entry) => writeAudit(tx, { ...entry, actorId })));
  const json: Base<P>['json'] = async (body, init) => Response.json(await withMessageText(body, locale), { status: init?.status, headers: { 'Cache-Control': 'no-store' } });
  try {
    return await work({ ...ctx, locale, write, json });
  } catch (e) {
    if (e instanceof RouteError) return failure(reply, locale, e.status, e.error);
    if (e instanceof ActionError) {
      if (e.error.key === 'errors.forbidden' && actorId !== null) await auditDenied(actorId, `route:${name}`, 'ownership');
      return failure(reply, locale, statusOf[e.error.key] ?? 400, e.error);
    }
    console.error(`[route ${name}]`, e);
    return failure(reply, locale, 500, { key: 'errors.unexpected' });
  }
}

/** A route for signed-in users holding `permission`. */
export function route<P = Record<string, never>>(spec: {
  /** Names the route in audit rows, e.g. "account.export". */
  name: string;
  permission: Permission;
  reply: Reply;
  handle: (ctx: RouteContext<P>) => Promise<Response>;
}): Next<P> {
  return async (request, context) => {
    const user = await getCurrentUser();
    const locale = await localeOf(request, user?.locale);
    if (!user) {
      await auditDenied(null, `route:${spec.name}`, 'signed_out');
      return failure(spec.reply, locale, 401, { key: 'errors.signedOut' });
    }
    if (!can(user, spec.permission)) {
      await auditDenied(user.id, `route:${spec.name}`, 'role');
      return failure(spec.reply, locale, 403, { key: 'errors.forbidden' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOrigin(request)) {
      await auditDenied(user.id, `route:${spec.name}`, 'origin');
      return failure(spec.reply, locale, 403, { key: 'errors.forbidden' });
    }
    const db = await getDb();
    return run(spec.name, spec.reply, locale, { request, params: await paramsOf(context), db }, user.id, (ctx) => spec.handle({ ...ctx, user }));
  };
}

/**
 * A route whose caller has no session but a credential of its own in the
 * request (a calendar feed's secret address; later registration links and
 * API keys): the handler checks it and refuses with a RouteError.
 */
export function tokenRoute<P = Record<string, never>>(spec: { name: string; reply: Reply; handle: (ctx: TokenRouteContext<P>) => Promise<Response> }): Next<P> {
  return async (request, context) => {
    const locale = resolveLocale(undefined, undefined, request.headers.get('accept-language'));
    const db = await getDb();
    return run(spec.name, spec.reply, locale, { request, params: await paramsOf(context), db }, null, spec.handle);
  };
}
