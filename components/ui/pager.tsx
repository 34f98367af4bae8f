import Link from 'next/link';

const linkClass = 'rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50';

/** "Page 2 of 5" with previous and next links; the caller builds each page's address. */
export function Pager({ page, pages, href, labels }: { page: number; pages: number; href: (page: number) => string; labels: { previous: string; next: string; pageOf: string } }) {
  return (
    <nav className="mt-3 flex items-center justify-between text-xs text-zinc-500" aria-label={labels.pageOf}>
      <span>{labels.pageOf}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={linkClass} href={href(page - 1)}>
            {labels.previous}
          </Link>
        )}
        {page < pages && (
          <Link className={linkClass} href={href(page + 1)}>
            {labels.next}
          </Link>
        )}
      </span>
    </nav>
  );
}
