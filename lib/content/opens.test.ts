import { describe, expect, it } from 'vitest';
import { fileHeaders, isCountedOpen } from './opens';

const req = (method: string, headers: Record<string, string> = {}) => ({ method, headers: new Headers(headers) });
const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

describe('tracked link opens', () => {
  it('counts a person’s GET', () => {
    expect(isCountedOpen(req('GET', { 'user-agent': chrome }))).toBe(true);
  });
  it('does not count HEAD, prefetches or known scanners and previewers', () => {
    expect(isCountedOpen(req('HEAD', { 'user-agent': chrome }))).toBe(false);
    expect(isCountedOpen(req('GET', { 'user-agent': chrome, 'sec-purpose': 'prefetch;prerender' }))).toBe(false);
    expect(isCountedOpen(req('GET', { 'user-agent': chrome, purpose: 'prefetch' }))).toBe(false);
    for (const ua of ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Mozilla/5.0 (compatible; BingPreview/1.0b)', 'facebookexternalhit/1.1', 'Mozilla/5.0 (compatible; Googlebot/2.1)', 'Microsoft Office Existence Discovery'])
      expect(isCountedOpen(req('GET', { 'user-agent': ua })), ua).toBe(false);
  });
});

describe('serving an uploaded file', () => {
  it('shows passive types inline and downloads the rest, never sniffed, names kept in UTF-8', () => {
    const pdf = fileHeaders({ fileName: '稟議書テンプレート.pdf', fileType: 'application/pdf', size: 10 });
    expect(pdf['Content-Disposition']).toMatch(/^inline; filename="[^"]*\.pdf"; filename\*=UTF-8''%E7%A8%9F/);
    expect(pdf['X-Content-Type-Options']).toBe('nosniff');
    expect(fileHeaders({ fileName: 'x.html', fileType: 'text/html', size: 1 })['Content-Disposition']).toMatch(/^attachment/);
    expect(fileHeaders({ fileName: 'x.svg', fileType: 'image/svg+xml', size: 1 })['Content-Disposition']).toMatch(/^attachment/);
    expect(fileHeaders({ fileName: 'a"b.txt', fileType: 'text/plain\r\nX: y', size: 1 })).toMatchObject({ 'Content-Type': 'application/octet-stream' });
  });
});
