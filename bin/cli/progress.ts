/**
 * A progress bar on stderr: redrawn in place on a terminal (at most 10 times a second), one line per
 * tenth of the work otherwise (CI logs, pipes), so stdout stays clean for the results.
 */

/** The bar's text for a state. Pure. */
export function progressLine(done: number, total: number, found: number, elapsedMs: number, width = 30): string {
  const share = total > 0 ? done / total : 1;
  const filled = Math.round(share * width);
  const eta = done > 0 && done < total ? ` eta ${formatSeconds(((total - done) * elapsedMs) / done)}` : '';
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ` +
    `addresses, ${found} found, ${formatSeconds(elapsedMs)}${eta}`
  );
}

function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** A reporter for scanRange's onProgress. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): {
  update(p: { done: number; total: number; found: number }): void;
  finish(): void;
} {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let last: { done: number; total: number; found: number } | null = null;
  const draw = () => {
    if (!last) return;
    stream.write(`\r${progressLine(last.done, last.total, last.found, Date.now() - started)}\u001b[K`);
  };
  return {
    update(p) {
      last = p;
      if (tty) {
        if (Date.now() - lastDraw >= 100 || p.done === p.total) {
          lastDraw = Date.now();
          draw();
        }
        return;
      }
      const tenth = Math.floor((p.done / p.total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${progressLine(p.done, p.total, p.found, Date.now() - started)}\n`);
      }
    },
    finish() {
      if (tty && last) {
        draw();
        stream.write('\n');
      }
    },
  };
}
