import type { ActionResult } from '@/lib/actions/result';
import { postForm } from '@/lib/http/post-form';

/** The content form's action: its file goes to the upload route, and ActionForm shows the answer as any action's. */
export async function uploadAction<R>(_prev: unknown, data: FormData): Promise<ActionResult<R>> {
  return postForm<R>('/content/upload', data);
}
