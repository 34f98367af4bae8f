import { auditDenied, getCurrentUser } from '@/lib/auth/current-user';
import type { ActionResult } from '@/lib/actions/result';
import { readBody } from '@/lib/http/read-body';
import { previewImport, runImport } from '../actions';
import { maxImportMegabytes } from '../prepare-import';

// POST /accounts/import/upload (multipart: file, mapping, intent=preview|run,
// mode). CSV files come here rather than to a server action, so that server
// actions keep a small body limit: this handler refuses a visitor without a
// session, a role that may not import, or a body over the file limit before
// reading a byte of it. The work is the import actions themselves, which
// check everything again.

const importRoles = new Set(['manager', 'admin']);
// The multipart wrapping and the mapping ride along with the file.
const maxBodyBytes = maxImportMegabytes * 1024 * 1024 + 256 * 1024;

const reply = (result: ActionResult<unknown>, status = 200) => Response.json(result, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return reply({ ok: false, error: { key: 'errors.signedOut' } }, 401);
  if (!importRoles.has(user.role)) {
    await auditDenied(user.id, 'action:account.import', 'role');
    return reply({ ok: false, error: { key: 'errors.forbidden' } }, 403);
  }
  // Cookies are SameSite=Lax, so other sites cannot post with them; an Origin from elsewhere is refused all the same.
  // An Origin that is not a URL ("null" from a sandboxed page, garbage) is not ours either.
  const origin = request.headers.get('origin');
  if (origin && URL.parse(origin)?.host !== new URL(request.url).host && origin !== process.env.NEXTAUTH_URL?.replace(/\/$/, ''))
    return reply({ ok: false, error: { key: 'errors.forbidden' } }, 403);
  // Counted, not trusted: a body cut short on the way must not read as a short file.
  const body = await readBody(request, maxBodyBytes);
  if (!body.ok && body.reason === 'tooLarge') return reply({ ok: false, error: { key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } } }, 413);
  if (!body.ok) return reply({ ok: false, error: { key: 'import.errors.incomplete' } }, 400);
  if (body.bytes.byteLength === 0) return reply({ ok: false, error: { key: 'import.errors.empty' } }, 400);

  let form: FormData;
  try {
    form = await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return reply({ ok: false, error: { key: 'import.errors.empty' } }, 400);
  }
  const result = form.get('intent') === 'run' ? await runImport(null, form) : await previewImport(null, form);
  return reply(result);
}
