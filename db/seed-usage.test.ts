import { describe, expect, it } from 'vitest';
import { demoUsage, personaOf } from './seed-usage';

const today = '2026-11-27';
const usage = (index: number) => demoUsage({ index, domain: `acct${index}.example.jp`, today, timeZone: 'Asia/Tokyo', now: new Date(`${today}T23:59:59+09:00`) });
const find = (persona: string) => Array.from({ length: 40 }, (_, i) => i).find((i) => personaOf(i) === persona)!;
const tracksIn = (msgs: ReturnType<typeof usage>, from: number, to: number) =>
  msgs.filter((m) => m.type === 'track' && m.event === 'Logged In').filter((m) => {
    const daysAgo = (Date.parse(`${today}T23:59:59+09:00`) - Date.parse(m.timestamp)) / 86_400_000;
    return daysAgo >= from && daysAgo < to;
  }).length;

describe('demoUsage', () => {
  it('is deterministic and stays within about 200,000 messages for the demo’s 300 accounts', () => {
    expect(usage(3)).toEqual(usage(3));
    const total = Array.from({ length: 300 }, (_, i) => usage(i).length).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(50_000);
    expect(total).toBeLessThanOrEqual(200_000);
    // Generates every account's usage (~95,000 messages): about 3 s alone, over 5 s on a busy 2-core machine.
  }, 30_000);

  it('groups each user before their events and never sends ahead of today', () => {
    const msgs = usage(find('healthy'));
    const firstGroup = new Map<string, number>();
    msgs.forEach((m, i) => {
      if (m.type === 'group' && !firstGroup.has(m.userId)) firstGroup.set(m.userId, i);
    });
    msgs.forEach((m, i) => expect(firstGroup.get(m.userId)!).toBeLessThanOrEqual(i));
    expect(Math.max(...msgs.map((m) => Date.parse(m.timestamp)))).toBeLessThan(Date.parse(`${today}T23:59:59+09:00`));
    expect(new Set(msgs.map((m) => m.messageId)).size).toBe(msgs.length);
  });

  it('gives each persona its shape', () => {
    const declining = usage(find('declining'));
    expect(tracksIn(declining, 0, 30)).toBeLessThan(tracksIn(declining, 60, 90) / 2);
    const silent = usage(find('silent'));
    expect(tracksIn(silent, 0, 10)).toBe(0);
    expect(tracksIn(silent, 40, 90)).toBeGreaterThan(0);
    const onboarding = usage(find('onboarding'));
    expect(tracksIn(onboarding, 60, 90)).toBe(0);
    expect(tracksIn(onboarding, 0, 20)).toBeGreaterThan(0);
    const expanding = usage(find('expanding'));
    const pricing = (from: number, to: number) =>
      expanding.filter((m) => m.type === 'page' && (Date.parse(`${today}T23:59:59+09:00`) - Date.parse(m.timestamp)) / 86_400_000 >= from && (Date.parse(`${today}T23:59:59+09:00`) - Date.parse(m.timestamp)) / 86_400_000 < to).length;
    expect(pricing(0, 30)).toBeGreaterThan(pricing(60, 90));
    expect(usage(find('none'))).toEqual([]);
  });
});
