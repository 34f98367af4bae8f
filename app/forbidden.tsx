import { FallbackPage } from '@/components/shell/fallback-page';

export default function Forbidden() {
  return <FallbackPage status={403} />;
}
