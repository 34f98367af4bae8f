import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto max-w-md px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t('notFoundBody')}</p>
      <Link href="/" className={buttonClass('secondary', 'mt-6')}>
        {t('goHome')}
      </Link>
    </main>
  );
}
