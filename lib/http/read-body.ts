// Reads a request body with a byte cap, and checks it against Content-Length.
// A proxy in front of a route can cut a body short without an error (Next's
// own buffers 10 MiB by default), and a cut multipart body parses as a form
// without its file: counting the bytes is the only way to tell a short file
// from a short read.

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'tooLarge' | 'incomplete' };

/**
 * The body's bytes, or why not: `tooLarge` as soon as more than `maxBytes`
 * arrive (whatever Content-Length claims, or without one), `incomplete` when
 * the count differs from a declared Content-Length.
 */
export async function readBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = declaredLength(request.headers);
  if (declared === 'invalid') return { ok: false, reason: 'incomplete' };
  if (declared !== null && declared > maxBytes) return { ok: false, reason: 'tooLarge' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        return { ok: false, reason: 'incomplete' };
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'tooLarge' };
      }
      chunks.push(step.value);
    }
  }
  if (declared !== null && total !== declared) return { ok: false, reason: 'incomplete' };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Content-Length as a number, null when absent (a chunked body), 'invalid' when not a plain byte count. */
export function declaredLength(headers: Headers): number | null | 'invalid' {
  const raw = headers.get('content-length');
  if (raw === null) return null;
  if (!/^\d{1,15}$/.test(raw.trim())) return 'invalid';
  return Number(raw.trim());
}
