/** Where channels post when their config names no base URL (shared by the schemas and the redaction rule). */

/** ntfy's public server. */
export const DEFAULT_NTFY_BASE_URL = 'https://ntfy.sh';
/** Telegram's Bot API. */
export const DEFAULT_TELEGRAM_BASE_URL = 'https://api.telegram.org';
