'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** An invitee's link, opened in a new tab or copied to pass on by hand (email is not sent yet). */
export function CopyLink({ href }: { href: string }) {
  const t = useTranslations('programs.attendance');
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2 text-xs">
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline" data-invitation-link>
        {t('open')}
      </a>
      <button
        type="button"
        className="text-zinc-500 hover:text-zinc-800"
        onClick={() => {
          void navigator.clipboard?.writeText(new URL(href, window.location.origin).href).then(() => setCopied(true));
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
    </span>
  );
}
