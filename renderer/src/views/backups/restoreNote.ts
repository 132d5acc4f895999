// The last restore done from this browser or window (kept across the reload that follows it): which backup, and the
// before-restore backup that undoes it. The restored database itself cannot know it was restored over.
const KEY = 'salesdesk.lastRestore';

export interface RestoreNote {
  /** the backup restored (full path) */
  from: string;
  /** the before-restore backup's file name in the backups folder */
  undo: string;
}

export function rememberRestore(note: RestoreNote, storage: Storage = window.localStorage): void {
  storage.setItem(KEY, JSON.stringify(note));
}

export function forgetRestore(storage: Storage = window.localStorage): void {
  storage.removeItem(KEY);
}

export function restoreNote(storage: Storage = window.localStorage): RestoreNote | null {
  try {
    const note = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<RestoreNote> | null;
    return note && typeof note.from === 'string' && typeof note.undo === 'string' ? { from: note.from, undo: note.undo } : null;
  } catch {
    return null;
  }
}

/** After a restore every store belongs to the replaced database: the app starts afresh (tests replace this). */
export const afterRestore = { reload: (): void => window.location.reload() };
