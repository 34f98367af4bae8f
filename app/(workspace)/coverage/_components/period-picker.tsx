import Link from 'next/link';
import { periodKinds, type Period } from '@/lib/coverage/period';

type Labels = { periods: Record<(typeof periodKinds)[number], string>; from: string; to: string; apply: string; range: string };

/** The period as links (one click each) and a custom range as a plain GET form, so it works before scripts load. */
export function PeriodPicker({ period, href, hidden, labels }: { period: Period; href: (kind: string) => string; hidden: Record<string, string>; labels: Labels }) {
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
      <nav className="flex flex-wrap gap-1" aria-label={labels.range}>
        {periodKinds
          .filter((k) => k !== 'custom')
          .map((k) => (
            <Link
              key={k}
              href={href(k)}
              aria-current={period.kind === k ? 'page' : undefined}
              className={`rounded-md px-2.5 py-1 text-sm ${period.kind === k ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900'}`}
            >
              {labels.periods[k]}
            </Link>
          ))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="period" value="custom" />
        <label className="flex flex-col text-xs text-zinc-500">
          {labels.from}
          <input type="date" name="from" defaultValue={period.from} required className="rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-900" />
        </label>
        <label className="flex flex-col text-xs text-zinc-500">
          {labels.to}
          <input type="date" name="to" defaultValue={period.to} required className="rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-900" />
        </label>
        <button type="submit" className={`rounded-md border px-2.5 py-1 ${period.kind === 'custom' ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-zinc-300 text-zinc-700 hover:bg-zinc-50'}`}>
          {labels.apply}
        </button>
      </form>
    </div>
  );
}
