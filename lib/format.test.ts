import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatFor,
  formatHours,
  formatList,
  formatMoney,
  formatNumber,
  formatPct,
  formatPercent,
  formatRatio,
  formatRelativeDay,
  formatTime,
  formatTimeRange,
  localizeMessageValues,
  monthNames,
} from './format';

// 2026-12-03 15:00 in Tokyo (06:00 UTC).
const at = new Date('2026-12-03T06:00:00Z');
const tokyo = { timeZone: 'Asia/Tokyo' };
// Intl puts narrow no-break spaces before AM/PM and around range dashes; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('formatDate', () => {
  it('shows a calendar date the same way as an instant, never as ISO', () => {
    expect(formatDate('2026-12-03', 'en')).toBe('Dec 3, 2026');
    expect(formatDate(at, 'en', tokyo)).toBe('Dec 3, 2026');
    expect(formatDate('2026-12-03', 'ja')).toBe('2026/12/03');
    expect(formatDate(at, 'ja', tokyo)).toBe('2026/12/03');
  });
  it('reads an instant in the given time zone', () => {
    // 23:30 on Dec 2 in New York is already Dec 3 in Tokyo.
    const late = new Date('2026-12-03T04:30:00Z');
    expect(formatDate(late, 'en', { timeZone: 'America/New_York' })).toBe('Dec 2, 2026');
    expect(formatDate(late, 'en', tokyo)).toBe('Dec 3, 2026');
  });
  it('does not move a calendar date through a time zone', () => {
    expect(formatDate('2026-12-03', 'en', { timeZone: 'Pacific/Honolulu' })).toBe('Dec 3, 2026');
  });
  it('has the calendar styles', () => {
    expect(formatDate('2026-12-03', 'en', { style: 'monthYear' })).toBe('December 2026');
    expect(formatDate('2026-12-03', 'ja', { style: 'monthYear' })).toBe('2026年12月');
    expect(formatDate('2026-12-03', 'en', { style: 'weekdayMonthDay' })).toBe('Thu, Dec 3');
    expect(formatDate('2026-12-03', 'ja', { style: 'weekdayMonthDay' })).toBe('12月3日(木)');
    expect(formatDate('2026-12-03', 'ja', { style: 'weekday' })).toBe('木');
  });
  it('shows a dash for nothing', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('', 'ja')).toBe('—');
  });
});

describe('formatDateRange', () => {
  it('writes a week once', () => {
    expect(plain(formatDateRange('2026-11-30', '2026-12-06', 'en'))).toBe('Nov 30 – Dec 6, 2026');
    expect(formatDateRange('2026-11-30', '2026-12-06', 'ja')).toBe('2026/11/30～2026/12/06');
    expect(formatDateRange('2026-11-30', '2026-12-06', 'ja', { style: 'monthDayYear' })).toBe('2026/11/30～2026/12/06');
    expect(plain(formatDateRange('2026-11-30', '2026-12-06', 'en', { style: 'monthDay' }))).toBe('Nov 30 – Dec 6');
  });
});

describe('times', () => {
  it('reads 12-hour in English and 24-hour in Japanese', () => {
    expect(plain(formatTime(at, 'en', tokyo))).toBe('3:00 PM');
    expect(formatTime(at, 'ja', tokyo)).toBe('15:00');
  });
  it('shows a wall-clock time in the reader’s clock', () => {
    expect(plain(formatClock('15:00', 'en'))).toBe('3:00 PM');
    expect(plain(formatClock('09:30', 'en'))).toBe('9:30 AM');
    expect(formatClock('15:00', 'ja')).toBe('15:00');
  });
  it('writes a time range once', () => {
    const end = new Date(at.getTime() + 90 * 60_000);
    expect(plain(formatTimeRange(at, end, 'en', tokyo))).toBe('3:00 PM–4:30 PM');
    expect(formatTimeRange(at, end, 'ja', tokyo)).toBe('15:00～16:30');
  });
  it('writes a day and time', () => {
    expect(plain(formatDateTime(at, 'en', tokyo))).toBe('Dec 3, 2026, 3:00 PM');
    expect(formatDateTime(at, 'ja', tokyo)).toBe('2026/12/03 15:00');
    expect(formatDateTime(at, 'ja', { ...tokyo, style: 'seconds' })).toBe('2026/12/03 15:00:00');
    expect(plain(formatDateTime(at, 'en', { ...tokyo, style: 'weekdayMonthDay' }))).toBe('Thu, Dec 3, 3:00 PM');
    expect(formatDateTime(at, 'ja', { ...tokyo, style: 'weekdayMonthDay' })).toBe('12月3日(木) 15:00');
  });
});

describe('formatRelativeDay', () => {
  it('says today, tomorrow and in N days', () => {
    expect(formatRelativeDay('2026-12-03', '2026-12-03', 'en')).toBe('today');
    expect(formatRelativeDay('2026-12-04', '2026-12-03', 'en')).toBe('tomorrow');
    expect(formatRelativeDay('2026-12-06', '2026-12-03', 'en')).toBe('in 3 days');
    expect(formatRelativeDay('2026-12-01', '2026-12-03', 'en')).toBe('2 days ago');
    expect(formatRelativeDay('2026-12-04', '2026-12-03', 'ja')).toBe('明日');
    expect(formatRelativeDay('2026-12-06', '2026-12-03', 'ja')).toBe('3 日後');
  });
  it('counts across a month end and a DST change', () => {
    expect(formatRelativeDay('2027-04-01', '2027-03-01', 'en')).toBe('in 31 days');
  });
});

describe('formatMoney', () => {
  it('formats exactly, beyond float precision', () => {
    expect(formatMoney('123456789012345678', 'JPY', 'en')).toBe('¥123,456,789,012,345,678');
    expect(formatMoney('1234.50', 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney(null, 'JPY', 'ja')).toBe('—');
  });
  it('uses the currency’s own minor units', () => {
    expect(formatMoney('30000000', 'JPY', 'en')).toBe('¥30,000,000');
    expect(formatMoney('30000000', 'JPY', 'ja')).toBe('￥30,000,000');
    expect(formatMoney('5040000.00', 'JPY', 'en')).toBe('¥5,040,000');
    expect(formatMoney('1234', 'USD', 'ja')).toBe('$1,234.00');
    expect(formatMoney('1234', 'KRW', 'en')).toBe('₩1,234');
  });
  it('can be compact for summaries', () => {
    expect(formatMoney('62400000', 'JPY', 'en', { compact: true })).toBe('¥62.4M');
    expect(formatMoney('62400000', 'JPY', 'ja', { compact: true })).toBe('￥6240万');
  });
});

describe('numbers', () => {
  it('groups counts', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'ja')).toBe('1,234,567');
  });
  it('shows percentages up to two decimals', () => {
    expect(formatPercent('12.50', 'en')).toBe('12.5%');
    expect(formatPercent('12.345', 'ja')).toBe('12.35%');
    expect(formatPercent('100', 'en')).toBe('100%');
    expect(formatPct('80', 'ja')).toBe('80%');
  });
  it('shows a fraction as a whole percentage', () => {
    expect(formatRatio(0.456, 'en')).toBe('46%');
    expect(formatRatio(1, 'ja')).toBe('100%');
    expect(formatRatio(null, 'en')).toBe('—');
  });
  it('shows hours with one decimal at most', () => {
    expect(formatHours(1.5, 'en')).toBe('1.5');
    expect(formatHours('12.00', 'ja')).toBe('12');
    expect(formatHours(2 / 3, 'en')).toBe('0.7');
  });
});

describe('formatFor', () => {
  it('binds the reader and the workspace currency', () => {
    const f = formatFor('ja', 'Asia/Tokyo', 'JPY');
    expect(f.money('30000000')).toBe('￥30,000,000');
    expect(f.dateTime(at)).toBe('2026/12/03 15:00');
    expect(f.date('2026-12-03')).toBe('2026/12/03');
    const e = formatFor('en', 'America/New_York', 'USD');
    expect(plain(e.time(at))).toBe('1:00 AM');
    expect(e.money('5')).toBe('$5.00');
  });
});

describe('monthNames', () => {
  it('names the months in the locale', () => {
    expect(monthNames('en')[3]).toEqual({ value: 4, label: 'April' });
    expect(monthNames('ja')[3]).toEqual({ value: 4, label: '4月' });
  });
});

describe('formatList', () => {
  it('joins names as the language does', () => {
    expect(formatList(['Tier 1', 'Tier 2', 'Tier 3'], 'en')).toBe('Tier 1, Tier 2, and Tier 3');
    expect(formatList(['Tier 1', 'Tier 2'], 'ja')).toBe('Tier 1、Tier 2');
  });
});

describe('localizeMessageValues', () => {
  it('shows the calendar dates a server message carries in the reader’s format', () => {
    expect(localizeMessageValues({ count: 3, dates: '2027-04-15, 2027-05-20, …' }, 'en')).toEqual({ count: 3, dates: 'Apr 15, 2027; May 20, 2027; …' });
    expect(localizeMessageValues({ dates: '2027-04-15, 2027-05-20' }, 'ja')).toEqual({ dates: '2027/04/15、2027/05/20' });
    expect(localizeMessageValues({ until: '2027-04-15' }, 'en')).toEqual({ until: 'Apr 15, 2027' });
  });
  it('leaves other values alone', () => {
    expect(localizeMessageValues({ name: 'Acme, Inc.', column: 'arr', max: 5 }, 'en')).toEqual({ name: 'Acme, Inc.', column: 'arr', max: 5 });
    expect(localizeMessageValues(undefined, 'en')).toBeUndefined();
  });
});
