import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.programs.json';
import { builtInProgramKinds, programKindLabel } from './kind-label';

const t = (key: `kinds.${string}`) => (en.kinds as Record<string, string>)[key.slice('kinds.'.length)] ?? `MISSING ${key}`;

describe('programKindLabel', () => {
  it('names every built-in kind from the catalog', () => {
    for (const key of builtInProgramKinds) expect(programKindLabel({ key, name: null }, t)).not.toMatch(/MISSING/);
    expect(programKindLabel({ key: 'study_session', name: null }, t)).toBe('Study session');
  });

  it("shows an admin's own name as typed", () => {
    expect(programKindLabel({ key: null, name: 'Customer advisory board' }, t)).toBe('Customer advisory board');
  });
});
