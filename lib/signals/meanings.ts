/** What an event name can mean to the signals (Admin → Signals, event mapping). */
export const eventMeanings = ['login', 'key_feature', 'pricing_view', 'support_ticket', 'nps'] as const;
export type EventMeaning = (typeof eventMeanings)[number];
