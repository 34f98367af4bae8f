import { findVersionTarget } from '@/db/queries/content';
import { fileHeaders } from '@/lib/content/opens';
import { route, RouteError } from '@/lib/routes/route';
import { parseId } from '@/lib/validation/input';

// GET /content/versions/<id>: a version as the team sees it in the library
// (its link, or its file), without counting anything.

export const GET = route<{ id: string }>({
  name: 'content.version',
  permission: 'content.read',
  reply: 'text',
  async handle({ params, db }) {
    const id = parseId(params.id);
    const target = id === null ? undefined : await findVersionTarget(db, id);
    if (!target) throw new RouteError(404, { key: 'errors.notFound' });
    if (target.url) return new Response(null, { status: 302, headers: { Location: target.url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
    return new Response(new Uint8Array(target.bytes!), { headers: fileHeaders({ fileName: target.fileName, fileType: target.fileType, size: target.bytes!.byteLength }) });
  },
});
