'use client';
/**
 * A new token or kiosk URL, shown the one time it exists in clear: a read-only field (wrapped, so all of it
 * can be read off and typed into a TV) with "Copy", and a note that it cannot be shown again (only its hash
 * is stored).
 */
import { useRef, useState } from 'react';

/** Props of ShownOnce. */
export interface ShownOnceProps {
  label: string;
  value: string;
  /** What to do with it, e.g. "Send it as Authorization: Bearer <token>." */
  usage: string;
  onDismiss: () => void;
}

/** The box. */
export function ShownOnce({ label, value, usage, onDismiss }: ShownOnceProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch {
      // No clipboard API (plain HTTP on a LAN address): select it for Ctrl+C instead.
      field.current?.select();
      setCopied(document.execCommand?.('copy') ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.');
    }
  };

  return (
    <div className="shown-once" role="region" aria-label={label} data-testid="new-secret">
      <p className="shown-once-note">
        <strong>Shown once.</strong> Copy it now: only its hash is stored, so it cannot be shown again. If it is lost, revoke it and create
        another.
      </p>
      <label className="shown-once-label" htmlFor="new-secret-value">
        {label}
      </label>
      <div className="shown-once-row">
        <textarea
          id="new-secret-value"
          ref={field}
          className="ctl-input shown-once-value"
          rows={2}
          readOnly
          spellCheck={false}
          value={value}
          onFocus={(e) => e.target.select()}
          data-testid="new-secret-value"
        />
        <button type="button" className="ctl-button ctl-button--primary" onClick={() => void copy()} data-testid="copy-secret">
          Copy
        </button>
      </div>
      <p className="form-hint">{usage}</p>
      <div className="form-actions">
        {copied && (
          <span className="form-status" role="status">
            {copied}
          </span>
        )}
        <button type="button" className="ctl-button" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
