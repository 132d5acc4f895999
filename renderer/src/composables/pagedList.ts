// One paged server list: rows, total and loading for the latest request only (a slow earlier answer never wins).
import { markRaw, ref, shallowRef, type Ref } from 'vue';
import { ElMessage } from 'element-plus';

export interface PagedResult<Row> {
  rows: Row[];
  total: number;
}

/** An answer slower than this shows the loading mask. */
export const LOADING_DELAY_MS = 150;

export function usePagedList<Row>(fetchPage: () => Promise<PagedResult<Row>>, resetPage: () => void) {
  // rows are replaced whole on every answer, never changed in place: no deep proxies for the table to read through
  // (each row marked raw, so the table's own store holds the very same objects and the current row is found by identity)
  const rows = shallowRef([]) as Ref<Row[]>;
  const total = ref(0);
  const loading = ref(false);
  /** The first answer (or failure) is in: until then the empty table says it is loading, not that there is nothing. */
  const answered = ref(false);
  let requestSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;

  async function reload(toFirstPage: boolean): Promise<void> {
    clearTimeout(timer);
    if (toFirstPage) resetPage();
    const seq = ++requestSeq;
    // the mask only for a slow answer: a fast one (almost all) would mount, lay out and unmount it for nothing
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(() => seq === requestSeq && (loading.value = true), LOADING_DELAY_MS);
    try {
      const result = await fetchPage();
      if (seq !== requestSeq) return;
      rows.value = result.rows.map((r) => (r !== null && typeof r === 'object' ? markRaw(r) : r));
      total.value = result.total;
    } catch (e) {
      if (seq === requestSeq) ElMessage.error((e as Error).message);
    } finally {
      if (seq === requestSeq) {
        clearTimeout(loadingTimer);
        loading.value = false;
        answered.value = true;
      }
    }
  }

  /** While typing in a search box: wait for a pause, then go back to page 1. */
  function reloadSoon(delayMs = 250): void {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(true), delayMs);
  }

  return { rows, total, loading, answered, reload, reloadSoon };
}
