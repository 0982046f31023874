/**
 * When to restart a child that exited, and when to give up. Pure (the clock is an argument): the delay
 * starts at 0.5 s (a monitor's gap matters more than a hot loop, which the window below caps) and doubles
 * to 30 s, back to 0.5 s after a run of a minute or more; 5 exits within 2 minutes mean it will not
 * recover by itself, and the supervisor stops the system saying so.
 */

/** The numbers of the policy. */
export interface RestartPolicyOptions {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A child that ran this long before exiting starts again from firstDelayMs. */
  stableAfterMs: number;
  /** This many exits within windowMs: give up. */
  maxCrashes: number;
  windowMs: number;
}

/** The defaults (README "Supervisor"). */
export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 5,
  windowMs: 120_000,
};

/** Restart after delayMs, or give up; with the exits counted in the window either way. */
export type RestartDecision = { restart: true; delayMs: number; crashesInWindow: number } | { restart: false; crashesInWindow: number };

/** One child's restart state. */
export interface RestartPolicy {
  readonly options: RestartPolicyOptions;
  /** Called on each unexpected exit, with how long that process ran. */
  onExit(nowMs: number, ranForMs: number): RestartDecision;
}

/** A fresh policy for one child. */
export function createRestartPolicy(options: RestartPolicyOptions = DEFAULT_RESTART_POLICY): RestartPolicy {
  const exits: number[] = [];
  let lastDelayMs = 0;
  return {
    options,
    onExit(nowMs, ranForMs) {
      exits.push(nowMs);
      while (exits.length > 0 && exits[0] <= nowMs - options.windowMs) exits.shift();
      if (exits.length >= options.maxCrashes) return { restart: false, crashesInWindow: exits.length };
      lastDelayMs =
        lastDelayMs === 0 || ranForMs >= options.stableAfterMs ? options.firstDelayMs : Math.min(lastDelayMs * 2, options.maxDelayMs);
      return { restart: true, delayMs: lastDelayMs, crashesInWindow: exits.length };
    },
  };
}
