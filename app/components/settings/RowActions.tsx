/**
 * The pieces every settings table repeats on its rows: the "Edit"/"Close" toggle, "Remove" with its
 * "Remove X?" / "Keep" confirmation (inline, or as a box that says what goes), the refusal under a row,
 * and the row under it that holds the edit form.
 */
import type { ReactNode } from 'react';
import type { RowEditing } from './use-row-editing';

/** Props of EditToggle. */
export interface EditToggleProps {
  /** Whether this row's edit form is open (the button then reads "Close"). */
  open: boolean;
  onToggle: () => void;
  testId: string;
}

/** The "Edit" button of a row; "Close" while its edit form is open. */
export function EditToggle({ open, onToggle, testId }: EditToggleProps) {
  return (
    <button type="button" className="ctl-button" data-testid={testId} onClick={onToggle}>
      {open ? 'Close' : 'Edit'}
    </button>
  );
}

/** Props of ConfirmRemove. */
export interface ConfirmRemoveProps {
  /** The button that asks: its text ("Remove", "Delete", "Revoke") and test id. */
  ask: { label: string; testId: string };
  /** The button that does it: its text ("Remove site-a?") and test id. */
  confirm: { label: string; testId: string };
  /** Whether this row is asking now. */
  confirming: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

/** "Remove", then in its place the danger button that does it and "Keep" (inside a `.row-actions`). */
export function ConfirmRemove({ ask, confirm, confirming, onAsk, onConfirm, onKeep }: ConfirmRemoveProps) {
  if (!confirming) {
    return (
      <button type="button" className="ctl-button" data-testid={ask.testId} onClick={onAsk}>
        {ask.label}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="ctl-button ctl-button--danger" data-testid={confirm.testId} onClick={onConfirm}>
        {confirm.label}
      </button>
      <button type="button" className="ctl-button" onClick={onKeep}>
        Keep
      </button>
    </>
  );
}

/** Props of RowActions. */
export interface RowActionsProps {
  /** The table's row state (useRowEditing) and this row's id. */
  rows: RowEditing;
  id: number;
  /** The row's name, in the confirmation ("Remove site-a?"). */
  name: string;
  /** What removing is called here: "Remove", "Delete", "Revoke". */
  verb: string;
  /** Test ids: the "Edit" toggle (absent: the row cannot be edited), the asking and confirming buttons, the box. */
  testIds: { edit?: string; ask: string; confirm: string; box?: string };
  onConfirm: () => void;
  /** Buttons before "Edit" (e.g. "Send test"). */
  extra?: ReactNode;
  /**
   * When given, asking swaps the buttons for a box (role alertdialog, labelled "Remove X?") that says this
   * (what goes with the row), and its button reads "Remove X"; otherwise "Remove X?" stands inline.
   */
  explain?: ReactNode;
}

/** A row's action buttons: extras, "Edit"/"Close", and "Remove" with its confirmation. */
export function RowActions({ rows, id, name, verb, testIds, onConfirm, extra, explain }: RowActionsProps) {
  const question = `${verb} ${name}?`;
  const remove: ConfirmRemoveProps = {
    ask: { label: verb, testId: testIds.ask },
    confirm: { label: explain ? `${verb} ${name}` : question, testId: testIds.confirm },
    confirming: rows.confirming === id,
    onAsk: () => rows.ask(id),
    onConfirm,
    onKeep: rows.keep,
  };
  if (explain && remove.confirming) {
    return (
      <div className="remove-confirm" role="alertdialog" aria-label={question} data-testid={testIds.box}>
        <p>{explain}</p>
        <div className="row-actions">
          <ConfirmRemove {...remove} />
        </div>
      </div>
    );
  }
  return (
    <div className="row-actions">
      {extra}
      {testIds.edit && <EditToggle open={rows.editing === id} onToggle={() => rows.toggleEdit(id)} testId={testIds.edit} />}
      <ConfirmRemove {...remove} />
    </div>
  );
}

/** A one-line refusal (under a row's actions, or a list's load error above it); nothing when there is none. */
export function RowError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}

/** The row under a table row that holds its edit form, across all `colSpan` columns. */
export function EditRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr className="edit-row">
      <td colSpan={colSpan}>{children}</td>
    </tr>
  );
}
