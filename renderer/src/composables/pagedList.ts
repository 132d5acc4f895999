// One paged server list: rows, total and loading for the latest request only (a slow earlier answer never wins).
import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';

export interface PagedResult<Row> {
  rows: Row[];
  total: number;
}

export function usePagedList<Row>(fetchPage: () => Promise<PagedResult<Row>>, resetPage: () => void) {
  const rows = ref([]) as Ref<Row[]>;
  const total = ref(0);
  const loading = ref(false);
  let requestSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function reload(toFirstPage: boolean): Promise<void> {
    clearTimeout(timer);
    if (toFirstPage) resetPage();
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const result = await fetchPage();
      if (seq !== requestSeq) return;
      rows.value = result.rows;
      total.value = result.total;
    } catch (e) {
      if (seq === requestSeq) ElMessage.error((e as Error).message);
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  /** While typing in a search box: wait for a pause, then go back to page 1. */
  function reloadSoon(delayMs = 250): void {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(true), delayMs);
  }

  return { rows, total, loading, reload, reloadSoon };
}
