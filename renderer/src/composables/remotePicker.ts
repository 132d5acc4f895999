// A picker that searches the server (dealers, customers): the latest answer wins, the current value stays an option,
// and opening an untouched picker lists the first page. One mechanism for every remote picker.
import { computed, ref, watch, type Ref } from 'vue';

export interface RemoteOption {
  id: number;
  name: string;
  code: string;
}

export interface RemotePickerOptions<O extends RemoteOption> {
  /** The options for a search text ('' = the first page). */
  fetch: (query: string) => Promise<O[]>;
  /** The option shown for the current value before any search found it. */
  placeholderOption: (id: number, label: string) => O;
  value: () => number | null | undefined;
  initialLabel: () => string | null | undefined;
  onPicked: (id: number | null, option: O | null) => void;
}

export function useRemotePicker<O extends RemoteOption>(opts: RemotePickerOptions<O>) {
  const rows = ref([]) as Ref<O[]>;
  const loading = ref(false);
  const picked = ref(null) as Ref<O | null>;
  // searches so far: opening the picker lists the first page only when nothing was searched (typing into a closed
  // picker searches first, and that answer must not be replaced by the unfiltered one)
  const seq = ref(0);

  watch(
    () => [opts.value(), opts.initialLabel()] as const,
    ([id, label]) => {
      if (id == null) picked.value = null;
      else if (picked.value?.id !== id || !picked.value.code) picked.value = opts.placeholderOption(id, label || `#${id}`);
    },
    { immediate: true },
  );

  // the current value stays an option (last, so Enter still takes the first match), so its name shows whatever the search found
  const options = computed(() =>
    picked.value && !rows.value.some((r) => r.id === picked.value!.id) ? [...rows.value, picked.value] : rows.value,
  );

  async function search(query: string) {
    const mine = ++seq.value;
    loading.value = true;
    try {
      const found = await opts.fetch(query.trim());
      if (mine === seq.value) rows.value = found;
    } catch {
      if (mine === seq.value) rows.value = [];
    } finally {
      if (mine === seq.value) loading.value = false;
    }
  }

  function onPick(value: number | undefined) {
    const id = value ?? null;
    picked.value = id === null ? null : (options.value.find((o) => o.id === id) ?? null);
    opts.onPicked(id, picked.value);
  }

  /** For el-select's visible-change: an untouched picker lists the first page when it opens. */
  function onOpen(open: boolean) {
    if (open && seq.value === 0) void search('');
  }

  return { options, loading, search, onPick, onOpen };
}
