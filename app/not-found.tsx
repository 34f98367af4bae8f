import { FallbackPage } from '@/components/shell/fallback-page';
import { updateLanguage } from './(workspace)/settings/actions';

export default function NotFound() {
  return <FallbackPage status={404} saveLanguage={updateLanguage} />;
}
