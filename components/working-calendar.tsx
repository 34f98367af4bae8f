'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { WorkingCalendar } from '@/lib/scheduling/working-days';

// The workspace's working days (built on the server), for previews in the browser.
const WorkingCalendarContext = createContext<WorkingCalendar | null>(null);

export function WorkingCalendarProvider({ calendar, children }: { calendar: WorkingCalendar; children: ReactNode }) {
  return <WorkingCalendarContext.Provider value={calendar}>{children}</WorkingCalendarContext.Provider>;
}

/** The calendar, or null outside a provider (then nothing is flagged). */
export const useWorkingCalendar = () => useContext(WorkingCalendarContext);
