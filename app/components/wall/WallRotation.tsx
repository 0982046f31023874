/**
 * Where the rotation is: one dot per view (the current one filled) and a bar that fills over the
 * rotation period. The bar is a CSS animation restarted by its key, so nothing ticks in JavaScript.
 */
import type { WallView } from './wall-model';
import { viewKey } from './wall-model';

/** Props of WallRotation. */
export interface WallRotationProps {
  order: WallView[];
  index: number;
  /** Seconds per view; 0 when not rotating (then only the dots show). */
  rotateS: number;
}

/** Dots and a progress bar along the bottom edge. */
export function WallRotation({ order, index, rotateS }: WallRotationProps) {
  return (
    <footer className="wall-rotation" aria-hidden="true">
      <div className="wall-dots">
        {order.map((v, i) => (
          <span key={viewKey(v)} className={`wall-dot${i === index ? ' is-current' : ''}`} />
        ))}
      </div>
      {rotateS > 0 && order.length > 1 && (
        <div className="wall-progress">
          <div key={index} className="wall-progress-fill" style={{ animationDuration: `${rotateS}s` }} />
        </div>
      )}
    </footer>
  );
}
