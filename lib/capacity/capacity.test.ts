import { describe, expect, it } from 'vitest';
import { hoursPerAccountMonth, typeModelLookup } from '@/lib/playbooks/hours';
import { weekday, type LocalDate } from '@/lib/scheduling/local-date';
import { bookHours, capacityFigures, headcountNeeded } from './capacity';
import { timeOffHours } from './time-off';

const weekdays = (d: LocalDate) => weekday(d) !== 0 && weekday(d) !== 6;
const december = { from: '2026-12-01', to: '2026-12-31' };

describe('time off in a month', () => {
  it('counts working days inside the month only, times hours per day', () => {
    // Mon 28 Dec – Fri 8 Jan: four working days in December (28–31).
    expect(timeOffHours([{ fromDate: '2026-12-28', toDate: '2027-01-08', hoursPerDay: '8' }], december, weekdays)).toBe(32);
    // Fri 4 – Mon 7 Dec: the weekend between costs nothing.
    expect(timeOffHours([{ fromDate: '2026-12-04', toDate: '2026-12-07', hoursPerDay: '4' }], december, weekdays)).toBe(8);
    // A holiday inside it costs nothing either.
    expect(timeOffHours([{ fromDate: '2026-12-01', toDate: '2026-12-02', hoursPerDay: '8' }], december, (d) => weekdays(d) && d !== '2026-12-02')).toBe(8);
    expect(timeOffHours([{ fromDate: '2026-11-02', toDate: '2026-11-30', hoursPerDay: '8' }], december, weekdays)).toBe(0);
  });
});

describe('capacity figures', () => {
  it('take time off from capacity, and flag owing more than is available', () => {
    expect(capacityFigures({ owed: 99, booked: 40, delivered: 30, capacity: 110, timeOff: 16 })).toMatchObject({ available: 94, over: true });
    expect(capacityFigures({ owed: 99, booked: 40, delivered: 30, capacity: 110, timeOff: 16 }).utilisation).toBeCloseTo(99 / 94);
    expect(capacityFigures({ owed: 0, booked: 0, delivered: 0, capacity: 0, timeOff: 0 })).toMatchObject({ available: 0, utilisation: null, over: false });
    expect(capacityFigures({ owed: 5, booked: 0, delivered: 0, capacity: 8, timeOff: 16 })).toMatchObject({ available: 0, utilisation: Infinity, over: true });
  });

  it('sum a book exactly as the playbook hours figure: accounts per tier × hours per account a month', () => {
    const types = typeModelLookup([{ id: 1, touchModel: 'high' }, { id: 2, touchModel: 'high' }, { id: 3, touchModel: 'low' }]);
    const tier1 = [
      { activityTypeId: 1, touchKind: null, every: 1, unit: 'month' as const, hours: '1.5' },
      { activityTypeId: 2, touchKind: null, every: 3, unit: 'month' as const, hours: '6' },
    ];
    const tier2 = [{ activityTypeId: 3, touchKind: null, every: 1, unit: 'month' as const, hours: '2' }];
    const perAccount = { 1: hoursPerAccountMonth(tier1, types), 2: hoursPerAccountMonth(tier2, types), 3: 0 };
    expect(perAccount[1]).toBeCloseTo(3.5);
    expect(perAccount[2]).toBe(0); // one-to-many: only the host's sessions count
    expect(bookHours({ 1: 12, 2: 40, 3: 300 }, perAccount)).toBeCloseTo(42);
    expect(headcountNeeded(220)).toBe(2);
  });
});
