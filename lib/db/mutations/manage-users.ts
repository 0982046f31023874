/**
 * Changing and removing users as an admin does it from the settings screen: the guard rails
 * (lib/auth/user-guards) are checked and the change written in one transaction, so two admins demoting
 * each other at once cannot leave the site without one.
 */
import type { Role } from '../../auth/roles';
import { userChangeRefusal } from '../../auth/user-guards';
import { ok, type Result } from '../../util/result';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import { countEnabledAdmins, getUserById } from '../queries/users';
import { deleteUser, setUserPassword, updateUser } from './users';
import { writeTransaction } from '../transactions';

/** How a change went: done, or why it was refused ('not-found', or 'conflict' with the guard rails). */
export type ManageOutcome = Result<undefined, Refusal>;

export interface UserChangeInput {
  role?: Role;
  siteIds?: readonly number[] | null;
  disabled?: boolean;
  /** Already hashed (hashing is slow and async: done before the transaction). */
  passwordHash?: string;
}

/** Who is making the change: their user id (null for an API token) and their session cookie, kept when they change their own password. */
export interface Actor {
  userId: number | null;
  sessionToken?: string;
}

const notFound = (id: number): ManageOutcome => refuse('not-found', `there is no user ${id}`);

/** Changes a user's role, sites, disabled flag or password, refusing what the guard rails forbid. */
export function changeUser(db: Db, actor: Actor, userId: number, change: UserChangeInput): ManageOutcome {
  return writeTransaction(db, (): ManageOutcome => {
    const target = getUserById(db, userId);
    if (!target) return notFound(userId);
    const refusal = userChangeRefusal(target, { role: change.role, disabled: change.disabled }, actor.userId, countEnabledAdmins(db));
    if (refusal) return refuse('conflict', refusal);
    updateUser(db, userId, change);
    if (change.passwordHash !== undefined)
      setUserPassword(db, userId, change.passwordHash, userId === actor.userId ? actor.sessionToken : undefined);
    return ok();
  });
}

/** Removes a user, refusing what the guard rails forbid (the last admin, oneself). */
export function removeUser(db: Db, actor: Actor, userId: number): ManageOutcome {
  return writeTransaction(db, (): ManageOutcome => {
    const target = getUserById(db, userId);
    if (!target) return notFound(userId);
    const refusal = userChangeRefusal(target, { remove: true }, actor.userId, countEnabledAdmins(db));
    if (refusal) return refuse('conflict', refusal);
    deleteUser(db, userId);
    return ok();
  });
}
