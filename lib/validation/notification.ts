import { z } from 'zod';
import { checkbox, version } from '@/lib/actions/validation';
import { id } from '@/lib/validation/input';

/** The bell's list: nothing to choose. */
export const listNotificationsInput = z.object({});

/** One notification (`id`), or all of the caller's when none is given. */
export const markNotificationsReadInput = z.object({ id: id.optional() });

/** The settings' "Email me a daily digest" checkbox. */
export const updateDigestInput = z.object({ version, digestEmail: checkbox });
