import { readBody } from '@/lib/http/read-body';
import { RouteError } from './route';

/**
 * A multipart upload's form, read whole with a byte cap: an oversized body
 * is refused with 413 ("too large"), a body cut short with 400, never read
 * as a shorter file.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<FormData> {
  const body = await readBody(request, maxBytes);
  if (!body.ok && body.reason === 'tooLarge') throw new RouteError(413, { key: 'validation.fileTooLarge' });
  if (!body.ok) throw new RouteError(400, { key: 'import.errors.incomplete' });
  try {
    return await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new RouteError(400, { key: 'validation.fileEmpty' });
  }
}
