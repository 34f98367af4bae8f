'use client';

import { useTranslations } from 'next-intl';
import { Table, Td, Th } from '@/components/ui/table';
import type { ImportPreview } from '@/lib/import/read-file';
import { useMessage } from '@/components/action-form';

/**
 * Each problem beside the line and value that caused it, in file order.
 * Td never wraps, and cn() does not merge classes, so the cells that must
 * wrap say so with `!`.
 */
export function ErrorTable({ errors }: { errors: ImportPreview['errors'] }) {
  const t = useTranslations('import');
  const reason = useMessage();
  return (
    <Table>
      <thead className="bg-zinc-50">
        <tr>
          <Th className="text-right">{t('line')}</Th>
          <Th>{t('column')}</Th>
          <Th className="hidden md:table-cell">{t('value')}</Th>
          <Th>{t('reason')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {errors.map((e, i) => (
          <tr key={i} className="align-top">
            <Td className="text-right tabular-nums">{e.line}</Td>
            {/* min-w: a Japanese header may break between any two characters, and would shrink to one a line. */}
            <Td className="max-w-28 min-w-20 whitespace-normal! break-words md:max-w-none">
              <div className="font-medium text-zinc-900">{e.column || t('wholeRow')}</div>
              {/* On a narrow screen the value goes under its column instead of in a column of its own. */}
              <div className="break-all font-mono text-xs text-zinc-500 md:hidden">{e.value}</div>
            </Td>
            <Td className="hidden max-w-64 whitespace-normal! break-words font-mono text-xs md:table-cell">{e.value}</Td>
            <Td className="whitespace-normal! text-red-700 md:min-w-64">{reason(e.message)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
