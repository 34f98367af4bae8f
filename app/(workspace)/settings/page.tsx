import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requirePageUser } from '@/lib/auth/current-user';
import { timeZoneOptions } from '@/lib/time-zones';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage() {
  const me = await requirePageUser();
  const db = await getDb();
  const [t, profile, workspace] = await Promise.all([getTranslations('settings'), findUser(db, me.id), getWorkspace(db)]);
  if (!profile) return null;
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t('title')} description={me.email} />
      <Card title={t('profile')} description={t('profileDescription')}>
        <ProfileForm
          profile={{ version: profile.version, name: profile.name, locale: profile.locale ?? '', timeZone: profile.timeZone ?? '' }}
          workspaceTimeZone={workspace.timeZone}
          timeZones={timeZoneOptions()}
        />
      </Card>
      <Card title={t('password')} description={t('passwordDescription')}>
        <PasswordForm />
      </Card>
    </div>
  );
}
