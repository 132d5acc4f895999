// A 过程管理 list's two dialogs: the entry form (new or edit) and the handle dialog (handle, or see the answer and
// reopen), with the list refreshed in place after a change.
import { ref, type Ref } from 'vue';

export function useRecordDialogs<Row>(list: Ref<{ reload: (toFirstPage: boolean) => Promise<void> } | undefined>) {
  const formOpen = ref(false);
  const editing = ref(null) as Ref<Row | null>;
  const handleOpen = ref(false);
  const handling = ref(null) as Ref<Row | null>;

  function openForm(row: Row | null) {
    editing.value = row;
    formOpen.value = true;
  }
  function openHandle(row: Row) {
    handling.value = row;
    handleOpen.value = true;
  }
  /** handled or reopened: the dialog shows the record as it is now, the list refreshes without leaving its page */
  function onChanged(row: unknown) {
    handling.value = row as Row;
    void list.value?.reload(false);
  }
  return { formOpen, editing, handleOpen, handling, openForm, openHandle, onChanged };
}
