import { FallbackPage } from '@/components/shell/fallback-page';
import { notificationActions } from './(workspace)/notifications/bell-actions';
import { updateLanguage } from './(workspace)/settings/actions';

export default function NotFound() {
  return <FallbackPage status={404} saveLanguage={updateLanguage} notifications={notificationActions} />;
}
