'use client';
/**
 * "Change my password" for whoever is signed in: the current password, then the new one twice. The
 * server checks the current one and the rules (lib/auth/password-rules) and names what is wrong; the
 * browser checks only that the two new ones match. Other sessions of the user end; this one stays.
 */
import { useState, type FormEvent } from 'react';
import { callApi } from '../alerts/api-client';

export function PasswordForm() {
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const [currentPassword, newPassword, repeat] = ['current', 'new', 'repeat'].map((k) => String(data.get(k) ?? ''));
    setDone(false);
    if (newPassword !== repeat) return setErrors(['the new password and its repetition differ']);
    setBusy(true);
    const res = await callApi('POST', '/api/auth/password', { currentPassword, newPassword });
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    setErrors([]);
    setDone(true);
    form.reset();
  };

  return (
    <form className="form-grid account-form" onSubmit={(e) => void submit(e)} data-testid="password-form">
      <div className="form-field">
        <label htmlFor="pw-current">Current password</label>
        <input id="pw-current" name="current" className="ctl-input" type="password" autoComplete="current-password" required />
      </div>
      <div className="form-field">
        <label htmlFor="pw-new">New password</label>
        <input id="pw-new" name="new" className="ctl-input" type="password" autoComplete="new-password" required minLength={10} />
      </div>
      <div className="form-field">
        <label htmlFor="pw-repeat">New password again</label>
        <input id="pw-repeat" name="repeat" className="ctl-input" type="password" autoComplete="new-password" required />
      </div>
      <div className="form-actions">
        <button type="submit" className="ctl-button ctl-button--primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
        {done ? (
          <p className="request-state is-done" role="status" data-testid="password-changed">
            Password changed. Your other devices are signed out.
          </p>
        ) : null}
      </div>
      {errors.length > 0 ? (
        <ul className="form-error" role="alert" data-testid="password-errors">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
