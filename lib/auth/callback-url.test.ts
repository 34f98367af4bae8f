import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeCallbackUrl('/admin/users?x=1')).toBe('/admin/users?x=1');
  });
  it('refuses other origins and tricks', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/%0a', '']) {
      expect(safeCallbackUrl(bad === '/%0a' ? '/\n' : bad)).toBe('/');
    }
    expect(safeCallbackUrl(null)).toBe('/');
  });
  it('does not loop back to the sign-in page', () => {
    expect(safeCallbackUrl('/login?callbackUrl=/x')).toBe('/');
  });
});
