import type { Metadata } from 'next';
import { connection } from 'next/server';
import { safeNext } from '../../lib/auth/login-input';
import { getAppDb } from '../../lib/db/app-db';
import { hasUsers } from '../../lib/db/queries/users';
import { currentPrincipal } from '../principal';
import './login.css';

export const metadata: Metadata = { title: 'Sign in · Hashwatt' };

type SearchParams = Record<string, string | string[] | undefined>;

const MESSAGES: Record<string, string> = {
  invalid: 'Wrong user name or password.',
  rate: 'Too many failed sign-ins. Wait a few minutes and try again.',
  busy: 'Another sign-in for this name or from this address is being checked. Try again in a moment.',
  malformed: 'Enter a user name and a password.',
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Sign in: a plain HTML form posted to /api/auth/login (it works before any JavaScript loads, e.g. on a
 * slow phone). Before the first user exists it says how to create one.
 */
export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const error = MESSAGES[one(params.error) ?? ''];
  const next = safeNext(one(params.next));
  const who = await currentPrincipal();
  const noUsers = !hasUsers(getAppDb());
  return (
    <main className="login">
      <form className="login-card" method="post" action="/api/auth/login" data-testid="login-form">
        <h1 className="login-title">
          <span className="brand-name">Hashwatt</span> Sign in
        </h1>
        {one(params.signedOut) ? (
          <p className="login-note" role="status">
            You are signed out.
          </p>
        ) : null}
        {who ? (
          <p className="login-note" role="status">
            Signed in as {who.name}. <a href="/">Open the overview</a>
          </p>
        ) : null}
        {error ? (
          <p className="login-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        {noUsers ? (
          <p className="login-note">
            No users yet. On the server, run <code>npx hashwatt user add --admin &lt;name&gt;</code>, or start with{' '}
            <code>HASHWATT_ADMIN_PASSWORD</code> set.
          </p>
        ) : null}
        <input type="hidden" name="next" value={next} />
        <label className="login-field">
          <span>User name</span>
          <input name="name" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required maxLength={64} />
        </label>
        <label className="login-field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </label>
        <button type="submit" className="login-submit">
          Sign in
        </button>
      </form>
    </main>
  );
}
