'use client';
/**
 * Registers the service worker (public/sw.js) once the page has loaded, in production builds and where
 * the browser supports it. Development builds skip it: a cached shell would hide code changes.
 */
import { useEffect } from 'react';

export function ServiceWorkerRegister() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
      console.warn(`service worker not registered: ${err instanceof Error ? err.message : String(err)}`);
    });
  }, []);
  return null;
}
