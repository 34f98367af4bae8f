import { z } from 'zod';
import { str } from '@/lib/validation/input';

const queue = str().min(1, 'validation.required').max(100, 'validation.tooLong');

/** One failed job, by its queue and id. */
export const retryJobInput = z.object({ queue, id: str().min(1, 'validation.required').max(64, 'validation.tooLong') });

/** Every failed job of a queue. */
export const retryQueueInput = z.object({ queue });
