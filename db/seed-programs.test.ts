import { describe, expect, it } from 'vitest';
import { demoAnswers, generateDemoPrograms } from './seed-programs';

describe('demo programs', () => {
  it('are 12 monthly webinars, 4 study sessions and one user group, with the next webinar and study session still ahead', () => {
    const programs = generateDemoPrograms();
    expect(programs.map((p) => p.kind).filter((k) => k === 'webinar')).toHaveLength(12);
    expect(programs.filter((p) => p.kind === 'study_session')).toHaveLength(4);
    expect(programs.filter((p) => p.kind === 'user_group')).toHaveLength(1);
    expect(programs.filter((p) => p.daysFromToday > 0).map((p) => p.kind).sort()).toEqual(['study_session', 'webinar']);
  });

  it('register about 40 %, mostly in the final week, and 30–45 % of registrants attend', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i + 1);
    const startsAt = new Date('2026-10-01T06:00:00Z');
    const answers = demoAnswers(ids, { startsAt, durationMinutes: 60, capacity: null }, new Date('2026-11-28T00:00:00Z'), 7);
    const registered = answers.registered.flatMap((r) => r.ids);
    expect(registered.length / ids.length).toBeGreaterThan(0.35);
    expect(registered.length / ids.length).toBeLessThan(0.45);
    const lastWeek = answers.registered.filter((r) => startsAt.getTime() - r.at.getTime() <= 7 * 86_400_000).flatMap((r) => r.ids);
    expect(lastWeek.length / registered.length).toBeGreaterThan(0.6);
    const attended = answers.attended.flatMap((a) => a.ids);
    expect(attended.length / registered.length).toBeGreaterThanOrEqual(0.28);
    expect(attended.length / registered.length).toBeLessThanOrEqual(0.47);
    expect(attended.length + answers.noShow.length).toBe(registered.length);
    expect(answers.attended.every((a) => a.minutes >= 30 && a.minutes <= 60)).toBe(true);
  });

  it('keep within seats, register nobody after now, and record no attendance before the session ends', () => {
    const ids = Array.from({ length: 500 }, (_, i) => i + 1);
    const now = new Date('2026-11-28T00:00:00Z');
    const ahead = demoAnswers(ids, { startsAt: new Date('2026-12-05T06:00:00Z'), durationMinutes: 90, capacity: 40 }, now, 3);
    expect(ahead.registered.flatMap((r) => r.ids).length).toBeLessThanOrEqual(40);
    expect(ahead.registered.every((r) => r.at <= now)).toBe(true);
    expect(ahead.attended).toEqual([]);
    expect(ahead.noShow).toEqual([]);
  });
});
