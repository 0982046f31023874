'use client';
/** The content size of an element, kept current by one ResizeObserver; 0 x 0 before it mounts. */
import { useEffect, useState, type RefObject } from 'react';

/** Width and height in CSS pixels, whole numbers (so sub-pixel jitter does not re-lay out the map). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { widthPx: number; heightPx: number } {
  const [size, setSize] = useState({ widthPx: 0, heightPx: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const widthPx = Math.floor(el.clientWidth);
      const heightPx = Math.floor(el.clientHeight);
      setSize((s) => (s.widthPx === widthPx && s.heightPx === heightPx ? s : { widthPx, heightPx }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
