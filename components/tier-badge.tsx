import { cn } from '@/lib/cn';

const tones: Record<number, string> = {
  1: 'bg-indigo-600 text-white ring-indigo-600',
  2: 'bg-brand-50 text-brand-700 ring-brand-200',
  3: 'bg-zinc-100 text-zinc-600 ring-zinc-200',
};

/** "T1" / "T2" / "T3"; a dot marks a tier set by an override. */
export function TierBadge({ tier, override, label, size = 'sm' }: { tier: number; override?: boolean; label: string; size?: 'sm' | 'lg' }) {
  return (
    <span
      title={label}
      className={cn(
        'inline-flex items-center gap-1 rounded font-semibold ring-1 ring-inset tabular-nums',
        size === 'lg' ? 'px-2 py-1 text-sm' : 'px-1.5 py-0.5 text-xs',
        tones[tier],
      )}
    >
      T{tier}
      {override && <span aria-hidden className="size-1.5 rounded-full bg-amber-400" />}
      <span className="sr-only">{label}</span>
    </span>
  );
}
