'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { Mapping } from '@/lib/import/mapping';
import type { ImportPreview } from '@/lib/import/read-file';
import { ErrorTable } from './error-table';
import { Counts } from './import-counts';
import { MappingTable } from './mapping-table';
import { useMessage } from '@/components/action-form';

export type ImportMode = 'all' | 'validOnly';

/** The preview: counts and the two import buttons, the rows with errors, and the column mapping. */
export function PreviewPanel({
  preview,
  importColumns,
  fieldLabels,
  busy,
  onMapping,
  onImport,
}: {
  preview: ImportPreview;
  importColumns: readonly string[];
  fieldLabels: Record<string, string>;
  busy: boolean;
  onMapping: (mapping: Mapping) => void;
  onImport: (mode: ImportMode) => void;
}) {
  const t = useTranslations('import');
  const reason = useMessage();
  const blockedId = useId();
  const mappingOk = preview.mappingErrors.length === 0;
  const valid = preview.totalRows - preview.invalidRows;
  const canImportAll = mappingOk && preview.totalRows > 0 && preview.invalidRows === 0;
  const blocked = !mappingOk ? t('mappingBlocked') : preview.totalRows === 0 ? t('noRows') : preview.invalidRows > 0 ? t('allBlocked', { rows: preview.invalidRows }) : null;

  return (
    <>
      <Card title={t('summaryTitle')}>
        <div className="space-y-4">
          {preview.mappingErrors.map((m) => (
            <Notice key={`${m.key}${m.values?.column}`} tone="error">
              {reason(m)}
            </Notice>
          ))}
          {mappingOk && (
            <Counts
              items={[
                { label: t('rows'), value: preview.totalRows },
                { label: t('toCreate'), value: preview.toCreate },
                { label: t('toUpdate'), value: preview.toUpdate },
                { label: t('withErrors'), value: preview.invalidRows, tone: 'error' },
              ]}
            />
          )}
          {mappingOk && preview.unchanged > 0 && <p className="text-xs text-zinc-500">{t('unchangedNote', { count: preview.unchanged })}</p>}
          <div className="flex flex-wrap items-center gap-2">
            <Button onClick={() => onImport('all')} disabled={!canImportAll || busy} aria-describedby={blocked ? blockedId : undefined}>
              {t('importAll')}
            </Button>
            {mappingOk && preview.invalidRows > 0 && valid > 0 && (
              <Button variant="secondary" onClick={() => onImport('validOnly')} disabled={busy}>
                {t('importValid', { rows: valid })}
              </Button>
            )}
          </div>
          {blocked && (
            <p id={blockedId} className="text-xs text-zinc-600">
              {blocked}
            </p>
          )}
        </div>
      </Card>

      {preview.errorCount > 0 && (
        <Card title={t('errorsTitle')} description={t('errorsDescription', { rows: preview.invalidRows, count: preview.errorCount })}>
          {preview.errorCount > preview.errors.length && (
            <p className="mb-3 text-xs text-zinc-500">{t('errorsTruncated', { shown: preview.errors.length, total: preview.errorCount })}</p>
          )}
          <ErrorTable errors={preview.errors} />
        </Card>
      )}

      <Card title={t('columnsTitle')} description={t('columnsDescription')}>
        <MappingTable columns={preview.columns} importColumns={importColumns} fieldLabels={fieldLabels} disabled={busy} onChange={onMapping} />
      </Card>
    </>
  );
}
