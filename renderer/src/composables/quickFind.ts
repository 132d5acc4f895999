// Ctrl+K 快速查找: one dialog for the whole app (the layout mounts it once). Typing asks the core at once (a short pause
// only merges keystrokes typed together), answers to older queries are dropped, ↑ / ↓ choose and Enter opens.
import { ref, shallowRef } from 'vue';
import { call } from '@/api';
import type { Output } from '@shared/contract';

export type QuickFindRow = Output<'receivables.find'>['rows'][number];

/** ms to wait after a keystroke before asking: short enough to feel instant, long enough to merge a burst of keys. */
export const QUICK_FIND_PAUSE_MS = 40;

const open = ref(false);

/** Opens (or closes) the quick find from anywhere: the shortcut, a button. */
export function showQuickFind(show = true): void {
  open.value = show;
}

/** Ctrl+K or ⌘K, whatever has the focus (the browser's own Ctrl+K is taken over). */
export function isQuickFindKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'k' || e.key === 'K');
}

export function useQuickFind(limit = 10) {
  const query = ref('');
  const rows = shallowRef<QuickFindRow[]>([]);
  const active = ref(0);
  const loading = ref(false);
  const error = ref('');
  /** the query the rows on screen answer */
  const answered = ref('');
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(text: string) {
    const mine = ++seq;
    const q = text.trim();
    if (!q) {
      rows.value = [];
      answered.value = '';
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const out = await call('receivables.find', { search: q, limit });
      if (mine !== seq) return; // typing went on: a newer answer is coming
      rows.value = out.rows;
      answered.value = q;
      active.value = 0;
      error.value = '';
    } catch (e) {
      if (mine === seq) error.value = (e as Error).message;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function onInput(text: string) {
    query.value = text;
    clearTimeout(timer);
    timer = setTimeout(() => void ask(text), QUICK_FIND_PAUSE_MS);
  }

  function move(step: 1 | -1) {
    const n = rows.value.length;
    if (n) active.value = (active.value + step + n) % n;
  }

  function reset() {
    clearTimeout(timer);
    seq++;
    query.value = '';
    rows.value = [];
    answered.value = '';
    active.value = 0;
    loading.value = false;
    error.value = '';
  }

  return { open, query, rows, active, loading, error, answered, onInput, ask, move, reset };
}
