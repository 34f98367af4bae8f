import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isLocale } from '@/lib/i18n/locales';
import { LanguageSwitch } from '@/components/language-switch';
import { chooseLanguage } from '../actions';
import { LoginForm } from './login-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === 'string' ? params.callbackUrl : null);
  if (await getCurrentUser()) redirect(callbackUrl);
  const [t, workspace, locale] = await Promise.all([getTranslations('login'), pageWorkspace(), getLocale()]);
  return (
    <ClientMessages ns={['login']}>
      <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center">
            <p className="text-xs font-semibold uppercase tracking-widest text-brand-600">Touchplan</p>
            <h1 className="mt-1 text-xl font-semibold text-zinc-900">{t('heading', { workspace: workspace.name })}</h1>
          </div>
          <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-zinc-200">
            <LoginForm callbackUrl={callbackUrl} />
          </div>
          <div className="mt-4 flex justify-center">
            <LanguageSwitch current={isLocale(locale) ? locale : 'en'} saveLanguage={chooseLanguage} />
          </div>
        </div>
      </main>
    </ClientMessages>
  );
}
