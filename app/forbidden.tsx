import { FallbackPage } from '@/components/shell/fallback-page';
import { updateLanguage } from './(workspace)/settings/actions';

export default function Forbidden() {
  return <FallbackPage status={403} saveLanguage={updateLanguage} />;
}
