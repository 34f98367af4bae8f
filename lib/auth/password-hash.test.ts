import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('uses Argon2id with at least 19 MiB and verifies only the right password', async () => {
    const stored = await hashPassword('plum-orbit-42');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'plum-orbit-42')).toBe(true);
    expect(await verifyPassword(stored, 'plum-orbit-43')).toBe(false);
  });

  it('treats a malformed stored hash as a wrong password', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
