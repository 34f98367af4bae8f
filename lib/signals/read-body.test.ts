import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from './read-body';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request('http://test/api/v1/batch', { method: 'POST', body, headers });

describe('readJsonBody', () => {
  it('reads JSON whatever the Content-Type says', async () => {
    expect(await readJsonBody(post('{"a":1}', { 'content-type': 'text/plain' }), 1000)).toEqual({ ok: true, json: { a: 1 } });
  });

  it('inflates gzip', async () => {
    expect(await readJsonBody(post(gzipSync('{"batch":[]}'), { 'content-encoding': 'gzip' }), 1000)).toEqual({ ok: true, json: { batch: [] } });
  });

  it('refuses a body over the limit after decompression, without inflating it all', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32));
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const started = performance.now();
    expect(await readJsonBody(post(bomb, { 'content-encoding': 'gzip' }), 500 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await readJsonBody(post('x'.repeat(2000)), 1000)).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(post('x'.repeat(2000), { 'content-length': '2000' }), 1000)).toMatchObject({ ok: false, status: 413 });
  });

  it('says what is wrong with an unreadable body', async () => {
    expect(await readJsonBody(post('{"a":'), 1000)).toMatchObject({ ok: false, status: 400, error: expect.stringContaining('not valid JSON') });
    expect(await readJsonBody(post('not gzip', { 'content-encoding': 'gzip' }), 1000)).toMatchObject({ ok: false, status: 400, error: 'The body is not valid gzip data.' });
    expect(await readJsonBody(post(''), 1000)).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), 1000)).toMatchObject({ ok: false, status: 400, error: 'The body is not UTF-8 text.' });
    expect(await readJsonBody(post('{}', { 'content-encoding': 'br' }), 1000)).toMatchObject({ ok: false, status: 415 });
  });
});
