import { FallbackPage } from '@/components/shell/fallback-page';

export default function NotFound() {
  return <FallbackPage status={404} />;
}
