import { describe, expect, it } from 'vitest';
import { prng } from './seed-accounts';
import { demoOpens, generateDemoContent } from './seed-content';

describe('demo content', () => {
  const accounts = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, tier: i < 8 ? 1 : i < 60 ? 2 : 3 }));
  const items = generateDemoContent({ accounts });

  it('is 20 items, each shared 1 to 3 times within the past year with accounts of its tiers', () => {
    expect(items).toHaveLength(21);
    const tierOf = new Map(accounts.map((a) => [a.id, a.tier]));
    for (const item of items.slice(0, 20)) {
      expect(item.shares.length).toBeGreaterThanOrEqual(1);
      expect(item.shares.length).toBeLessThanOrEqual(3);
      for (const share of item.shares) {
        expect(share.daysAgo).toBeGreaterThanOrEqual(3);
        expect(share.daysAgo).toBeLessThan(365);
        if (item.tiers.length) for (const id of share.accountIds) expect(item.tiers).toContain(tierOf.get(id));
      }
    }
  });

  it('sends Tier 2 a letter every four weeks for a year, to most of the tier each time', () => {
    const letter = items[20]!;
    expect(letter.tiers).toEqual([2]);
    expect(letter.shares).toHaveLength(12);
    expect(letter.shares.map((s) => s.daysAgo)).toEqual(Array.from({ length: 12 }, (_, m) => 4 + 28 * (11 - m)));
    for (const share of letter.shares) {
      expect(share.accountIds.length).toBeGreaterThan(52 * 0.4);
      expect(share.accountIds.length).toBeLessThan(52);
    }
  });

  it('opens about half the links, mostly within two days, never in the future', () => {
    const tokens = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    const sharedAt = new Date('2026-06-01T01:00:00Z');
    const now = new Date('2026-11-28T00:00:00Z');
    const opens = demoOpens(tokens, sharedAt, now, prng(1));
    expect(opens.length / tokens.length).toBeGreaterThan(0.45);
    expect(opens.length / tokens.length).toBeLessThan(0.55);
    const quick = opens.filter((o) => o.at.getTime() - sharedAt.getTime() <= 48 * 3_600_000).length;
    expect(quick / opens.length).toBeGreaterThan(0.75);
    expect(demoOpens(tokens, new Date(now.getTime() - 3_600_000), now, prng(1)).every((o) => o.at < now)).toBe(true);
  });
});
