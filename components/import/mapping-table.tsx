'use client';

import { useTranslations } from 'next-intl';
import { Select } from '@/components/ui/input';
import { Table, Td, Th } from '@/components/ui/table';
import type { Mapping } from '@/lib/import/mapping';
import type { ImportPreview } from '@/lib/import/read-file';

/** One row per CSV column: its header, its first value, and the field it fills. */
export function MappingTable({
  columns,
  importColumns,
  fieldLabels,
  disabled,
  onChange,
}: {
  columns: ImportPreview['columns'];
  importColumns: readonly string[];
  /** Each import column's name in the reader's language. */
  fieldLabels: Record<string, string>;
  disabled?: boolean;
  onChange: (mapping: Mapping) => void;
}) {
  const t = useTranslations('import');
  const choose = (index: number, value: string) =>
    onChange(columns.map((c, i) => (i === index ? (value || null) : c.column)));
  return (
    <Table>
      <thead className="bg-zinc-50">
        <tr>
          <Th>{t('csvColumn')}</Th>
          <Th className="hidden sm:table-cell">{t('example')}</Th>
          <Th>{t('importsAs')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {columns.map((c, i) => {
          const header = c.header || t('unnamedColumn', { n: i + 1 });
          return (
            <tr key={i}>
              <Td className="max-w-28 sm:max-w-none">
                <div className="truncate font-medium text-zinc-900">{header}</div>
                {/* On a phone the first-row value sits under the header, leaving room for the choice. */}
                <div className="truncate text-xs text-zinc-500 sm:hidden">{c.sample}</div>
              </Td>
              <Td className="hidden max-w-56 truncate text-zinc-500 sm:table-cell">{c.sample}</Td>
              <Td>
                <Select
                  className="max-w-40 sm:max-w-none sm:min-w-56"
                  aria-label={t('importsAsLabel', { header })}
                  value={c.column ?? ''}
                  disabled={disabled}
                  onChange={(e) => choose(i, e.target.value)}
                >
                  <option value="">{t('leaveOut')}</option>
                  {importColumns.map((column) => (
                    <option key={column} value={column}>
                      {fieldLabels[column] ?? column} ({column})
                    </option>
                  ))}
                </Select>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
