import type { ActionResult } from '@/lib/actions/result';

/**
 * Sends a form with a file to one of the app's upload routes and reads its
 * answer as an action result. Files go to route handlers, not server
 * actions, because actions keep a 2 MB body limit; every uploader in the
 * browser (content files, CSV imports, attendee reports) posts through
 * here, so a refusal reads the same everywhere: the route's own message,
 * "too large" beside the file for a 413 (also one that something in front
 * of the route wrote), and
 * "something went wrong" for a network failure or an answer that is not
 * the route's JSON.
 */
export async function postForm<T>(url: string, data: FormData): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: data });
  } catch {
    return { ok: false, error: { key: 'errors.unexpected' } };
  }
  let result: ActionResult<T> | undefined;
  try {
    const body = (await response.json()) as ActionResult<T>;
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') result = body;
  } catch {
    // Not JSON: a proxy's or the platform's own page.
  }
  // Too large is about the file: said beside it, in the route's words when it wrote them.
  if (response.status === 413) return { ok: false, fieldErrors: { file: (result && !result.ok && result.error) || { key: 'validation.fileTooLarge' } } };
  return result ?? { ok: false, error: { key: 'errors.unexpected' } };
}
