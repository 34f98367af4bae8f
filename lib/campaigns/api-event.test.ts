import { describe, expect, it } from 'vitest';
import { judgeCampaignEvent } from './api-event';

const now = new Date('2026-11-10T00:00:00Z');

describe('judgeCampaignEvent', () => {
  it('accepts an email or an account with an outcome and an instant', () => {
    expect(judgeCampaignEvent({ email: ' Aiko@Acme.example ', outcome: 'Delivered', timestamp: '2026-11-02T09:00:00+09:00' }, now)).toEqual({
      ok: true,
      event: { email: 'aiko@acme.example', account: null, outcome: 'delivered', occurredAt: new Date('2026-11-02T00:00:00Z') },
    });
    expect(judgeCampaignEvent({ account: 'SF-001', outcome: 'completed', timestamp: '2026-11-02T00:00:00Z' }, now)).toMatchObject({ ok: true, event: { account: 'SF-001', email: null } });
  });

  it('names the field and the reason of a refused event', () => {
    const refused = (item: unknown) => {
      const j = judgeCampaignEvent(item, now);
      return j.ok ? null : j.field;
    };
    expect(refused('delivered')).toBe('event');
    expect(refused({ outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' })).toBe('email');
    expect(refused({ email: 42, outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' })).toBe('email');
    expect(refused({ email: 'nope', outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' })).toBe('email');
    expect(refused({ email: 'a@b.example', outcome: 'forwarded', timestamp: '2026-11-02T00:00:00Z' })).toBe('outcome');
    // Without a zone the time is a guess.
    expect(refused({ email: 'a@b.example', outcome: 'opened', timestamp: '2026-11-02 09:00' })).toBe('timestamp');
    expect(refused({ email: 'a@b.example', outcome: 'opened', timestamp: '2026-11-12T00:00:00Z' })).toBe('timestamp');
    // Year 0 (which PostgreSQL refuses) and other typos before 2000.
    expect(refused({ email: 'a@b.example', outcome: 'opened', timestamp: '0000-01-01T00:00:00Z' })).toBe('timestamp');
    expect(refused({ email: 'a@b.example', outcome: 'opened', timestamp: '0001-01-01T00:00:00+09:00' })).toBe('timestamp');
  });
});
