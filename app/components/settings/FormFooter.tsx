/**
 * The foot of a settings form: its refusals (one per line), then the submit button (disabled and reading
 * `busyLabel` while busy), an optional "Cancel", and whatever else the form puts there (a status line).
 */
import type { ReactNode } from 'react';
import { ErrorList } from './ErrorList';

/** Props of FormFooter. */
export interface FormFooterProps {
  errors: readonly string[];
  /** Test id of the error list. */
  errorsTestId: string;
  /** While true the submit button is disabled and reads `busyLabel`. */
  busy: boolean;
  label: string;
  busyLabel: string;
  /** Test id of the submit button. */
  submitTestId: string;
  /** When given, a "Cancel" button after the submit button. */
  onCancel?: () => void;
  /** Before the submit button (e.g. an "Enabled" switch). */
  leading?: ReactNode;
  /** After the buttons (e.g. a status line). */
  children?: ReactNode;
}

/** The error list and the form's action row. */
export function FormFooter({ errors, errorsTestId, busy, label, busyLabel, submitTestId, onCancel, leading, children }: FormFooterProps) {
  return (
    <>
      <ErrorList errors={errors} testId={errorsTestId} />
      <div className="form-actions">
        {leading}
        <button type="submit" className="ctl-button ctl-button--primary" disabled={busy} data-testid={submitTestId}>
          {busy ? busyLabel : label}
        </button>
        {onCancel && (
          <button type="button" className="ctl-button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {children}
      </div>
    </>
  );
}
