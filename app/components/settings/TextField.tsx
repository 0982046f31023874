/**
 * A labelled text input of a settings form (`.form-field`): marked invalid (class and aria-invalid) when
 * the server's or the browser's checks named its field, with an optional required mark and hint.
 */
import type { InputHTMLAttributes } from 'react';

/** Props of TextField: the field's own, then any other input attributes (inputMode, placeholder, …). */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  /** The name errors use for it, written as the input's data-field. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** Marks the label with a "*". */
  required?: boolean;
  hint?: string;
}

/** The label, the input and its hint. */
export function TextField({ id, field, label, value, onChange, invalid, required, hint, type = 'text', ...input }: TextFieldProps) {
  return (
    <div className={`form-field${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <>
            {' '}
            <span className="req">*</span>
          </>
        )}
      </label>
      <input
        {...input}
        id={id}
        className="ctl-input"
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-field={field}
        aria-invalid={invalid || undefined}
      />
      {hint && <span className="form-hint">{hint}</span>}
    </div>
  );
}
