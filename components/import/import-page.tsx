import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import type { Aliases } from '@/lib/import/headers';
import { maxImportMegabytes } from '@/lib/import/read-file';
import { HowTo } from './how-to';
import { ImportWizard } from './import-wizard';

/**
 * A CSV import page: its heading, then the wizard, whose empty state lists
 * the headers read for each field, the template and the import's own notes.
 * `path` is the page's path: the upload and template routes live under it.
 */
export function ImportPage({
  title,
  description,
  path,
  columns,
  headers,
  fieldLabels,
  done,
  notes,
}: {
  title: string;
  description: string;
  path: string;
  columns: readonly string[];
  headers: Record<string, Aliases>;
  fieldLabels: Record<string, string>;
  done: { href: string; label: string };
  notes: ReactNode;
}) {
  return (
    <div className="max-w-5xl">
      <PageHeader title={title} description={description} />
      <ImportWizard
        uploadUrl={`${path}/upload`}
        importColumns={columns}
        fieldLabels={fieldLabels}
        maxMegabytes={maxImportMegabytes}
        done={done}
        howTo={
          <HowTo importColumns={columns} headers={headers} fieldLabels={fieldLabels} templateHref={`${path}/template`}>
            {notes}
          </HowTo>
        }
      />
    </div>
  );
}
