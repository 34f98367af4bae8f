import { describe, expect, it } from 'vitest';
import { createAlertRuleInput } from './alert-rule';

// Which tech touch can enrol the account in a campaign: only the webhook
// (the receiving tool does the enrolling); whether the campaign exists is the action's check.

const rule = { name: 'Silent', conditions: [{ kind: 'no_activity', days: '14' }], tiers: [], stages: [], taskPriority: 'normal', taskDueDays: '2', closeAfterDays: '7', first: 'tech_touch', techSubject: 'nudge' };
const issues = (input: Record<string, unknown>) => {
  const r = createAlertRuleInput.safeParse({ ...rule, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('an alert rule’s campaign', () => {
  it('is kept with the webhook, and blank is none', () => {
    expect(createAlertRuleInput.parse({ ...rule, techChannel: 'webhook', techCampaignId: '12' })).toMatchObject({ techChannel: 'webhook', techCampaignId: 12 });
    expect(createAlertRuleInput.parse({ ...rule, techChannel: 'webhook', techCampaignId: ' ' })).toMatchObject({ techCampaignId: null });
    expect(createAlertRuleInput.parse({ ...rule, techChannel: 'webhook' })).toMatchObject({ techCampaignId: null });
  });

  it('is refused with email, beside the field', () => {
    expect(issues({ techChannel: 'email', techMessage: 'Hi', techCampaignId: '12' })).toEqual(['techCampaignId: validation.campaignNeedsWebhook']);
    expect(issues({ techChannel: 'email', techMessage: 'Hi', techCampaignId: '' })).toEqual([]);
  });

  it('is dropped with a task first, like the other tech-touch fields', () => {
    expect(createAlertRuleInput.parse({ ...rule, first: 'task', techChannel: 'webhook', techCampaignId: '12' })).toMatchObject({ first: 'task', techChannel: null, techCampaignId: null });
  });

  it('must be an id', () => {
    expect(issues({ techChannel: 'webhook', techCampaignId: 'tour' })).toEqual(['techCampaignId: validation.invalid']);
    expect(issues({ techChannel: 'webhook', techCampaignId: '-3' })).toEqual(['techCampaignId: validation.invalid']);
    expect(issues({ techChannel: 'webhook', techCampaignId: '1.5' })).toEqual(['techCampaignId: validation.invalid']);
  });
});
