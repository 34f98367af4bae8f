import { one, type SearchParams } from '@/lib/url-params';
import { parseId, parsePage, searchTerm } from '@/lib/validation/input';
import { lifecycleStages, ownsBook, tierSources, type Role } from '@/lib/vocabulary';
import { healthFilters, sortKeys, type AccountFilters, type SortKey } from './filters';

// The account list's filters live in the URL, so a view can be shared and
// reloaded; the CSV export reads the same parameters.
//   q       search in name and domain
//   tier    "1", "1,2"
//   owner   "me" | "all" | "none" | a user id   (default: "me" for a CSM, else "all")
//   stage   a lifecycle stage
//   renewal days ahead: renewal date within N days
//   source  "computed" | "override"
//   health  "poor", "poor,none": any of poor / average / good / none (no score yet)
//   industry exact industry (content audiences)
//   sort, dir, page



export type OwnerParam = 'me' | 'all' | 'none' | number;

export function ownerParam(params: SearchParams, role: Role): OwnerParam {
  const raw = one(params.owner);
  if (raw === 'me' || raw === 'all' || raw === 'none') return raw;
  const id = parseId(raw);
  if (id !== null) return id;
  return ownsBook(role) ? 'me' : 'all';
}

export function parseAccountFilters(params: SearchParams, user: { id: number; role: Role }): AccountFilters {
  const owner = ownerParam(params, user.role);
  const tiers = (one(params.tier) ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n === 1 || n === 2 || n === 3);
  const health = healthFilters.filter((h) => (one(params.health) ?? '').split(',').includes(h));
  const stage = one(params.stage);
  const renewal = Number(one(params.renewal));
  const source = one(params.source);
  const sort = one(params.sort);
  return {
    q: searchTerm(one(params.q)),
    tiers: tiers.length ? [...new Set(tiers)] : undefined,
    ownerId: owner === 'all' ? undefined : owner === 'me' ? user.id : owner,
    stage: stage && (lifecycleStages as readonly string[]).includes(stage) ? stage : undefined,
    renewalWithinDays: Number.isInteger(renewal) && renewal > 0 && renewal <= 3650 ? renewal : undefined,
    tierSource: tierSources.find((s) => s === source),
    health: health.length ? health : undefined,
    industry: searchTerm(one(params.industry), 100),
    sort: sort && (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : undefined,
    dir: one(params.dir) === 'desc' ? 'desc' : 'asc',
    page: parsePage(one(params.page)),
  };
}
