/**
 * Adding and removing rows in the list and map editors, with the focus kept where the keyboard
 * user expects it: on a new row's first control, on the row that takes a removed row's place, or
 * on the Add button when the last row goes.
 */
import { useEffect, useState } from "react";

export interface RowEditing<R> {
  add(): void;
  remove(i: number): void;
  replace(i: number, row: R): void;
}

/** `focusId(i)` is the element id of row i's first control; the Add button's id is `${addIdBase}-add`. */
export function useRowEditing<R>(rows: readonly R[], setRows: (rows: readonly R[]) => void, newRow: () => R, focusId: (i: number) => string, addIdBase: string): RowEditing<R> {
  const [focusRow, setFocusRow] = useState<number>();
  useEffect(() => {
    if (focusRow === undefined) return;
    document.getElementById(focusId(focusRow))?.focus();
    setFocusRow(undefined);
  }, [focusRow, focusId]);
  return {
    add() {
      setRows([...rows, newRow()]);
      setFocusRow(rows.length);
    },
    remove(i) {
      setRows(rows.filter((_, j) => j !== i));
      if (rows.length > 1) setFocusRow(Math.min(i, rows.length - 2));
      else document.getElementById(`${addIdBase}-add`)?.focus();
    },
    replace(i, row) {
      setRows(rows.map((r, j) => (j === i ? row : r)));
    },
  };
}
