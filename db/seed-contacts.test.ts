import { describe, expect, it } from 'vitest';
import { generateDemoContacts } from './seed-contacts';

describe('demo contacts', () => {
  const accounts = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, domain: `c${i}.example.jp` }));
  const contacts = generateDemoContacts(accounts);

  it('gives every account 2 to 4 people, a champion and an executive sponsor among them', () => {
    for (const a of accounts) {
      const mine = contacts.filter((c) => c.accountId === a.id);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.length).toBeLessThanOrEqual(4);
      expect(mine.flatMap((c) => c.roles)).toEqual(expect.arrayContaining(['champion', 'executive_sponsor']));
    }
  });

  it('writes unique emails at the account’s own domain, and is the same every time', () => {
    expect(new Set(contacts.map((c) => c.email)).size).toBe(contacts.length);
    for (const c of contacts) expect(c.email.endsWith(`@${accounts[c.accountId - 1]!.domain}`)).toBe(true);
    expect(generateDemoContacts(accounts)).toEqual(contacts);
  });
});
