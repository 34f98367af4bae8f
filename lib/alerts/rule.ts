// An alert rule's action (DOMAIN.md "Signals, health and alerts"): what the
// task it raises looks like. Only "a task for a human at once" is offered
// until tech-touch channels exist (lib/server/alerts.ts skips the others).

export const taskPriorities = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** How many accounts the editor's preview lists by name. */
export const previewLimit = 20;
