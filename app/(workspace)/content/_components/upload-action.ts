import type { ActionResult } from '@/lib/actions/result';

/**
 * Sends a form with a file to the upload route (server actions keep a 2 MB
 * limit) and reads its answer as an action result, so ActionForm shows field
 * errors and notices as for any action.
 */
export async function uploadAction<R>(_prev: unknown, data: FormData): Promise<ActionResult<R>> {
  try {
    const response = await fetch('/content/upload', { method: 'POST', body: data });
    if (response.status === 413) return { ok: false, fieldErrors: { file: { key: 'validation.fileTooLarge' } } };
    return (await response.json()) as ActionResult<R>;
  } catch {
    return { ok: false, error: { key: 'errors.unexpected' } };
  }
}
