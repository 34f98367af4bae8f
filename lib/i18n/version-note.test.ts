import { describe, expect, it } from 'vitest';
import { versionNote } from './version-note';

describe('versionNote', () => {
  it("translates the setup migrations' note and keeps an admin's own", () => {
    expect(versionNote('Setup defaults', '初期設定')).toBe('初期設定');
    expect(versionNote('Raised Tier 1 for FY27', '初期設定')).toBe('Raised Tier 1 for FY27');
    expect(versionNote(null, '初期設定')).toBeNull();
  });
});
