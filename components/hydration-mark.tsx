'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`):
 * before that, buttons and checkboxes are plain HTML without their
 * handlers. The end-to-end tests wait for it after each navigation.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
