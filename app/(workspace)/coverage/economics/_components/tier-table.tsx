import type { Format } from '@/lib/format';
import type { tierEconomics, totalEconomics } from '@/lib/economics/cost';
import { cn } from '@/lib/cn';
import { Table, Td, Th } from '@/components/ui/table';

type TierRow = ReturnType<typeof tierEconomics> & { over: number };
type Labels = Record<'tier' | 'accounts' | 'arr' | 'cost' | 'share' | 'perAccount' | 'ltv' | 'hours' | 'over' | 'total', string> & {
  tierName: (tier: number) => string;
  /** An amount of hours as shown in a cell. */
  hoursValue: (value: string) => string;
};

/** Per tier and in total: accounts, ARR, cost to serve, its share of ARR, the average per account, LTV, hours and accounts over the line. */
export function TierTable({ tiers, total, format, labels, threshold }: { tiers: readonly TierRow[]; total: ReturnType<typeof totalEconomics>; format: Format; labels: Labels; threshold: number }) {
  const share = (pct: string | null) => format.percent(pct);
  const overLine = (pct: string | null) => pct !== null && Number(pct) > threshold;
  const rows = [...tiers.map((t) => ({ key: `tier-${t.tier}`, label: labels.tierName(t.tier), ...t })), { key: 'total', label: labels.total, ...total, over: tiers.reduce((n, t) => n + t.over, 0) }];
  return (
    <div className="-m-4">
      <Table>
        <thead className="bg-zinc-50">
          <tr>
            <Th>{labels.tier}</Th>
            <Th className="hidden text-right sm:table-cell">{labels.accounts}</Th>
            <Th className="hidden text-right md:table-cell">{labels.arr}</Th>
            <Th className="text-right">{labels.cost}</Th>
            <Th className="text-right">{labels.share}</Th>
            <Th className="hidden text-right sm:table-cell">{labels.perAccount}</Th>
            <Th className="hidden text-right lg:table-cell">{labels.ltv}</Th>
            <Th className="hidden text-right lg:table-cell">{labels.hours}</Th>
            <Th className="hidden text-right md:table-cell">{labels.over}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.key} className={cn(r.key === 'total' && 'font-medium')}>
              <Td className="text-zinc-900">{r.label}</Td>
              <Td className="hidden text-right sm:table-cell">{format.number(r.accounts)}</Td>
              <Td className="hidden text-right md:table-cell">{format.money(r.arr)}</Td>
              <Td className="text-right">{format.money(r.cost)}</Td>
              <Td className={cn('text-right', overLine(r.sharePct) && 'font-medium text-red-700')}>{share(r.sharePct)}</Td>
              <Td className="hidden text-right sm:table-cell">{format.money(r.perAccount)}</Td>
              <Td className="hidden text-right lg:table-cell">{format.money(r.ltv)}</Td>
              <Td className="hidden text-right lg:table-cell">{labels.hoursValue(r.hours)}</Td>
              <Td className={cn('hidden text-right md:table-cell', r.over > 0 && 'text-red-700')}>{format.number(r.over)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
