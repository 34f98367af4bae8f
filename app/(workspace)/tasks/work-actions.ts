import type { TaskWorkActions } from '@/components/tasks/task-actions';
import { completeTask, reassignTask, snoozeTask } from './actions';
import { dismissEpisode, snoozeEpisode } from './episode-actions';

/** What the task forms call, wherever a task is worked (the inbox, the account page). */
export const taskWorkActions: TaskWorkActions = { completeTask, snoozeTask, reassignTask, snoozeEpisode, dismissEpisode };
