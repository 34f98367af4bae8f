import { one, type SearchParams } from '@/lib/url-params';

// `/accounts/<id>?overrideTier=2&overrideReason=…#override` opens the account
// page's override form (or a CSM's request form) with the tier and reason
// filled in, for pages that suggest an override (unit economics). Nothing is
// saved until the person submits the form.

export const overrideParams = { tier: 'overrideTier', reason: 'overrideReason' } as const;

/** What a link asks the form to start with; `open` when it asks for anything. */
export function overridePrefill(query: SearchParams): { open: boolean; tier?: number; reason?: string } {
  const tierRaw = Number(one(query[overrideParams.tier]));
  const tier = [1, 2, 3].includes(tierRaw) ? tierRaw : undefined;
  // The reason field takes at most 1,000 characters.
  const reason = one(query[overrideParams.reason])?.slice(0, 1000);
  return { open: tier !== undefined || reason !== undefined, tier, reason };
}

/** The address of an account's override form with a tier and reason filled in. */
export function overrideHref(accountId: number, tier: number, reason: string): string {
  return `/accounts/${accountId}?${new URLSearchParams({ [overrideParams.tier]: String(tier), [overrideParams.reason]: reason })}#override`;
}
