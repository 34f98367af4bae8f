import { CalendarSkeleton } from '../schedule/_components/calendar-skeleton';

export default function Loading() {
  return <CalendarSkeleton panels={2} />;
}
