import { describe, expect, it } from 'vitest';
import { pickSession, sessionPhase } from './session-choice';

const now = Date.parse('2026-06-10T12:00:00Z');
const s = (id: number, startsAt: string, cancelled = false) => ({ id, startsAt, durationMinutes: 60, cancelled });
const past = s(1, '2026-05-01T10:00:00Z');
const live = s(2, '2026-06-10T11:30:00Z');
const cancelled = s(3, '2026-07-01T10:00:00Z', true);
const next = s(4, '2026-08-01T10:00:00Z');

describe('sessionPhase', () => {
  it('tells upcoming, under way and over apart', () => {
    expect(sessionPhase(next, now)).toBe('upcoming');
    expect(sessionPhase(live, now)).toBe('started');
    expect(sessionPhase(past, now)).toBe('over');
  });
});

describe('pickSession', () => {
  it('shows the session asked for', () => expect(pickSession([past, live, next], 1, now)?.id).toBe(1));
  it('else the one under way or next, passing over cancelled ones', () => {
    expect(pickSession([past, live, next], null, now)?.id).toBe(2);
    expect(pickSession([past, cancelled, next], null, now)?.id).toBe(4);
  });
  it('else the latest, when all are over', () => expect(pickSession([past], 99, now)?.id).toBe(1));
  it('nothing for a program without sessions', () => expect(pickSession([], null, now)).toBeUndefined());
});
