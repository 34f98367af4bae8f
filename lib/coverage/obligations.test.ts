import { describe, expect, it } from 'vitest';
import { countCoverage, coverageRatio, obligations, type RuleSpan } from './obligations';

const qbr = (start: string, end: string | null = null): RuleSpan => ({ every: 3, unit: 'month', start, end });
const asOf = (today: string, graceDays = 0) => ({ today, graceDays });
const brief = (chain: ReturnType<typeof obligations>) => chain.map((o) => [o.due, o.status, o.metOn]);

// The worked examples of DOMAIN.md (rule: QBR every 3 months), one test each.
describe('coverage obligations: the examples of the domain', () => {
  it('enters Tier 1 on Jan 10, QBR on Mar 20: due Apr 10 on time; next due Jun 20', () => {
    expect(brief(obligations(qbr('2026-01-10'), ['2026-03-20'], asOf('2026-05-01')))).toEqual([
      ['2026-04-10', 'on_time', '2026-03-20'],
      ['2026-06-20', 'not_yet_due', null],
    ]);
  });

  it('enters Jan 10, QBR on May 2: due Apr 10 met late; next due Aug 2', () => {
    expect(brief(obligations(qbr('2026-01-10'), ['2026-05-02'], asOf('2026-06-01')))).toEqual([
      ['2026-04-10', 'late', '2026-05-02'],
      ['2026-08-02', 'not_yet_due', null],
    ]);
  });

  it('enters Jan 10, no QBR until Aug 1: Apr 10 missed once Jul 10 passed; Jul 10 met late on Aug 1', () => {
    expect(brief(obligations(qbr('2026-01-10'), ['2026-08-01'], asOf('2026-08-15')))).toEqual([
      ['2026-04-10', 'missed', null],
      ['2026-07-10', 'late', '2026-08-01'],
      ['2026-11-01', 'not_yet_due', null],
    ]);
  });

  it('QBRs on Feb 1 and Feb 20: Feb 1 meets Apr 10, Feb 20 meets the next (due May 1) early', () => {
    expect(brief(obligations(qbr('2026-01-10'), ['2026-02-20', '2026-02-01'], asOf('2026-06-01')))).toEqual([
      ['2026-04-10', 'on_time', '2026-02-01'],
      ['2026-05-01', 'on_time', '2026-02-20'],
      ['2026-05-20', 'overdue', null],
    ]);
  });

  it('override to Tier 2 on Mar 1: the open QBR obligation ends uncounted; Tier 2 rules start Mar 1', () => {
    const tier1 = obligations(qbr('2026-01-10', '2026-03-01'), [], asOf('2026-06-01'));
    expect(brief(tier1)).toEqual([['2026-04-10', 'ended', null]]);
    expect(countCoverage(tier1, { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ due: 0, notYetDue: 0 });
    const tier2Webinar: RuleSpan = { every: 1, unit: 'month', start: '2026-03-01', end: null };
    expect(obligations(tier2Webinar, [], asOf('2026-03-15'))[0]).toMatchObject({ due: '2026-04-01', status: 'not_yet_due' });
  });
});

describe('coverage obligations: edges', () => {
  it('counts nothing before the rule applied, and two touches on one day once', () => {
    expect(brief(obligations(qbr('2026-01-10'), ['2026-01-09', '2026-03-01', '2026-03-01'], asOf('2026-04-20')))).toEqual([
      ['2026-04-10', 'on_time', '2026-03-01'],
      ['2026-06-01', 'not_yet_due', null],
    ]);
  });

  it('a touch on the start day counts; one on the due day is on time', () => {
    expect(obligations(qbr('2026-01-10'), ['2026-01-10'], asOf('2026-04-10'))[0]).toMatchObject({ status: 'on_time', metOn: '2026-01-10' });
    expect(obligations(qbr('2026-01-10'), ['2026-04-10'], asOf('2026-04-10'))[0]).toMatchObject({ status: 'on_time' });
  });

  it('met early while the due date is ahead is not yet due', () => {
    expect(obligations(qbr('2026-01-10'), ['2026-02-01'], asOf('2026-03-01'))[0]).toMatchObject({ due: '2026-04-10', status: 'not_yet_due', metOn: '2026-02-01' });
  });

  it('an unmet obligation is not yet due through its due day, overdue after, missed after the next deadline', () => {
    expect(obligations(qbr('2026-01-10'), [], asOf('2026-04-10'))[0]!.status).toBe('not_yet_due');
    expect(obligations(qbr('2026-01-10'), [], asOf('2026-04-11'))[0]!.status).toBe('overdue');
    expect(obligations(qbr('2026-01-10'), [], asOf('2026-07-10'))[0]!.status).toBe('overdue');
    expect(brief(obligations(qbr('2026-01-10'), [], asOf('2026-07-11')))).toEqual([
      ['2026-04-10', 'missed', null],
      ['2026-07-10', 'overdue', null],
    ]);
  });

  it('grace days extend each deadline and the missing cut-off, not the next due date', () => {
    const grace = asOf('2026-09-01', 5);
    expect(obligations(qbr('2026-01-10'), ['2026-04-15'], grace)[0]).toMatchObject({ due: '2026-04-10', deadline: '2026-04-15', status: 'on_time' });
    expect(obligations(qbr('2026-01-10'), ['2026-04-16'], grace)[0]).toMatchObject({ status: 'late' });
    expect(brief(obligations(qbr('2026-01-10'), ['2026-07-15'], grace))).toEqual([
      ['2026-04-10', 'late', '2026-07-15'],
      ['2026-10-15', 'not_yet_due', null],
    ]);
    expect(brief(obligations(qbr('2026-01-10'), ['2026-07-16'], grace)).slice(0, 2)).toEqual([
      ['2026-04-10', 'missed', null],
      ['2026-07-10', 'late', '2026-07-16'],
    ]);
  });

  it('months keep the day but not past the month end; weeks and days count days', () => {
    const monthly: RuleSpan = { every: 1, unit: 'month', start: '2026-01-31', end: null };
    expect(obligations(monthly, [], asOf('2026-01-31'))[0]!.due).toBe('2026-02-28');
    expect(obligations({ every: 2, unit: 'week', start: '2026-01-01', end: null }, [], asOf('2026-01-01'))[0]!.due).toBe('2026-01-15');
    expect(obligations({ every: 10, unit: 'day', start: '2026-01-01', end: null }, [], asOf('2026-01-01'))[0]!.due).toBe('2026-01-11');
  });

  it('after the rule ends, a touch on the change day belongs to what follows; earlier outcomes stay', () => {
    const span = qbr('2026-01-10', '2026-10-01');
    expect(brief(obligations(span, ['2026-03-01', '2026-10-01'], asOf('2026-12-01')))).toEqual([
      ['2026-04-10', 'on_time', '2026-03-01'],
      ['2026-06-01', 'missed', null],
      ['2026-09-01', 'ended', null],
    ]);
    // Overdue but not yet missed on the change day: open, so it ends uncounted too.
    expect(brief(obligations(qbr('2026-01-10', '2026-08-01'), ['2026-03-01'], asOf('2026-12-01')))).toEqual([
      ['2026-04-10', 'on_time', '2026-03-01'],
      ['2026-06-01', 'ended', null],
    ]);
    // An end still ahead (a change planned for later) is not an end yet.
    expect(obligations(qbr('2026-01-10', '2026-12-01'), [], asOf('2026-03-01'))[0]!.status).toBe('not_yet_due');
  });

  it('a long silence misses one obligation per interval', () => {
    const chain = obligations({ every: 1, unit: 'month', start: '2025-01-01', end: null }, [], asOf('2026-01-15'));
    expect(chain.filter((o) => o.status === 'missed')).toHaveLength(11);
    expect(chain.at(-1)).toMatchObject({ due: '2026-01-01', status: 'overdue' });
  });
});

describe('coverage of a period', () => {
  const chain = obligations({ every: 1, unit: 'month', start: '2026-01-01', end: null }, ['2026-01-20', '2026-03-25', '2026-05-10'], asOf('2026-06-05'));

  it('counts obligations by their due date in the period, not yet due ones apart', () => {
    expect(brief(chain)).toEqual([
      ['2026-02-01', 'on_time', '2026-01-20'],
      ['2026-02-20', 'missed', null],
      ['2026-03-20', 'late', '2026-03-25'],
      ['2026-04-25', 'late', '2026-05-10'],
      ['2026-06-10', 'not_yet_due', null],
    ]);
    expect(countCoverage(chain, { from: '2026-01-01', to: '2026-06-30' })).toEqual({ due: 4, onTime: 1, late: 2, missed: 1, overdue: 0, notYetDue: 1 });
    expect(countCoverage(chain, { from: '2026-02-15', to: '2026-03-31' })).toEqual({ due: 2, onTime: 0, late: 1, missed: 1, overdue: 0, notYetDue: 0 });
  });

  it('is on time ÷ due, and nothing when nothing was due', () => {
    expect(coverageRatio(countCoverage(chain, { from: '2026-01-01', to: '2026-06-30' }))).toBe(1 / 4);
    expect(coverageRatio({ due: 0, onTime: 0 })).toBeNull();
  });
});
