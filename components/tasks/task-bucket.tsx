import type { ReactNode } from 'react';

/** One group of tasks by when they are due (overdue in red), headed by its name and count: on /tasks and on the CSM's home. */
export function TaskBucket({ id, title, overdue, children }: { id: string; title: string; overdue: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={`text-xs font-semibold tracking-wide uppercase ${overdue ? 'text-red-700' : 'text-zinc-500'}`}>
        {title}
      </h3>
      {children}
    </section>
  );
}
