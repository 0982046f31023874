/** What a new password must be, apart from hashing it (lib/auth/password), so browsers can show the rule too. Pure. */

/** The shortest password accepted. */
export const MIN_PASSWORD_CHARS = 10;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, userName?: string): string | null {
  if (password.length < MIN_PASSWORD_CHARS) return `the password must be at least ${MIN_PASSWORD_CHARS} characters`;
  if (password.length > 1024) return 'the password must be at most 1024 characters';
  if (userName && password.toLowerCase().includes(userName.toLowerCase())) return 'the password must not contain the user name';
  return null;
}
