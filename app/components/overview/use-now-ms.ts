'use client';
/** The ticking wall clock shared by live screens. */
import { useEffect, useState } from 'react';

/**
 * Wall-clock time, re-read every `periodMs`. Null on the server and the first browser render so both
 * render the same markup (the server cannot know when the viewer looks); it ticks from mount on.
 */
export function useNowMs(periodMs = 1000): number | null {
  const [nowMs, setNowMs] = useState<number | null>(null);
  useEffect(() => {
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return nowMs;
}
