import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '@/db/queries/users';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { maxImportMegabytes } from '../prepare-import';
import { POST } from './route';

let csm: PublicUser;
let manager: PublicUser;

beforeEach(async () => {
  csm = await createUser('csm');
  manager = await createUser('manager');
});

/** A multipart request as the browser sends it: the real body, its length, and our origin. */
async function post(fields: Record<string, string>, csv: string, headers: Record<string, string> = {}) {
  const data = new FormData();
  data.set('file', new File([csv], 'accounts.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  const encoded = new Request('http://localhost/x', { method: 'POST', body: data });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const request = new Request('http://localhost/accounts/import/upload', {
    method: 'POST',
    body,
    headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length), origin: 'http://localhost', ...headers },
  });
  const response = await POST(request);
  return { status: response.status, json: (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { key: string } } };
}

/** The multipart body of a file, sent in chunks as they arrive (the real server streams it), with the length the sender claims. */
async function multipart(csv: string) {
  const data = new FormData();
  data.set('file', new File([csv], 'accounts.csv', { type: 'text/csv' }));
  data.set('intent', 'preview');
  const encoded = new Request('http://localhost/x', { method: 'POST', body: data });
  return { type: encoded.headers.get('content-type')!, body: new Uint8Array(await encoded.arrayBuffer()) };
}

async function postStream(type: string, chunks: Uint8Array[], contentLength: number | null) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  const headers: Record<string, string> = { 'content-type': type, origin: 'http://localhost' };
  if (contentLength !== null) headers['content-length'] = String(contentLength);
  const response = await POST(new Request('http://localhost/accounts/import/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit));
  return { status: response.status, json: (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { key: string } } };
}

/** One account and a 15 MB column the import does not map. */
const bigCsv = () => `name,domain,notes\nBig Co,big-${randomBytes(4).toString('hex')}.example,${'x'.repeat(15 * 1024 * 1024)}\n`;

const csv = () => `name,domain\nUpload Co,upload-${randomBytes(4).toString('hex')}.example\n`;

describe('POST /accounts/import/upload', () => {
  it('refuses a visitor without a session and a CSM, before reading the file', async () => {
    await signInAs(null);
    expect(await post({ intent: 'preview' }, csv())).toEqual({ status: 401, json: { ok: false, error: { key: 'errors.signedOut' } } });
    await signInAs(csm);
    expect(await post({ intent: 'preview' }, csv())).toEqual({ status: 403, json: { ok: false, error: { key: 'errors.forbidden' } } });
    expect(await lastAudit()).toMatchObject({ action: 'access.denied', actorId: csm.id });
  });

  it('refuses a body over the file limit by its length, and a post from another site', async () => {
    await signInAs(manager);
    const tooBig = String(maxImportMegabytes * 1024 * 1024 + 512 * 1024);
    expect((await post({ intent: 'preview' }, csv(), { 'content-length': tooBig })).status).toBe(413);
    expect((await post({ intent: 'preview' }, csv(), { origin: 'https://evil.example' })).status).toBe(403);
    // A sandboxed page sends "null"; anything that is not a URL is not our origin either.
    expect(await post({ intent: 'preview' }, csv(), { origin: 'null' })).toEqual({ status: 403, json: { ok: false, error: { key: 'errors.forbidden' } } });
    expect((await post({ intent: 'preview' }, csv(), { origin: 'garbage' })).status).toBe(403);
  });

  it('previews, then imports, as the import actions do', async () => {
    await signInAs(manager);
    const file = csv();
    const preview = await post({ intent: 'preview' }, file);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ ok: true, data: { totalRows: 1, invalidRows: 0 } });
    const run = await post({ intent: 'run', mode: 'all', mapping: JSON.stringify(['name', 'domain']) }, file);
    expect(run.json).toMatchObject({ ok: true, data: { created: 1 } });
    expect(await lastAudit()).toMatchObject({ action: 'account.import', actorId: manager.id });
  });

  it('reads a 15 MB file whole, and never reads a body cut short as a short file', async () => {
    await signInAs(manager);
    const { type, body } = await multipart(bigCsv());
    const whole = await postStream(type, [body.subarray(0, 10 * 1024 * 1024), body.subarray(10 * 1024 * 1024)], body.length);
    expect(whole).toMatchObject({ status: 200, json: { ok: true, data: { totalRows: 1, invalidRows: 0 } } });
    // What Next's proxy did to it: the first 10 MiB, then the end.
    const cut = await postStream(type, [body.subarray(0, 10 * 1024 * 1024)], body.length);
    expect(cut).toEqual({ status: 400, json: { ok: false, error: { key: 'import.errors.incomplete' } } });
  });

  it('calls a body that outgrows the limit too large, whatever Content-Length says or without one', async () => {
    await signInAs(manager);
    const { type, body } = await multipart(bigCsv());
    const tooLarge = { status: 413, json: { ok: false, error: { key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } } } };
    expect(await postStream(type, [body, body], body.length)).toEqual(tooLarge);
    expect(await postStream(type, [body, body], null)).toEqual(tooLarge);
  });
});
