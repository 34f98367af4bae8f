// An alert rule's action (DOMAIN.md "Signals, health and alerts"): the
// ladder's first rung (a task for a human at once, or a tech touch first) and
// what the task or the tech touch looks like.

export const taskPriorities = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

export const ladderFirsts = ['task', 'tech_touch'] as const;
export type LadderFirst = (typeof ladderFirsts)[number];

/** How a tech touch leaves the building: an email to the account's contacts, or a signed webhook to the in-app tool. */
export const techChannels = ['email', 'webhook'] as const;
export type TechChannel = (typeof techChannels)[number];

/** How many accounts the editor's preview lists by name. */
export const previewLimit = 20;
