'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FilePicker } from '@/components/import/file-picker';
import { ImportProgress } from '@/components/import/import-progress';
import { useMessage } from '@/components/action-form';
import { Notice } from '@/components/ui/notice';
import type { Message } from '@/lib/actions/result';
import { postForm } from '@/lib/http/post-form';
import type { AttendanceSummary } from '../actions';
import { AttendanceOutcome } from './attendance-outcome';

export type Imported = AttendanceSummary & { repeated: boolean };

/**
 * Choose the attendee report Zoom or Teams exported for this session: it
 * goes to the upload route, and its outcome (or the reason the file could
 * not be read, with nothing changed) shows here. The page's figures are
 * read again after an import.
 */
export function AttendanceImport({ sessionId, maxMegabytes }: { sessionId: number; maxMegabytes: number }) {
  const t = useTranslations('programs.attendanceImport');
  const reason = useMessage();
  const router = useRouter();
  const [task, setTask] = useState<{ file: string; startedAt: number } | null>(null);
  const [outcome, setOutcome] = useState<{ file: string; result: Imported } | null>(null);
  const [error, setError] = useState<Message | null>(null);
  // Only the latest file may change what shows.
  const latest = useRef(0);

  async function upload(file: File) {
    const id = ++latest.current;
    setOutcome(null);
    if (file.size > maxMegabytes * 1024 * 1024) {
      setTask(null);
      setError({ key: 'import.errors.fileTooLarge', values: { max: maxMegabytes } });
      return;
    }
    setError(null);
    setTask({ file: file.name, startedAt: Date.now() });
    const data = new FormData();
    data.set('sessionId', String(sessionId));
    data.set('file', file);
    const result = await postForm<Imported>('/programs/attendance/upload', data);
    if (id !== latest.current) return;
    setTask(null);
    if (result.ok) {
      setOutcome({ file: file.name, result: result.data });
      router.refresh();
    } else if (result.error?.key === 'errors.signedOut') {
      const here = window.location.pathname + window.location.search;
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
    } else {
      setError(result.error ?? Object.values(result.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' });
    }
  }

  return (
    <div className="space-y-3" data-attendance-import>
      <FilePicker onFile={upload} disabled={task !== null} label={outcome ? t('chooseAnother') : t('choose')} />
      <p className="text-xs text-zinc-500">{t('where')}</p>
      {task && <ImportProgress key={task.startedAt} task={{ kind: 'importing', rows: 0, startedAt: task.startedAt }} label={t('importing', { file: task.file })} />}
      {error && <Notice tone="error">{reason(error)}</Notice>}
      {outcome && <AttendanceOutcome file={outcome.file} result={outcome.result} />}
    </div>
  );
}
