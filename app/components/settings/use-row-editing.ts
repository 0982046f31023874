'use client';
/**
 * The per-row state of a settings table: which row's edit form is open, which row is asking "Remove …?",
 * and the refusal shown under a row. Rows are keyed by their numeric id.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ApiResult } from '../alerts/api-client';

/** What useRowEditing returns. */
export interface RowEditing {
  /** The row whose edit form is open, or null. */
  editing: number | null;
  /** The row asking for confirmation, or null. */
  confirming: number | null;
  /** Each row's refusal, by row id. */
  rowError: Readonly<Record<number, string>>;
  /** Opens the row's edit form, or closes it when it is the open one. */
  toggleEdit: (id: number) => void;
  /** Closes the edit form. */
  closeEdit: () => void;
  /** A form's onSaved: closes the edit form, then runs `then`. */
  closeEditThen: (then: () => void) => () => void;
  /** Asks for confirmation on the row. */
  ask: (id: number) => void;
  /** Answers "Keep": no row asks any more. */
  keep: () => void;
  /** Shows a refusal under the row. */
  fail: (id: number, error: string) => void;
  /** Clears the row's refusal. */
  clearError: (id: number) => void;
  /** After a row's request: the confirmation closes and a refusal shows under the row; true when it went through. */
  settle: (id: number, outcome: ApiResult<unknown>) => boolean;
}

/** The editing / confirming / row-error state of one table. */
export function useRowEditing(): RowEditing {
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const closeEdit = useCallback(() => setEditing(null), []);
  const keep = useCallback(() => setConfirming(null), []);
  const fail = useCallback((id: number, error: string) => setRowError((e) => ({ ...e, [id]: error })), []);

  return useMemo(
    () => ({
      editing,
      confirming,
      rowError,
      toggleEdit: (id: number) => setEditing((open) => (open === id ? null : id)),
      closeEdit,
      closeEditThen: (then: () => void) => () => {
        setEditing(null);
        then();
      },
      ask: (id: number) => setConfirming(id),
      keep,
      fail,
      clearError: (id: number) => setRowError(({ [id]: _drop, ...rest }) => rest),
      settle: (id: number, outcome: ApiResult<unknown>) => {
        setConfirming(null);
        if (!outcome.ok) fail(id, outcome.error);
        return outcome.ok;
      },
    }),
    [editing, confirming, rowError, closeEdit, keep, fail],
  );
}
