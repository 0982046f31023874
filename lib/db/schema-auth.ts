/** Access tables: users, sessions, API and kiosk tokens. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** People who log in (lib/auth): role admin, operator or viewer, optionally limited to some sites. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role').notNull(),
  /** scrypt$N$r$p$salt$key (lib/auth/password). */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of site ids the user may see; null: every site. */
  siteIdsJson: text('site_ids_json'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** Logged-in browser sessions; the cookie holds the token, this table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    expiresAtMs: integer('expires_at_ms').notNull(),
    lastSeenMs: integer('last_seen_ms').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for scripts (Bearer) and kiosk tokens for wall displays; only their SHA-256 is stored. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 'api' or 'kiosk'. */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** admin, operator or viewer for API tokens; kiosk tokens are read-only. */
  role: text('role').notNull(),
  /** The token's site (a kiosk token, or an operator or viewer API token limited to one site); null: the whole fleet. */
  siteId: integer('site_id'),
  tokenHash: text('token_hash').notNull().unique(),
  createdAtMs: integer('created_at_ms').notNull(),
  lastUsedMs: integer('last_used_ms'),
  revokedAtMs: integer('revoked_at_ms'),
});

/**
 * Password checks of the last window (lib/auth/attempt-policy): each is written before the password is
 * checked and deleted when it was right, so the limits hold against parallel guesses, survive a restart and
 * are shared by every web server. Rows older than the window are deleted as new ones come.
 */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'login' (a sign-in) or 'password' (a signed-in user confirming their current password). */
    kind: text('kind').notNull(),
    /** The user name as typed, lower-cased (names nobody has are counted too). */
    nameKey: text('name_key').notNull(),
    /** The client address; an IPv6 address by its /64. */
    addressKey: text('address_key').notNull(),
    atMs: integer('at_ms').notNull(),
    /** null while the password is being checked; when it turned out wrong after. */
    failedAtMs: integer('failed_at_ms'),
  },
  (t) => [
    index('sign_in_attempts_name_idx').on(t.kind, t.nameKey, t.atMs),
    index('sign_in_attempts_address_idx').on(t.kind, t.addressKey, t.atMs),
    index('sign_in_attempts_at_idx').on(t.atMs),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Web Push subscriptions, per user and browser (lib/notify webpush channel); endpoint is unique. */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull(),
    endpoint: text('endpoint').notNull().unique(),
    /** The browser's P-256 public key and auth secret, base64url, from PushSubscription.toJSON().keys. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAtMs: integer('created_at_ms').notNull(),
    lastSuccessMs: integer('last_success_ms'),
    lastError: text('last_error'),
  },
  (t) => [index('push_subscriptions_user_idx').on(t.userId)],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
