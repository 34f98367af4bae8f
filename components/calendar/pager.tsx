import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** "1–20 of 57" with Previous / Next links; nothing when one page holds everything. */
export async function Pager({ label, page, pageSize, total, href }: { label: string; page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const t = await getTranslations('calendar');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const current = Math.min(page, pages);
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-600">
      <span>{t('showing', { from: (current - 1) * pageSize + 1, to: Math.min(current * pageSize, total), total })}</span>
      <span className="flex gap-1.5">
        {current > 1 && (
          <Link className={buttonClass('secondary', 'px-2 py-1 text-xs')} href={href(current - 1)}>
            {t('previousPage')}
          </Link>
        )}
        {current < pages && (
          <Link className={buttonClass('secondary', 'px-2 py-1 text-xs')} href={href(current + 1)}>
            {t('nextPage')}
          </Link>
        )}
      </span>
    </nav>
  );
}
