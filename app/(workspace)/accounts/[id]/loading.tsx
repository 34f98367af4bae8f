/** The account page while its header loads: the header's shape, then a section. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <div className="h-4 w-24 animate-pulse rounded bg-zinc-100" />
      <div className="flex items-center gap-3">
        <div className="size-10 animate-pulse rounded-lg bg-zinc-200" />
        <div className="space-y-2">
          <div className="h-5 w-56 animate-pulse rounded bg-zinc-200" />
          <div className="h-4 w-72 animate-pulse rounded bg-zinc-100" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded-lg bg-white ring-1 ring-zinc-200" />
        ))}
      </div>
      <div className="h-9 animate-pulse border-b border-zinc-200" />
      <div className="h-48 animate-pulse rounded-lg bg-white ring-1 ring-zinc-200" />
    </div>
  );
}
