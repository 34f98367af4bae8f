import { describe, expect, it } from 'vitest';
import { demoCampaignPlan, demoCampaigns } from './seed-campaigns';
import { demoUsage, personaOf } from './seed-usage';

const stages = ['onboarding', 'adopting', 'mature', 'mature', 'adopting'];
const accounts = Array.from({ length: 300 }, (_, index) => ({ index, tier: index % 5 === 0 ? 2 : 3, stage: stages[index % 7 % stages.length]! }));

describe('demoCampaignPlan', () => {
  it('is deterministic, and reaches only Tier 3 accounts of each campaign’s stage, never ahead of yesterday', () => {
    const plan = demoCampaignPlan(accounts);
    expect(demoCampaignPlan(accounts)).toEqual(plan);
    for (const c of demoCampaigns) {
      const mine = plan.events.filter((e) => e.campaign === c.key);
      expect(mine.length).toBeGreaterThan(10);
      for (const e of mine) expect(accounts[e.index]).toMatchObject({ tier: 3, stage: c.stage });
      expect(Math.min(...mine.map((e) => e.day))).toBeGreaterThanOrEqual(89 - c.startsDaysAgo);
    }
    expect(Math.max(...plan.events.map((e) => e.day))).toBeLessThanOrEqual(88);
    const outcomes = (key: string) => new Set(plan.events.filter((e) => e.campaign === key).map((e) => e.outcome));
    expect(outcomes('onboarding-steps')).toEqual(new Set(['delivered', 'opened', 'clicked', 'bounced', 'unsubscribed']));
    expect(outcomes('workflow-tour')).toEqual(new Set(['delivered', 'completed']));
  });

  it('reaches in-app and tour users only on days their account is active', () => {
    const plan = demoCampaignPlan(accounts);
    const inProduct = plan.events.filter((e) => e.campaign !== 'onboarding-steps');
    expect(inProduct.filter((e) => personaOf(e.index) === 'none')).toEqual([]);
  });

  it('makes delivered accounts that lacked the goal feature take it up more often, and within the window', () => {
    const plan = demoCampaignPlan(accounts);
    for (const c of demoCampaigns) {
      const firsts = new Map<number, number>();
      for (const e of plan.events) if (e.campaign === c.key && e.outcome === 'delivered' && !firsts.has(e.index)) firsts.set(e.index, e.day);
      const lacking = [...plan.firstUse].filter(([, f]) => c.goalEvent in f);
      const rate = (group: [number, Record<string, number | null>][], start: (i: number) => number) =>
        group.filter(([i, f]) => f[c.goalEvent] != null && f[c.goalEvent]! >= start(i) && f[c.goalEvent]! <= start(i) + c.goalWindowDays).length / group.length;
      const reached = lacking.filter(([i]) => firsts.has(i));
      const others = lacking.filter(([i]) => !firsts.has(i));
      expect(rate(reached, (i) => firsts.get(i)!)).toBeGreaterThan(rate(others, () => 89 - c.startsDaysAgo));
    }
  });
});

describe('demoUsage with a feature not yet used', () => {
  it('sends no such event before its first day, and one on that day', () => {
    const index = Array.from({ length: 40 }, (_, i) => i).find((i) => personaOf(i) === 'healthy')!;
    const today = '2026-11-27';
    const base = { index, domain: 'acct.example.jp', today, timeZone: 'Asia/Tokyo', now: new Date(`${today}T23:59:59+09:00`) };
    const day = (m: { timestamp: string }) => 89 - Math.floor((Date.parse(`${today}T23:59:59+09:00`) - Date.parse(m.timestamp)) / 86_400_000);
    const workflows = (firstUse?: Record<string, number | null>) => demoUsage({ ...base, firstUse }).filter((m) => m.event === 'Workflow Created');
    expect(workflows().length).toBeGreaterThan(10);
    expect(Math.min(...workflows({ 'Workflow Created': 60 }).map(day))).toBe(60);
    expect(workflows({ 'Workflow Created': null })).toEqual([]);
    // Every other event stays as it was.
    const others = (firstUse?: Record<string, number | null>) => demoUsage({ ...base, firstUse }).filter((m) => m.event !== 'Workflow Created').length;
    expect(others({ 'Workflow Created': 60 })).toBe(others());
  });
});
