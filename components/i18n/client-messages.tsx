import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages } from '@/lib/i18n/pick-messages';
import { MergeMessages } from './merge-messages';

/**
 * Sends the catalog's `ns` namespaces (or dotted branches) to the client
 * components below, on top of what the layouts above already sent. A page
 * lists what its client components read; tests/client-scopes.ts checks the
 * list against the source.
 */
export async function ClientMessages({ ns, children }: { ns: readonly string[]; children: ReactNode }) {
  return <MergeMessages messages={pickMessages(await getMessages(), ns)}>{children}</MergeMessages>;
}
