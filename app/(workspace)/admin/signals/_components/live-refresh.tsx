'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** A "Live" switch: while on, the page's server data is fetched again every 5 seconds. */
export function LiveRefresh() {
  const t = useTranslations('signals.debugger');
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => router.refresh(), 5000);
    return () => clearInterval(timer);
  }, [live, router]);
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-700" title={t('liveHint')}>
      <input type="checkbox" className="size-4 rounded border-zinc-300" checked={live} onChange={(e) => setLive(e.target.checked)} />
      {t('live')}
      {live && <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />}
    </label>
  );
}
