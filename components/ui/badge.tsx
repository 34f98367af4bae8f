import type { ReactNode } from 'react';

// The look is in app/globals.css (.badge, .badge-<tone>): badges repeat on every row of long lists.
type Tone = 'neutral' | 'brand' | 'amber' | 'red' | 'indigo';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
