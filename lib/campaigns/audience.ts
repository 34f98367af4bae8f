import type { AccountFilters } from '@/lib/accounts/filters';
import { parseAccountFilters } from '@/lib/accounts/list-params';

/**
 * A campaign's audience (the shared audience filter's query string) as the
 * account filters it means. A campaign belongs to the workspace, not to one
 * CSM's book, so "my accounts" has no meaning here and reads as everyone's.
 */
export function campaignAudienceFilters(audience: string): AccountFilters {
  const params = Object.fromEntries(new URLSearchParams(audience));
  if (params.owner === 'me') delete params.owner;
  const { tiers, ownerId, stage, industry, renewalWithinDays, health } = parseAccountFilters(params, { id: 0, role: 'admin' });
  return { tiers, ownerId, stage, industry, renewalWithinDays, health };
}
