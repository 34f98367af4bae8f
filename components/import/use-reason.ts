'use client';

import { useMessage } from '@/components/action-form';

/** A row error or action error in words (the server sends their text; see useMessage). */
export function useReason() {
  return useMessage();
}
