import type { AlertCondition } from './conditions';

// The setup defaults for Tier 3 (issue 14, DOMAIN.md "Tech touch"): the long
// tail is watched by automation, and a human steps in when it matters. No
// login for 14 days → an in-app nudge; still none 7 days later → a task;
// the pricing page viewed 3 times in 7 days → a task at once. Names and the
// nudge's text come in the admin's language.

export type DefaultRule = {
  key: 'silent' | 'pricing';
  conditions: AlertCondition[];
  tiers: number[];
  first: 'task' | 'tech_touch';
  techChannel: 'webhook' | null;
  escalateAfterDays: number | null;
  taskPriority: 'high' | 'normal';
  taskDueDays: number;
  closeAfterDays: number;
};

export const tier3Defaults: DefaultRule[] = [
  { key: 'silent', conditions: [{ kind: 'no_activity', days: 14 }], tiers: [3], first: 'tech_touch', techChannel: 'webhook', escalateAfterDays: 7, taskPriority: 'normal', taskDueDays: 3, closeAfterDays: 3 },
  { key: 'pricing', conditions: [{ kind: 'pricing_views', views: 3, days: 7 }], tiers: [3], first: 'task', techChannel: null, escalateAfterDays: null, taskPriority: 'high', taskDueDays: 1, closeAfterDays: 14 },
];
