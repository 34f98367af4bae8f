'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { ActionResult, Message } from '@/lib/actions/result';
import { postForm } from '@/lib/http/post-form';
import type { Mapping } from '@/lib/import/mapping';
import type { ImportPreview, ImportResult as Result } from '@/lib/import/read-file';
import { FilePicker } from './file-picker';
import { ImportProgress, type Task } from './import-progress';
import { ImportResult } from './import-result';
import { PreviewPanel, type ImportMode } from './preview-panel';
import { useMessage } from '@/components/action-form';

const encodingNames = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' } as const;

/** Rows in the file, roughly (line breaks inside quoted cells count too): enough for "Reading about N rows". */
async function roughRowCount(file: File): Promise<number> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let lines = 0;
  for (const b of bytes) if (b === 0x0a) lines += 1;
  if (bytes.length && bytes[bytes.length - 1] !== 0x0a) lines += 1;
  return Math.max(0, lines - 1);
}

/** Sends the file to the upload route (not a server action: those keep a small body limit). */
async function upload<T>(url: string, intent: 'preview' | 'run', data: FormData): Promise<ActionResult<T>> {
  data.set('intent', intent);
  return postForm<T>(url, data);
}

/**
 * Choose a file → preview (mapping, counts, row errors) → import all rows or
 * only the valid ones → result, for any CSV import: each names its upload
 * route, its columns and their labels, and what the empty state explains
 * (`howTo`). The file stays in the browser between steps and is sent again
 * with each request, so the server never keeps an upload.
 */
export function ImportWizard({
  uploadUrl,
  importColumns,
  fieldLabels,
  maxMegabytes,
  howTo,
  done,
}: {
  uploadUrl: string;
  importColumns: readonly string[];
  fieldLabels: Record<string, string>;
  maxMegabytes: number;
  howTo: ReactNode;
  done: { href: string; label: string };
}) {
  const t = useTranslations('import');
  const reason = useMessage();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  // Only the latest request may change the page: a file chosen while another is read replaces it.
  const latest = useRef(0);

  async function send<T>(kind: Task['kind'], rows: number, request: () => Promise<ActionResult<T>>, done: (data: T) => void) {
    const id = ++latest.current;
    setTask({ kind, rows, startedAt: Date.now() });
    setError(null);
    let outcome: ActionResult<T>;
    try {
      outcome = await request();
    } catch {
      outcome = { ok: false, error: { key: 'errors.unexpected' } };
    }
    if (id !== latest.current) return;
    setTask(null);
    if (outcome.ok) return done(outcome.data);
    if (outcome.error?.key === 'errors.signedOut') {
      const here = window.location.pathname + window.location.search;
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
      return;
    }
    setError(outcome.error ?? Object.values(outcome.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' });
  }

  async function read(next: File, mapping: Mapping | null) {
    setFile(next);
    setResult(null);
    if (!mapping) setPreview(null);
    if (next.size > maxMegabytes * 1024 * 1024) {
      latest.current += 1;
      setTask(null);
      setError({ key: 'import.errors.fileTooLarge', values: { max: maxMegabytes } });
      return;
    }
    const data = new FormData();
    data.set('file', next);
    if (mapping) data.set('mapping', JSON.stringify(mapping));
    await send('reading', await roughRowCount(next), () => upload<ImportPreview>(uploadUrl, 'preview', data), setPreview);
  }

  async function importRows(mode: ImportMode) {
    if (!file || !preview) return;
    const data = new FormData();
    data.set('file', file);
    data.set('mapping', JSON.stringify(preview.columns.map((c) => c.column)));
    data.set('mode', mode);
    const rows = mode === 'all' ? preview.totalRows : preview.totalRows - preview.invalidRows;
    await send('importing', rows, () => upload<Result>(uploadUrl, 'run', data), setResult);
  }

  function startOver() {
    latest.current += 1;
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setTask(null);
  }

  return (
    <div className="space-y-4">
      {error && <Notice tone="error">{reason(error)}</Notice>}
      {task && <ImportProgress key={task.startedAt} task={task} />}
      {result ? (
        <ImportResult result={result} done={done} onAgain={startOver} />
      ) : (
        <>
          <Card
            title={t('fileTitle')}
            description={preview ? `${preview.fileName} · ${t('encoding', { encoding: encodingNames[preview.encoding] })}` : undefined}
          >
            <FilePicker onFile={(f) => read(f, null)} disabled={task !== null} label={preview ? t('chooseAnother') : t('chooseFile')} />
          </Card>
          {preview ? (
            <PreviewPanel
              preview={preview}
              importColumns={importColumns}
              fieldLabels={fieldLabels}
              busy={task !== null}
              onMapping={(mapping) => file && read(file, mapping)}
              onImport={importRows}
            />
          ) : (
            !task && howTo
          )}
        </>
      )}
    </div>
  );
}
