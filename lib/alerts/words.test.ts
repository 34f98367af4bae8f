import { describe, expect, it } from 'vitest';
import { formatFor } from '@/lib/format';
import { valueWords } from './words';

const say = (key: string, values?: Record<string, string | number>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('valueWords', () => {
  it('says each recorded value once, in order, with dates and lists in the reader’s format', () => {
    const en = formatFor('en', 'Asia/Tokyo');
    const words = valueWords({ nps: 4, renewalDate: '2027-04-15', unusedFeatures: ['reports', 'exports'], score: 40, scoreThen: 70, pricingViews: 3, daysSinceSeen: 20 }, say, en);
    expect(words).toEqual([
      'daysSinceSeen {"days":20}',
      'pricingViews {"count":3}',
      'scoreWas {"score":40,"then":70}',
      'unusedFeatures {"features":"reports and exports"}',
      `renewalDate {"date":"${en.date('2027-04-15')}"}`,
      'nps {"nps":"4"}',
    ]);
    expect(words.join(' ')).not.toContain('2027-04-15');
  });

  it('says “never seen” for a null last-seen and leaves out what is missing or blank', () => {
    const ja = formatFor('ja', 'Asia/Tokyo');
    expect(valueWords({ daysSinceSeen: null, score: '55', pricingViews: '', unusedFeatures: [] }, say, ja)).toEqual(['neverSeen', 'score {"score":55}']);
    expect(valueWords({}, say, ja)).toEqual([]);
  });
});
