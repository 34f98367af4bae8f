export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <div className="h-6 w-48 animate-pulse rounded bg-zinc-200" />
      <div className="h-4 w-72 animate-pulse rounded bg-zinc-100" />
      <div className="mt-6 h-48 animate-pulse rounded-lg bg-white ring-1 ring-zinc-200" />
    </div>
  );
}
