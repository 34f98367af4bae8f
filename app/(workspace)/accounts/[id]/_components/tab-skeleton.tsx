/** What a section shows while its data loads. */
export function TabSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-5 w-40 animate-pulse rounded bg-zinc-200" />
      <div className="h-40 animate-pulse rounded-lg bg-white ring-1 ring-zinc-200" />
    </div>
  );
}
