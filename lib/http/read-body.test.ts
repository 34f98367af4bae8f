import { describe, expect, it } from 'vitest';
import { readBody } from './read-body';

const MiB = 1024 * 1024;

/** A request whose body arrives in chunks, with whatever Content-Length the sender claims. */
function streamed(chunks: Uint8Array[], contentLength?: string) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  const headers: Record<string, string> = contentLength === undefined ? {} : { 'content-length': contentLength };
  return new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('readBody', () => {
  it('returns a 15 MiB body whole when its length matches', async () => {
    const bytes = new Uint8Array(15 * MiB).fill(65);
    const read = await readBody(streamed([bytes.subarray(0, 10 * MiB), bytes.subarray(10 * MiB)], String(bytes.length)), 20 * MiB);
    expect(read.ok && read.bytes.byteLength).toBe(15 * MiB);
  });

  it('calls a body cut short of its Content-Length incomplete, not short', async () => {
    const cut = new Uint8Array(10 * MiB);
    expect(await readBody(streamed([cut], String(15 * MiB)), 20 * MiB)).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('refuses as too large a declared length over the cap, a body longer than it claims, and a chunked body that grows past it', async () => {
    expect(await readBody(streamed([new Uint8Array(10)], String(21 * MiB)), 20 * MiB)).toEqual({ ok: false, reason: 'tooLarge' });
    const chunk = new Uint8Array(8 * MiB);
    expect(await readBody(streamed([chunk, chunk, chunk], '100'), 20 * MiB)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await readBody(streamed([chunk, chunk, chunk]), 20 * MiB)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('reads a chunked body under the cap, and refuses a Content-Length that is not a byte count', async () => {
    const read = await readBody(streamed([new Uint8Array(3), new Uint8Array(4)]), 100);
    expect(read.ok && read.bytes.byteLength).toBe(7);
    expect(await readBody(streamed([new Uint8Array(3)], '1e3'), 100)).toEqual({ ok: false, reason: 'incomplete' });
  });
});
