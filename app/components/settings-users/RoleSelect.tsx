import { ROLES } from '../../../lib/auth/roles';

/** What each role may do, in words, beside the picker. */
export const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  admin: 'everything, including settings, users and tokens, on every site',
  operator: 'acknowledge and snooze alerts, maintenance windows',
  viewer: 'read only',
};

/** A labelled role picker in the settings form layout. */
export function RoleSelect({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
}) {
  return (
    <div className={`form-field${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>Role</label>
      <select
        id={id}
        className="ctl-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-field="role"
        aria-invalid={invalid || undefined}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <span className="form-hint">{ROLE_HINTS[value as (typeof ROLES)[number]] ?? ''}</span>
    </div>
  );
}
