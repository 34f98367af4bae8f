'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { localeCookie, locales } from '@/lib/i18n/locales';
import type { ActionResult } from '@/lib/actions/result';

const input = z.object({ locale: z.enum(locales) });

/**
 * The language switch on the sign-in page. There is no user yet: it only
 * sets a cookie on the caller's own browser, so there is nothing to
 * authorize; signed-in users save their language with updateLanguage.
 */
export async function chooseLanguage(_prev: unknown, payload: FormData | Record<string, unknown>): Promise<ActionResult> {
  const parsed = input.safeParse(payload instanceof FormData ? Object.fromEntries(payload) : payload);
  if (!parsed.success) return { ok: false, error: { key: 'validation.invalid' } };
  (await cookies()).set(localeCookie, parsed.data.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  return { ok: true, data: undefined };
}
