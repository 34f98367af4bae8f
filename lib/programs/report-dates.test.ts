import { describe, expect, it } from 'vitest';
import { dayOrderHint, readDateTime, readDuration } from './report-dates';

describe('readDuration', () => {
  it.each([
    ['34', 'minutes', 34 * 60],
    ['1h 27m 51s', 'minutes', 5271],
    ['27m 3s', 'minutes', 1623],
    ['1h', 'minutes', 3600],
    ['45s', 'minutes', 45],
    ['1 時間 2 分 5 秒', 'minutes', 3725],
    ['50分30秒', 'minutes', 3030],
    ['1:27:51', 'minutes', 5271],
    ['27:51', 'minutes', 1671],
    ['90', 'seconds', 90],
  ] as const)('reads %s (%s)', (text, unit, seconds) => {
    expect(readDuration(text, unit)).toBe(seconds);
  });

  it.each(['', 'about an hour', '3s 2h', 'h', '1:2'])('refuses %j', (text) => {
    expect(readDuration(text, 'minutes')).toBeNull();
  });
});

describe('readDateTime', () => {
  it('reads full-width digits and a weekday in brackets, as Japanese spreadsheets may write them', () => {
    expect(readDateTime('２０２６/１１/０５(木) １０:０２', 'month-first')).toEqual({ date: '2026-11-05', hour: 10, minute: 2, second: 0 });
  });

  it('reads a narrow no-break space before PM, as ICU writes it', () => {
    expect(readDateTime('11/5/26, 3:04:05\u202fPM', 'month-first')).toEqual({ date: '2026-11-05', hour: 15, minute: 4, second: 5 });
  });

  it('reads dotted dates day first whatever the file order', () => {
    expect(readDateTime('05.11.2026 10:02:13', 'month-first')).toEqual({ date: '2026-11-05', hour: 10, minute: 2, second: 13 });
  });

  it.each(['', 'yesterday', '2026/11/05', '10:02:13', '25:00 2026/11/05', '2026/13/01 10:00', '11/05/2026 0:30 AM', '11/05/2026 10:61'])('refuses %j', (text) => {
    expect(readDateTime(text, 'month-first')).toBeNull();
  });
});

describe('dayOrderHint', () => {
  it('tells a day-first date, a month-first one, and one that reads both ways', () => {
    expect(['13/11/2026 10:00', '11/13/2026 10:00', '05/11/2026 10:00', '05.11.2026 10:00', '2026/11/05 10:00'].map(dayOrderHint)).toEqual([
      'day-first',
      'month-first',
      'either',
      'day-first',
      null,
    ]);
  });
});
