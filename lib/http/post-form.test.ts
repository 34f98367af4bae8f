import { afterEach, describe, expect, it, vi } from 'vitest';
import { postForm } from './post-form';

const answer = (body: string, status: number) => vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));

describe('postForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the form to the route and gives back its answer', async () => {
    const fetch = answer(JSON.stringify({ ok: true, data: { attended: 3 } }), 200);
    vi.stubGlobal('fetch', fetch);
    const data = new FormData();
    data.set('sessionId', '7');
    expect(await postForm('/programs/attendance/upload', data)).toEqual({ ok: true, data: { attended: 3 } });
    expect(fetch).toHaveBeenCalledWith('/programs/attendance/upload', { method: 'POST', body: data });
  });

  it('keeps the route’s own refusal, whatever its status', async () => {
    vi.stubGlobal('fetch', answer(JSON.stringify({ ok: false, fieldErrors: { file: { key: 'programs.attendanceErrors.notAReport' } } }), 400));
    expect(await postForm('/x', new FormData())).toEqual({ ok: false, fieldErrors: { file: { key: 'programs.attendanceErrors.notAReport' } } });
  });

  it('puts a 413 beside the file, in the route’s words when it wrote them', async () => {
    vi.stubGlobal('fetch', answer(JSON.stringify({ ok: false, error: { key: 'import.errors.fileTooLarge', values: { max: 20 } } }), 413));
    expect(await postForm('/x', new FormData())).toEqual({ ok: false, fieldErrors: { file: { key: 'import.errors.fileTooLarge', values: { max: 20 } } } });
  });

  it('says "too large" for a 413 the route did not write, and "unexpected" for any other page or a network failure', async () => {
    vi.stubGlobal('fetch', answer('<html>Request Entity Too Large</html>', 413));
    expect(await postForm('/x', new FormData())).toEqual({ ok: false, fieldErrors: { file: { key: 'validation.fileTooLarge' } } });
    vi.stubGlobal('fetch', answer('<html>Bad gateway</html>', 502));
    expect(await postForm('/x', new FormData())).toEqual({ ok: false, error: { key: 'errors.unexpected' } });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await postForm('/x', new FormData())).toEqual({ ok: false, error: { key: 'errors.unexpected' } });
  });
});
