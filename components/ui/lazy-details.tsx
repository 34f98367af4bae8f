'use client';

import { useState, type ReactNode } from 'react';

/**
 * A native <details> whose content is drawn the first time it opens, and
 * kept after: a list of 50 tasks or activities each with its forms would
 * otherwise send every form in the page's HTML, opened or not.
 */
export function LazyDetails({ summary, className, summaryClassName, children }: { summary: ReactNode; className?: string; summaryClassName?: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened && children}
    </details>
  );
}
