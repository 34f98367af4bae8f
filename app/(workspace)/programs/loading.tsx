/** While a programs page loads: the shape of a header and a table. */
export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true">
      <div className="h-6 w-48 rounded bg-zinc-200" />
      <div className="h-4 w-96 max-w-full rounded bg-zinc-100" />
      <div className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-5 rounded bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}
