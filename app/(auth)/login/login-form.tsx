'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';

// Codes from lib/auth/options.ts (a client component cannot import it).
const throttledPrefix = 'THROTTLED:';
const addressThrottledPrefix = 'THROTTLED_ADDRESS:';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, so the page picks up the user's language and time zone.
        window.location.assign(callbackUrl);
        return;
      }
      const code = result?.error ?? '';
      setError(
        code.startsWith(throttledPrefix)
          ? t('throttled', { minutes: Number(code.slice(throttledPrefix.length)) })
          : code.startsWith(addressThrottledPrefix)
            ? t('throttledAddress', { minutes: Number(code.slice(addressThrottledPrefix.length)) })
            : code === 'UNAVAILABLE'
              ? t('unavailable')
              : t('invalid'),
      );
    } catch {
      setError(t('unavailable'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-zinc-800">
          {t('email')}
        </label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-zinc-800">
          {t('password')}
        </label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('signingIn') : t('submit')}
      </Button>
    </form>
  );
}
