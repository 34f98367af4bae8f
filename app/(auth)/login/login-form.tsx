'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { missingFieldMessages, missingFromCode, missingSignInFields, type SignInField } from '@/lib/auth/sign-in-fields';

// Codes from lib/auth/options.ts (a client component cannot import it).
const throttledPrefix = 'THROTTLED:';
const addressThrottledPrefix = 'THROTTLED_ADDRESS:';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const message = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<SignInField[]>([]);
  const [pending, setPending] = useState(false);

  /** Says what is missing next to each empty field and moves to the first one. */
  function showMissing(form: HTMLFormElement, fields: SignInField[]) {
    setMissing(fields);
    const first = fields[0];
    if (first) (form.elements.namedItem(first) as HTMLInputElement | null)?.focus();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '');
    const password = String(data.get('password') ?? '');
    setError(null);
    // Nothing is sent for an empty field: it is not a sign-in attempt.
    const empty = missingSignInFields(email, password);
    showMissing(form, empty);
    if (empty.length) return;
    setPending(true);
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full load, so the page picks up the user's language and time zone.
        window.location.assign(callbackUrl);
        return;
      }
      const code = result?.error ?? '';
      const refused = missingFromCode(code);
      if (refused.length) {
        showMissing(form, refused);
        setPending(false);
        return;
      }
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
      {(['email', 'password'] as const).map((field) => {
        const invalid = missing.includes(field);
        return (
          <div key={field} className="space-y-1">
            <label htmlFor={field} className="block text-sm font-medium text-zinc-800">
              {t(field)}
            </label>
            <Input
              id={field}
              name={field}
              type={field}
              autoComplete={field === 'email' ? 'username' : 'current-password'}
              required
              autoFocus={field === 'email'}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${field}-error` : undefined}
              onInput={() => invalid && setMissing((m) => m.filter((f) => f !== field))}
            />
            {invalid && (
              <p id={`${field}-error`} className="text-xs text-red-700">
                {message(missingFieldMessages[field])}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('signingIn') : t('submit')}
      </Button>
    </form>
  );
}
