import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('skips falsy values and lets a later Tailwind class override a conflicting one', () => {
    expect(cn('px-2 py-1', false, null, undefined, 'text-sm')).toBe('px-2 py-1 text-sm');
    expect(cn('w-full px-2', 'w-auto')).toBe('px-2 w-auto');
    expect(cn('text-zinc-700', { 'text-red-700': true })).toBe('text-red-700');
  });
});
