import { describe, expect, it } from 'vitest';
import { feedUrl, feedWindow, hashFeedToken, newFeedToken, shouldRecordUse, tokenFromSegment } from './token';

describe('feed tokens', () => {
  it('are 43 base64url characters, different every time', () => {
    const a = newFeedToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newFeedToken()).not.toBe(a);
  });

  it('are stored as their SHA-256', () => {
    expect(hashFeedToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are read from the path with or without .ics, and anything else is refused', () => {
    const token = newFeedToken();
    expect(tokenFromSegment(`${token}.ics`)).toBe(token);
    expect(tokenFromSegment(token)).toBe(token);
    expect(tokenFromSegment(`${token}x.ics`)).toBeNull();
    expect(tokenFromSegment('short.ics')).toBeNull();
    expect(tokenFromSegment(`${token.slice(0, 42)}/.ics`)).toBeNull();
  });

  it('make a feed URL at the app address', () => {
    expect(feedUrl('https://touchplan.example.com', 'T0K')).toBe('https://touchplan.example.com/feeds/T0K.ics');
  });
});

describe('feedWindow', () => {
  it('spans 90 days back to a year ahead, cancelled ones for 30 days', () => {
    const w = feedWindow(new Date('2027-04-01T00:00:00Z'));
    expect(w.from.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(w.to.toISOString()).toBe('2028-03-31T00:00:00.000Z');
    expect(w.cancelledSince.toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });
});

describe('shouldRecordUse', () => {
  it('records the first fetch and then at most once an hour', () => {
    const now = new Date('2027-04-01T12:00:00Z');
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(new Date('2027-04-01T11:00:01Z'), now)).toBe(false);
    expect(shouldRecordUse(new Date('2027-04-01T11:00:00Z'), now)).toBe(true);
  });
});
