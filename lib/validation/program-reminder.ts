import { z } from 'zod';
import { id } from '@/lib/actions/validation';

/** "Send reminder" for one session. */
export const sendReminderInput = z.object({ sessionId: id });
