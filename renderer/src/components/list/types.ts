// What a list page declares about one column; the list-page block renders, sorts and lets the user choose it.
import type { ChoosableColumn } from '@/composables/columnChooser';

export interface ListColumn extends ChoosableColumn {
  /** Stable id: the chooser's memory and the name of the cell slot (`cell-<key>`). */
  key: string;
  /** The row field shown, and the server sort field when sortable (defaults to key). */
  prop?: string;
  label: string;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** Sorted on the server: the prop must be one of the list's sort fields. */
  sortable?: boolean;
  /** Long text is cut with an ellipsis and shown whole on hover. */
  tooltip?: boolean;
  className?: string;
  fixed?: 'left' | 'right';
}

export interface ScopeOption<S extends string = string> {
  value: S;
  label: string;
  testId?: string;
}
