import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { digestSetting } from '@/db/queries/digest';
import { findUser } from '@/db/queries/users';
import { requirePageUser } from '@/lib/auth/current-user';
import { smtpUrl } from '@/lib/env';
import { timeZoneOptions } from '@/lib/time-zones';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DigestForm } from './digest-form';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage() {
  const me = await requirePageUser();
  const db = await getDb();
  const [t, tDigest, profile, workspace, digest] = await Promise.all([
    getTranslations('settings'),
    getTranslations('notifications.settings'),
    findUser(db, me.id),
    pageWorkspace(),
    digestSetting(db, me.id),
  ]);
  if (!profile || !digest) return null;
  return (
    <ClientMessages ns={['notifications.settings', 'picker', 'settings']}>
      <div className="max-w-2xl space-y-4">
        <PageHeader title={t('title')} description={me.email} />
        <Card title={t('profile')} description={t('profileDescription')}>
          <ProfileForm
            profile={{ version: profile.version, name: profile.name, locale: profile.locale ?? '', timeZone: profile.timeZone ?? '' }}
            workspaceTimeZone={workspace.timeZone}
            timeZones={timeZoneOptions()}
          />
        </Card>
        <Card title={tDigest('title')} description={tDigest('description')}>
          <DigestForm version={profile.version} digestEmail={digest.digestEmail} timeZone={profile.timeZone ?? workspace.timeZone} smtp={Boolean(smtpUrl())} />
        </Card>
        <Card title={t('password')} description={t('passwordDescription')}>
          <PasswordForm />
        </Card>
      </div>
    </ClientMessages>
  );
}
