// A form in a dialog, the one way: fresh values each time it opens (and the cursor in its first field), the
// unsaved-changes guard, validation, the core's refusal shown beside its field, Ctrl+S to save, 取消 asking first.
import { reactive, ref, watch, type Ref } from 'vue';
import { ElMessage, type FormInstance } from 'element-plus';
import { ApiError } from '@/api';
import { i18n } from '@/i18n';
import { useSaveShortcut } from './keyboard';
import { useFocusOnOpen } from './focus';
import { useFormGuard } from './formGuard';

export interface DialogFormOptions<F extends object, R> {
  /** the form is live (the dialog is open, and editable) */
  open: () => boolean;
  form: F;
  formRef: Ref<FormInstance | undefined>;
  /** the values the form starts from each time it opens */
  fresh: () => F;
  /** watched beside `open`: the record the dialog is opened on */
  record?: () => unknown;
  submit: () => Promise<R>;
  /** after a save: the dialog closes itself through this */
  done: (result: R) => void;
  /** the toast after a save (common.saved) */
  savedMessage?: () => string;
  close: () => void;
}

export function useDialogForm<F extends object, R>(o: DialogFormOptions<F, R>) {
  const saving = ref(false);
  const serverErrors = reactive<Record<string, string>>({});
  const guard = useFormGuard(() => o.form, { active: o.open });
  useFocusOnOpen(o.open, () => o.formRef.value?.$el as HTMLElement | undefined);
  const clearErrors = () => Object.keys(serverErrors).forEach((k) => delete serverErrors[k]);

  watch(
    () => [o.open(), o.record?.()] as const,
    ([open]) => {
      if (!open) return;
      Object.assign(o.form, o.fresh());
      guard.reset();
      clearErrors();
      o.formRef.value?.clearValidate();
    },
    { immediate: true },
  );

  /** 取消: closes, after asking when something changed. */
  function cancel() {
    void guard.confirmLeave().then((ok) => ok && o.close());
  }

  async function save() {
    if (saving.value || !o.open()) return;
    clearErrors();
    if (!(await o.formRef.value?.validate().catch(() => false))) return;
    saving.value = true;
    try {
      const result = await o.submit();
      guard.reset();
      ElMessage.success(o.savedMessage?.() ?? i18n.global.t('common.saved'));
      o.done(result);
    } catch (e) {
      const message = (e as Error).message;
      if (e instanceof ApiError && e.field) serverErrors[e.field.split('.')[0]!] = message;
      ElMessage.error(message);
    } finally {
      saving.value = false;
    }
  }

  useSaveShortcut(() => {
    if (o.open()) void save();
  });

  return { saving, serverErrors, guard, cancel, save };
}
