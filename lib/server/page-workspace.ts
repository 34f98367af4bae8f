import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';

/**
 * The workspace settings, read once per page render: the layout, the
 * language and time zone of the request, and the page all ask for them.
 * Actions read them in their own transaction (getWorkspace(tx)).
 */
export const pageWorkspace = cache(async (): Promise<Workspace> => getWorkspace(await getDb()));
