import Link from 'next/link';
import type { ReactNode } from 'react';
import { coverageRatio, type CoverageCounts } from '@/lib/coverage/obligations';
import type { Format } from '@/lib/format';
import { Table, Td, Th } from '@/components/ui/table';

export type CountsRow = { key: string; label: ReactNode; counts: CoverageCounts; href: (status?: string) => string };

type Labels = Record<'coverage' | 'due' | 'onTime' | 'late' | 'missed' | 'overdue' | 'notYetDue' | 'nothingDue', string>;

const columns = [
  ['onTime', 'on_time'],
  ['late', 'late'],
  ['missed', 'missed'],
  ['overdue', 'overdue'],
] as const;

/** Coverage as a bar and a percentage, then the counts behind it; every count opens the obligations it counts. */
export function CountsTable({ rows, labels, format, first }: { rows: CountsRow[]; labels: Labels; format: Format; first: string }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>{first}</Th>
          <Th className="w-1/3">{labels.coverage}</Th>
          <Th className="text-right">{labels.due}</Th>
          {columns.map(([k]) => (
            <Th key={k} className="hidden text-right sm:table-cell">
              {labels[k]}
            </Th>
          ))}
          <Th className="hidden text-right md:table-cell">{labels.notYetDue}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 tabular-nums">
        {rows.map((r) => {
          const ratio = coverageRatio(r.counts);
          return (
            <tr key={r.key}>
              <Td className="whitespace-nowrap">{r.label}</Td>
              <Td>
                {ratio === null ? (
                  <span className="text-xs text-zinc-400">{labels.nothingDue}</span>
                ) : (
                  <span className="flex items-center gap-2">
                    <span className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
                      <span className={`block h-full rounded-full ${ratio >= 0.9 ? 'bg-emerald-500' : ratio >= 0.7 ? 'bg-amber-500' : 'bg-red-500'}`} style={{ width: `${Math.round(ratio * 100)}%` }} />
                    </span>
                    <span className="w-12 text-right font-medium text-zinc-900">{format.ratio(ratio)}</span>
                  </span>
                )}
              </Td>
              <Td className="text-right">
                <Link href={r.href('due')} className="hover:underline">
                  {format.number(r.counts.due)}
                </Link>
              </Td>
              {columns.map(([k, status]) => (
                <Td key={k} className="hidden text-right sm:table-cell">
                  {r.counts[k] === 0 ? (
                    <span className="text-zinc-400">0</span>
                  ) : (
                    <Link href={r.href(status)} className={`hover:underline ${k === 'missed' || k === 'overdue' ? 'font-medium text-red-700' : ''}`}>
                      {format.number(r.counts[k])}
                    </Link>
                  )}
                </Td>
              ))}
              <Td className="hidden text-right text-zinc-500 md:table-cell">{format.number(r.counts.notYetDue)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
