// Unsaved changes are never lost silently: a snapshot of the form at its clean state, compared with what is on screen;
// leaving by route (sidebar, 取消/返回, browser back), closing the tab or closing a dialog form asks first.
import { computed, getCurrentInstance, onBeforeUnmount, onMounted, ref } from 'vue';
import { useRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { confirmSafe } from './confirm';
import './formMessages';

const snap = (value: unknown) => JSON.stringify(value ?? null);

export interface FormGuardOptions {
  /** Guard only while this holds (a dialog form: while it is open; a panel: while it is editable). */
  active?: () => boolean;
}

/** Asks 放弃未保存的修改？ with 继续编辑 focused; true when there is nothing to lose or the user discards. */
export function confirmDiscard(): Promise<boolean> {
  const t = i18n.global.t;
  return confirmSafe(t('form.discardMessage'), t('form.discardTitle'), {
    confirmText: t('form.discard'),
    cancelText: t('form.keepEditing'),
  });
}

export function useFormGuard<T extends object>(source: () => T, options: FormGuardOptions = {}) {
  const router = getCurrentInstance() ? useRouter() : undefined;
  const baseline = ref(snap(source()));
  const dirty = computed(() => snap(source()) !== baseline.value);
  const guarding = () => options.active?.() ?? true;
  let asking: Promise<boolean> | null = null;

  /** The form as it is now is the clean state (after opening, loading or saving). */
  function reset() {
    baseline.value = snap(source());
  }

  /** Edit data arrived: fields the user already changed keep what was typed, the others take the loaded values, and the
   *  loaded record becomes the clean state. Returns the keys that kept typed values. */
  function fill(target: T, loaded: Partial<T>): string[] {
    const start = JSON.parse(baseline.value) as Record<string, unknown>;
    const current = target as Record<string, unknown>;
    const typed: Record<string, unknown> = {};
    for (const key of Object.keys(loaded)) if (snap(current[key]) !== snap(start[key])) typed[key] = current[key];
    Object.assign(target, loaded);
    reset();
    Object.assign(target, typed);
    return Object.keys(typed);
  }

  /** True when leaving is fine: nothing changed, or the user chose to discard. */
  function confirmLeave(): Promise<boolean> {
    if (!guarding() || !dirty.value) return Promise.resolve(true);
    asking ??= confirmDiscard().finally(() => (asking = null));
    return asking;
  }

  /** For el-dialog's before-close (Esc, ×): closes only after the question, when something changed. */
  function beforeClose(done: () => void) {
    void confirmLeave().then((ok) => ok && done());
  }

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!guarding() || !dirty.value) return;
    event.preventDefault();
    event.returnValue = '';
  };
  let removeRouteGuard: (() => void) | undefined;
  onMounted(() => {
    window.addEventListener('beforeunload', onBeforeUnload);
    removeRouteGuard = router?.beforeEach((to, from) => (to.fullPath === from.fullPath ? true : confirmLeave()));
  });
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    removeRouteGuard?.();
  });

  return { dirty, reset, fill, confirmLeave, beforeClose };
}
