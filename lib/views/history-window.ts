/** How far back the overview's fleet chart reaches. */
export const HISTORY_WINDOW_MS = 60 * 60 * 1000;
