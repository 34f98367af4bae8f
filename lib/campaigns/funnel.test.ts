import { describe, expect, it } from 'vitest';
import { funnelByTier, funnelRowsFor } from './funnel';

describe('funnelByTier', () => {
  it('groups the counts per tier in tier order, with every outcome present', () => {
    expect(
      funnelByTier([
        { tier: 3, outcome: 'delivered', accounts: 40 },
        { tier: 3, outcome: 'opened', accounts: 12 },
        { tier: 2, outcome: 'delivered', accounts: 5 },
        { tier: 2, outcome: 'bounced', accounts: 1 },
      ]),
    ).toEqual([
      { tier: 2, counts: { delivered: 5, opened: 0, clicked: 0, completed: 0, bounced: 1, unsubscribed: 0 } },
      { tier: 3, counts: { delivered: 40, opened: 12, clicked: 0, completed: 0, bounced: 0, unsubscribed: 0 } },
    ]);
  });

  it('is empty when nothing arrived', () => {
    expect(funnelByTier([])).toEqual([]);
  });
});

describe('funnelRowsFor', () => {
  const counts = { delivered: 4, opened: 2, clicked: 1, completed: 0, bounced: 0, unsubscribed: 0 };
  it('leaves "completed" out of an email funnel, and keeps it for a tour', () => {
    expect(funnelRowsFor('email_sequence', [{ tier: 3, counts }])).toEqual(['delivered', 'opened', 'clicked', 'bounced', 'unsubscribed']);
    expect(funnelRowsFor('product_tour', [{ tier: 3, counts }])).toEqual(['delivered', 'opened', 'clicked', 'completed', 'bounced', 'unsubscribed']);
  });

  it('shows "completed" on any channel once something was completed', () => {
    expect(funnelRowsFor('in_app', [{ tier: 3, counts: { ...counts, completed: 1 } }])).toContain('completed');
  });
});
