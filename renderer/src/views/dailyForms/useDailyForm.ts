// The part both daily-form editors share: which rep and day the form is (from the route, changed by the header's
// pickers through the router so the unsaved-changes guard asks first), loading it under what the clerk may already have
// typed, saving it, the state and what it allows, and the state actions — submit (saving first), return, sign, unsign —
// and printing. An editor gives its form, how a stored form reads into it and how the form is sent.
import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { ElMessage, type FormInstance } from 'element-plus';
import { call } from '@/api';
import { useSaveShortcut } from '@/composables/keyboard';
import { reselectActiveField } from '@/composables/focus';
import { useFormGuard } from '@/composables/formGuard';
import { useLookupsStore } from '@/stores/lookups';
import { editorRoute, formMethods, printRouteName, type FormDetail, type FormKind, type SignMode } from './forms';
import { shownState, today } from './entry';
import { useFormRights } from './rights';

/** A form with rows that carry a stable key for the table. */
export interface RowsForm {
  lines: Array<{ key: number }>;
}

export interface DailyFormOptions<D extends FormDetail, F extends RowsForm> {
  kind: FormKind;
  props: { repId?: number; date?: string };
  form: F;
  formRef: Ref<FormInstance | undefined>;
  /** the screen's form for a stored form (null: a new one) */
  formFrom: (detail: D | null) => F;
  isBlank: (line: F['lines'][number]) => boolean;
  /** the stored form of the rep's day, or null */
  get: (repId: number, date: string) => Promise<D | null>;
  /** what a new form starts from (the report: the day's plan), read in as the clean state */
  start?: (repId: number, date: string) => Promise<Partial<F> | null>;
  /** sends the form; the core answers with the stored form */
  send: (repId: number, date: string, id: number | undefined) => Promise<D>;
}

export function useDailyForm<D extends FormDetail, F extends RowsForm>(o: DailyFormOptions<D, F>) {
  const { t } = useI18n();
  const router = useRouter();
  const lookups = useLookupsStore();
  const rights = useFormRights(o.kind);
  const detail = ref(null) as Ref<D | null>;
  const guard = useFormGuard(() => o.form);
  const target = reactive({ repId: o.props.repId ?? null, date: o.props.date ?? today() });
  const loading = ref(false);
  const busy = ref(false);
  const dialog = reactive({ open: false, mode: 'sign' as SignMode });
  const formEl = () => o.formRef.value?.$el as HTMLElement | undefined;

  const shown = computed(() => shownState(detail.value));
  const editable = computed(() => !!target.repId && rights.canEnter.value && (!detail.value || detail.value.state === 'draft'));
  const repName = computed(
    () => detail.value?.repName ?? lookups.reps.find((r) => r.id === target.repId)?.name ?? (target.repId ? `#${target.repId}` : ''),
  );
  const teamName = computed(() => detail.value?.teamName ?? lookups.reps.find((r) => r.id === target.repId)?.teamName ?? '');
  const subject = computed(() => `${repName.value} · ${target.date}`);

  /** A form the core answered with becomes the screen's form and its clean state. After a save of a draft the rows on
   *  screen stay (and the cursor in them): they take the stored ids and values. */
  function apply(d: D) {
    detail.value = d;
    const saved = o.formFrom(d);
    const filled = o.form.lines.filter((l) => !o.isBlank(l));
    if (d.state === 'draft' && filled.length === saved.lines.length && filled.length > 0) {
      filled.forEach((l, i) => Object.assign(l, { ...saved.lines[i]!, key: l.key }));
      const { lines: _lines, ...rest } = saved;
      Object.assign(o.form, rest);
    } else Object.assign(o.form, saved);
    guard.reset();
  }

  async function reload() {
    target.repId = o.props.repId ?? null;
    target.date = o.props.date ?? today();
    detail.value = null;
    Object.assign(o.form, o.formFrom(null));
    guard.reset();
    o.formRef.value?.clearValidate();
    const repId = target.repId;
    if (!repId) return;
    loading.value = true;
    try {
      const d = await o.get(repId, target.date);
      if (o.props.repId !== repId) return; // the route moved on meanwhile
      if (d && d.state !== 'draft') apply(d);
      else if (d) {
        detail.value = d;
        // a draft arriving under what the clerk already typed keeps the typing
        if (!guard.fill(o.form, o.formFrom(d)).length) reselectActiveField(formEl());
      } else if (o.start) {
        const from = await o.start(repId, target.date);
        if (from && o.props.repId === repId) guard.fill(o.form, from);
      }
    } catch (e) {
      ElMessage.error((e as Error).message);
    } finally {
      loading.value = false;
    }
  }
  watch(() => [o.props.repId, o.props.date], reload, { immediate: true });
  if (!lookups.reps.length) void lookups.loadReps().catch(() => undefined);

  /** The header's rep or date changed: go to that form (the guard asks when something typed would be lost). */
  async function retarget() {
    if (target.repId === (o.props.repId ?? null) && target.date === (o.props.date ?? today())) return;
    if (!target.date) target.date = o.props.date ?? today();
    const failure = await router.replace(editorRoute(o.kind, target.repId, target.date)).catch((e: unknown) => e);
    if (failure) {
      target.repId = o.props.repId ?? null;
      target.date = o.props.date ?? today();
    }
  }

  function setRep(repId: number | null) {
    target.repId = repId;
    void retarget();
  }
  function setDate(date: string) {
    target.date = date;
    void retarget();
  }

  /** Validates and saves; true when saved. */
  async function store(): Promise<boolean> {
    if (!target.repId) return false;
    if (!(await o.formRef.value?.validate().catch(() => false))) return false;
    try {
      apply(await o.send(target.repId, target.date, detail.value?.id));
      return true;
    } catch (e) {
      ElMessage.error((e as Error).message);
      return false;
    }
  }

  async function save() {
    if (busy.value || !editable.value) return;
    busy.value = true;
    try {
      if (await store()) ElMessage.success(t('common.saved'));
    } finally {
      busy.value = false;
    }
  }

  async function submit() {
    if (busy.value || !editable.value) return;
    busy.value = true;
    try {
      if ((!detail.value || guard.dirty.value) && !(await store())) return;
      const id = detail.value?.id;
      if (!id) return;
      apply((await call(formMethods[o.kind].submit, { id })) as D);
      ElMessage.success(t('daily.submitted'));
    } catch (e) {
      ElMessage.error((e as Error).message);
    } finally {
      busy.value = false;
    }
  }

  function openDialog(mode: SignMode) {
    dialog.mode = mode;
    dialog.open = true;
  }
  function closeDialog() {
    dialog.open = false;
  }

  const canPrint = computed(() => !!detail.value && router.hasRoute(printRouteName[o.kind]));
  function print() {
    if (!target.repId) return;
    void router.push({ name: printRouteName[o.kind], query: { repId: String(target.repId), date: target.date } });
  }

  // 返回 goes back through the router, so the unsaved-changes guard asks
  function goBack() {
    if (window.history.length > 1) router.back();
    else void router.push(o.kind === 'plan' ? '/visit-plans' : '/daily-reports');
  }

  useSaveShortcut(() => void save());

  return {
    kind: o.kind,
    detail,
    target,
    loading,
    busy,
    dialog,
    shown,
    editable,
    teamName,
    subject,
    canSign: rights.canSign,
    canPrint,
    apply,
    setRep,
    setDate,
    save,
    submit,
    openDialog,
    closeDialog,
    print,
    goBack,
  };
}

/** What the editor's frame (bar, state banner, sign dialog) uses of an editor's form. */
export interface DailyFormControl {
  kind: FormKind;
  detail: Ref<FormDetail | null>;
  target: { repId: number | null; date: string };
  loading: Ref<boolean>;
  busy: Ref<boolean>;
  dialog: { open: boolean; mode: SignMode };
  shown: Ref<ReturnType<typeof shownState>>;
  editable: Ref<boolean>;
  teamName: Ref<string>;
  subject: Ref<string>;
  canSign: Ref<boolean>;
  canPrint: Ref<boolean>;
  apply(detail: FormDetail): void;
  setRep(repId: number | null): void;
  setDate(date: string): void;
  save(): Promise<void>;
  submit(): Promise<void>;
  openDialog(mode: SignMode): void;
  closeDialog(): void;
  print(): void;
  goBack(): void;
}
