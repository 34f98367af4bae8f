import { FallbackPage } from '@/components/shell/fallback-page';
import { notificationActions } from './(workspace)/notifications/bell-actions';
import { updateLanguage } from './(workspace)/settings/actions';

export default function Forbidden() {
  return <FallbackPage status={403} saveLanguage={updateLanguage} notifications={notificationActions} />;
}
