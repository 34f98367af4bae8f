'use client';

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const Announce = createContext<(text: string) => void>(() => {});

/** Says on the page what became of a task (completed, snoozed, given, its alert dismissed): its row leaves the list with the notice it held. */
export const useTaskStatus = () => useContext(Announce);

/**
 * A polite live region above the task lists that outlasts the row a change
 * removes. It takes the focus when it speaks, so a keyboard user whose
 * button went away with its row carries on from the top of the list.
 */
export function TaskStatus({ children }: { children: ReactNode }) {
  // `n` tells two identical notices apart (two tasks with one title), so each takes the focus.
  const [said, setSaid] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) ref.current?.focus();
  }, [said]);
  return (
    <Announce.Provider value={(text) => setSaid((s) => ({ text, n: (s?.n ?? 0) + 1 }))}>
      <div className="space-y-4">
        {/* Always there (out of the flow while silent), so what it says is announced. */}
        <div role="status" aria-live="polite" aria-atomic="true" className={said ? undefined : 'sr-only'}>
          {said && (
            <p ref={ref} tabIndex={-1} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600">
              {said.text}
            </p>
          )}
        </div>
        {children}
      </div>
    </Announce.Provider>
  );
}
