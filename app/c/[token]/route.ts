import { recordOpen, recipientTarget, type VersionTarget } from '@/db/queries/content';
import { fileHeaders, isCountedOpen } from '@/lib/content/opens';
import { RouteError, tokenRoute } from '@/lib/routes/route';
import { staticPolicy } from '@/lib/security/static-policy';

// GET /c/<token>: a contact's tracked link to shared content. Opening it is
// the point of the link, so this is the one GET that writes: it counts the
// open (first, last, how many; the first also lands in the touch ledger),
// then redirects to the item's link or serves its file. HEAD requests,
// prefetches and known link scanners get the same answer without counting.
// The token is the only credential. It is the busiest public path, so
// proxy.ts does not run for it (a page's nonce policy is no use here): each
// answer carries its own policy, a served file its sandbox, the rest none
// that lets anything load.

const tokenShape = /^[0-9a-f]{64}$/;

async function answer(target: VersionTarget | undefined, head: boolean): Promise<Response> {
  if (!target) throw new RouteError(404, { key: 'content.errors.linkNotFound' });
  if (target.url) return new Response(null, { status: 302, headers: { Location: target.url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' } });
  const bytes = target.bytes!;
  const headers = { ...fileHeaders({ fileName: target.fileName, fileType: target.fileType, size: bytes.byteLength }), 'X-Robots-Tag': 'noindex' };
  return new Response(head ? null : new Uint8Array(bytes), { headers });
}

async function open({ request, params, db }: { request: Request; params: { token: string }; db: Parameters<typeof recordOpen>[0] }) {
  const token = params.token.toLowerCase();
  if (!tokenShape.test(token)) throw new RouteError(404, { key: 'content.errors.linkNotFound' });
  const target = isCountedOpen(request) ? await recordOpen(db, token) : await recipientTarget(db, token);
  return answer(target, request.method === 'HEAD');
}

const linkRoute = tokenRoute<{ token: string }>({ name: 'content.open', reply: 'text', handle: open });

async function openLink(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const response = await linkRoute(request, context);
  if (!response.headers.has('Content-Security-Policy')) response.headers.set('Content-Security-Policy', staticPolicy);
  return response;
}

export { openLink as GET, openLink as HEAD };
