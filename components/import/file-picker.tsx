'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/lib/cn';

/** A drop zone with a real file input behind its button, so it works from the keyboard too. */
export function FilePicker({ onFile, disabled, label }: { onFile: (file: File) => void; disabled?: boolean; label: string }) {
  const t = useTranslations('import');
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      className={cn(
        'flex flex-wrap items-center justify-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-sm text-zinc-600 transition-colors',
        over ? 'border-brand-500 bg-brand-50' : 'border-zinc-300 bg-zinc-50/60',
      )}
    >
      <span>{over ? t('dropping') : t('dropHere')}</span>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        disabled={disabled}
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) reads it again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label
        htmlFor={id}
        aria-disabled={disabled}
        className={buttonClass(
          'primary',
          'cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-focus-visible:ring-offset-2 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
        )}
      >
        {label}
      </label>
    </div>
  );
}
