import type { TierSource } from '@/lib/vocabulary';

// What the account list (and its CSV export) can be narrowed and ordered by.

export const accountPageSize = 50;

export const sortKeys = ['name', 'domain', 'owner', 'arr', 'ltv', 'tier', 'health', 'stage', 'renewal', 'nextTouch', 'lastTouch', 'updated'] as const;

/** Health bands to filter by; `none`: no score yet. */
export const healthFilters = ['poor', 'average', 'good', 'none'] as const;
export type HealthFilter = (typeof healthFilters)[number];
export type SortKey = (typeof sortKeys)[number];

export type AccountFilters = {
  q?: string;
  tiers?: number[];
  ownerId?: number | 'none';
  stage?: string;
  /** Exact industry, compared case-insensitively. */
  industry?: string;
  /** Only these accounts (sharing with one account). */
  ids?: number[];
  renewalWithinDays?: number;
  tierSource?: TierSource;
  /** Any of these bands (`none`: no score yet). */
  health?: HealthFilter[];
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  page?: number;
};
