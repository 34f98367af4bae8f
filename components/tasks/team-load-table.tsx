import { getTranslations } from 'next-intl/server';
import type { teamTaskLoad } from '@/db/queries/tasks';
import type { Format } from '@/lib/format';
import { Table, Td, Th } from '@/components/ui/table';

/** The team's open tasks per person (open, overdue, due today, this week; on /tasks also snoozed), the pooled row with nobody first. Shared by /tasks and the manager's home. */
export async function TeamLoadTable({ load, format, snoozed = false }: { load: Awaited<ReturnType<typeof teamTaskLoad>>; format: Format; snoozed?: boolean }) {
  const t = await getTranslations('tasks');
  return (
    <Table>
      <thead className="bg-zinc-50">
        <tr>
          <Th>{t('columns.owner')}</Th>
          <Th className="text-right">{t('columns.open')}</Th>
          <Th className="text-right">{t('columns.overdue')}</Th>
          <Th className="text-right">{t('columns.today')}</Th>
          <Th className="text-right">{t('columns.week')}</Th>
          {snoozed && <Th className="text-right">{t('columns.snoozed')}</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {load.map((l) => (
          <tr key={l.ownerId ?? 0}>
            <Td>{l.ownerName ?? t('nobody')}</Td>
            <Td className="text-right tabular-nums">{format.number(l.open)}</Td>
            <Td className={`text-right tabular-nums ${l.overdue ? 'font-medium text-red-700' : ''}`}>{format.number(l.overdue)}</Td>
            <Td className="text-right tabular-nums">{format.number(l.today)}</Td>
            <Td className="text-right tabular-nums">{format.number(l.week)}</Td>
            {snoozed && <Td className="text-right tabular-nums">{format.number(l.snoozed)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
