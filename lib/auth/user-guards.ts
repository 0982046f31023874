/**
 * The guard rails on changing users: an admin cannot disable, demote or remove themself (another admin
 * must), and the last enabled admin cannot be disabled, demoted or removed (nobody could reach the
 * settings again). Pure.
 */

/** The user being changed, as stored. */
export interface GuardTarget {
  id: number;
  name: string;
  role: string;
  disabled: boolean;
}

/** What is about to happen to them. */
export type UserChange = { remove: true } | { remove?: false; role?: string; disabled?: boolean };

/** Why the change is refused (a 409), or null when it may go ahead. */
export function userChangeRefusal(
  target: GuardTarget,
  change: UserChange,
  actorUserId: number | null,
  enabledAdminCount: number,
): string | null {
  if (target.role !== 'admin' || target.disabled) return null;
  const verb = change.remove
    ? 'removed'
    : change.disabled === true
      ? 'disabled'
      : change.role !== undefined && change.role !== 'admin'
        ? 'demoted'
        : null;
  if (verb === null) return null;
  if (target.id === actorUserId) {
    const what = { removed: 'remove', disabled: 'disable', demoted: 'demote' }[verb];
    return `you cannot ${what} yourself: another admin has to do it`;
  }
  if (enabledAdminCount <= 1) return `${target.name} is the last enabled admin and cannot be ${verb}: make another user an admin first`;
  return null;
}
