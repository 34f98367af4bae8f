import { readBody } from '@/lib/http/read-body';
import type { Message } from '@/lib/actions/result';
import { RouteError } from './route';

/**
 * A multipart upload's form, read whole with a byte cap: an oversized body
 * is refused with 413 ("too large"), a body cut short with 400, never read
 * as a shorter file; an empty or unreadable one with 400 ("empty"). Each
 * upload may word the two refusals its own way.
 */
export async function readUploadForm(
  request: Request,
  maxBytes: number,
  messages: { tooLarge: Message; empty: Message } = { tooLarge: { key: 'validation.fileTooLarge' }, empty: { key: 'validation.fileEmpty' } },
): Promise<FormData> {
  const body = await readBody(request, maxBytes);
  if (!body.ok && body.reason === 'tooLarge') throw new RouteError(413, messages.tooLarge);
  if (!body.ok) throw new RouteError(400, { key: 'import.errors.incomplete' });
  if (body.bytes.byteLength === 0) throw new RouteError(400, messages.empty);
  try {
    return await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new RouteError(400, messages.empty);
  }
}
