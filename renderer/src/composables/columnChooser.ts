// Which columns a list shows: each list's own defaults, overridden by the user's choice, remembered in localStorage.
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';

export interface ChoosableColumn {
  key: string;
  /** Hidden until the user chooses it. */
  hidden?: boolean;
  /** Always shown (the name, the actions): no checkbox. */
  required?: boolean;
}

const storageKey = (listId: string) => `salesdesk.columns.${listId}`;

/** Only explicit choices are stored, so a column added later still gets its own default. */
function readChoices(listId: string): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(listId)) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>;
  } catch {
    return {};
  }
}

export function useColumnChooser(listId: string, columns: MaybeRefOrGetter<readonly ChoosableColumn[]>) {
  const choices = ref<Record<string, boolean>>(readChoices(listId));

  function isShown(col: ChoosableColumn): boolean {
    if (col.required) return true;
    return choices.value[col.key] ?? !col.hidden;
  }

  const shownKeys = computed(
    () =>
      new Set(
        toValue(columns)
          .filter(isShown)
          .map((c) => c.key),
      ),
  );

  function save() {
    try {
      if (Object.keys(choices.value).length) localStorage.setItem(storageKey(listId), JSON.stringify(choices.value));
      else localStorage.removeItem(storageKey(listId));
    } catch {
      // a full or disabled storage only means the choice is not remembered
    }
  }

  function setShown(key: string, shown: boolean) {
    const col = toValue(columns).find((c) => c.key === key);
    if (!col || col.required) return;
    const next = { ...choices.value };
    // a choice equal to the default is not a choice: the list follows its defaults again
    if (shown === !col.hidden) delete next[key];
    else next[key] = shown;
    choices.value = next;
    save();
  }

  function reset() {
    choices.value = {};
    save();
  }

  const customised = computed(() => Object.keys(choices.value).length > 0);

  return { shownKeys, isShown, setShown, reset, customised };
}
