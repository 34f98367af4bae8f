import Link from 'next/link';
import type { Format } from '@/lib/format';
import type { EconomicsAccount } from '@/lib/server/economics';
import { TierBadge } from '@/components/tier-badge';
import { Table, Td, Th } from '@/components/ui/table';

type Common = {
  rows: readonly EconomicsAccount[];
  format: Format;
  /** The account page with its override form open, tier and reason filled in. */
  overrideHref: (row: EconomicsAccount) => string;
  labels: { account: string; csm: string; arr: string; cost: string; override: string; unassigned: string; tierName: (tier: number) => string; overrideLabel: (name: string) => string };
};

function AccountCell({ row, labels }: { row: EconomicsAccount; labels: Common['labels'] }) {
  return (
    <Td className="whitespace-normal">
      <span className="flex items-center gap-2">
        <TierBadge tier={row.tier} label={labels.tierName(row.tier)} />
        <Link href={`/accounts/${row.id}`} className="font-medium text-zinc-900 hover:underline">
          {row.name}
        </Link>
      </span>
      <span className="mt-0.5 block text-xs text-zinc-500 md:hidden">{row.ownerName ?? labels.unassigned}</span>
    </Td>
  );
}

function OverrideCell({ row, href, labels }: { row: EconomicsAccount; href: string; labels: Common['labels'] }) {
  return (
    <Td className="text-right">
      <Link href={href} aria-label={labels.overrideLabel(row.name)} className="text-sm font-medium text-brand-700 hover:underline">
        {labels.override}
      </Link>
    </Td>
  );
}

/** High-touch on low value: ARR, cost to serve and its share of ARR, and the way to move the account to a lighter tier. */
export function OverTable({ rows, format, overrideHref, labels }: Common & { labels: Common['labels'] & { share: string; noArr: string } }) {
  return (
    <div className="-m-4">
      <Table>
        <thead className="bg-zinc-50">
          <tr>
            <Th>{labels.account}</Th>
            <Th className="hidden md:table-cell">{labels.csm}</Th>
            <Th className="hidden text-right sm:table-cell">{labels.arr}</Th>
            <Th className="hidden text-right sm:table-cell">{labels.cost}</Th>
            <Th className="text-right">{labels.share}</Th>
            <Th>
              <span className="sr-only">{labels.override}</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.id}>
              <AccountCell row={r} labels={labels} />
              <Td className="hidden md:table-cell">{r.ownerName ?? labels.unassigned}</Td>
              <Td className="hidden text-right sm:table-cell">{format.money(r.arr)}</Td>
              <Td className="hidden text-right sm:table-cell">{format.money(r.cost)}</Td>
              <Td className="text-right font-medium text-red-700">
                {r.sharePct === null ? labels.noArr : format.percent(r.sharePct)}
                <span className="block text-xs font-normal text-zinc-500 sm:hidden">{format.money(r.cost)}</span>
              </Td>
              <OverrideCell row={r} href={overrideHref(r)} labels={labels} />
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Value left without care: Tier 1 accounts' value, their coverage in the period, and what they cost. */
export function UncaredTable({ rows, format, overrideHref, labels }: Common & { labels: Common['labels'] & { ltv: string; coverage: string; coverageOf: (row: EconomicsAccount) => string } }) {
  return (
    <div className="-m-4">
      <Table>
        <thead className="bg-zinc-50">
          <tr>
            <Th>{labels.account}</Th>
            <Th className="hidden md:table-cell">{labels.csm}</Th>
            <Th className="hidden text-right sm:table-cell">{labels.arr}</Th>
            <Th className="hidden text-right lg:table-cell">{labels.ltv}</Th>
            <Th className="text-right">{labels.coverage}</Th>
            <Th className="hidden text-right lg:table-cell">{labels.cost}</Th>
            <Th>
              <span className="sr-only">{labels.override}</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.id}>
              <AccountCell row={r} labels={labels} />
              <Td className="hidden md:table-cell">{r.ownerName ?? labels.unassigned}</Td>
              <Td className="hidden text-right sm:table-cell">{format.money(r.arr)}</Td>
              <Td className="hidden text-right lg:table-cell">{format.money(r.ltv)}</Td>
              <Td className="text-right">
                <span className="font-medium text-red-700">{format.ratio(r.due > 0 ? r.onTime / r.due : null)}</span>
                <span className="block text-xs text-zinc-500">{labels.coverageOf(r)}</span>
              </Td>
              <Td className="hidden text-right lg:table-cell">{format.money(r.cost)}</Td>
              <OverrideCell row={r} href={overrideHref(r)} labels={labels} />
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
