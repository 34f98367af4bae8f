'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function WorkspaceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">{t('pageErrorTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t('pageErrorBody')}</p>
      <Button variant="secondary" className="mt-6" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
