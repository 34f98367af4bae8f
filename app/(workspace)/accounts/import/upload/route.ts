import { readBody } from '@/lib/http/read-body';
import { route, RouteError } from '@/lib/routes/route';
import { previewImport, runImport } from '../actions';
import { maxImportMegabytes } from '../prepare-import';

// POST /accounts/import/upload (multipart: file, mapping, intent=preview|run,
// mode). CSV files come here rather than to a server action, so that server
// actions keep a small body limit: the route door refuses a visitor without a
// session, a user who may not import or another site before a byte of the
// body is read, and this handler refuses a body over the file limit. The
// work is the import actions themselves, which check everything again.

// The multipart wrapping and the mapping ride along with the file.
const maxBodyBytes = maxImportMegabytes * 1024 * 1024 + 256 * 1024;

export const POST = route({
  name: 'account.import',
  permission: 'accounts.import',
  reply: 'json',
  async handle({ request }) {
    // Counted, not trusted: a body cut short on the way must not read as a short file.
    const body = await readBody(request, maxBodyBytes);
    if (!body.ok && body.reason === 'tooLarge') throw new RouteError(413, { key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } });
    if (!body.ok) throw new RouteError(400, { key: 'import.errors.incomplete' });
    if (body.bytes.byteLength === 0) throw new RouteError(400, { key: 'import.errors.empty' });

    let form: FormData;
    try {
      form = await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    } catch {
      throw new RouteError(400, { key: 'import.errors.empty' });
    }
    const result = form.get('intent') === 'run' ? await runImport(null, form) : await previewImport(null, form);
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  },
});
