// Reads an ingestion request's body as JSON, whatever its Content-Type, and
// gzip-compressed when Content-Encoding says so (RudderStack always
// compresses). The limit applies to the decompressed bytes, and inflating
// stops as soon as it is passed: a small body that inflates to gigabytes is
// refused after `limit` bytes, never held whole.

export type BodyResult = { ok: true; json: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

async function readCapped(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, error: `The body is larger than ${Math.round(limit / 1024)} KB (after decompression).` } as const;
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') return { ok: false, status: 415, error: `Content-Encoding "${encoding}" is not supported: send gzip or nothing.` };
  const declared = Number(request.headers.get('content-length'));
  if (encoding === 'identity' && Number.isFinite(declared) && declared > limit) return tooLarge;
  if (!request.body) return { ok: false, status: 400, error: 'The body is empty: send a JSON object.' };

  let bytes: Uint8Array | 'too large';
  try {
    const stream = encoding === 'gzip' ? request.body.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : request.body;
    bytes = await readCapped(stream, limit);
  } catch {
    return { ok: false, status: 400, error: 'The body is not valid gzip data.' };
  }
  if (bytes === 'too large') return tooLarge;
  if (!bytes.byteLength) return { ok: false, status: 400, error: 'The body is empty: send a JSON object.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: 'The body is not UTF-8 text.' };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, status: 400, error: `The body is not valid JSON: ${(e as Error).message}` };
  }
}
