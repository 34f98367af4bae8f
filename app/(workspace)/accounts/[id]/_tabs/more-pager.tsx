import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const linkClass = 'rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50';

/** Newer and older pages of a section's list, read 50 rows at a time (no count: the next page is known by reading one row more). */
export async function MorePager({ page, more, href }: { page: number; more: boolean; href: (page: number) => string }) {
  if (page === 1 && !more) return null;
  const t = await getTranslations('accountView');
  return (
    <nav className="mt-3 flex items-center justify-between text-xs text-zinc-500" aria-label={t('page', { page })}>
      <span>{t('page', { page })}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={linkClass} href={href(page - 1)} scroll={false}>
            {t('previous')}
          </Link>
        )}
        {more && (
          <Link className={linkClass} href={href(page + 1)} scroll={false}>
            {t('next')}
          </Link>
        )}
      </span>
    </nav>
  );
}
