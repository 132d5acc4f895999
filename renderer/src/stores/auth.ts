// Who is signed in on this tab or window: the operator, their role (what the UI offers) and the idle sign-out.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ElMessage } from 'element-plus';
import { call, onSessionEnded, setSession } from '@/api';
import { i18n } from '@/i18n';
import type { MethodName, Output } from '@shared/contract';
import type { SessionOperator } from '@shared/contract/auth';
import { can as roleCan } from '@shared/contract/permissions';

type SignedIn = Output<'auth.signIn'>;

/** User activity that counts as "not idle". */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export const useAuthStore = defineStore('auth', () => {
  const operator = ref<SessionOperator | null>(null);
  const idleMinutes = ref(30);
  /** auth.me has answered once (the router waits for it before deciding) */
  const checked = ref(false);
  /** why the last session ended, shown on the sign-in screen ('idle', 'expired') */
  const endedReason = ref<string | null>(null);
  let checking: Promise<void> | null = null;

  const role = computed(() => operator.value?.role ?? null);

  /**
   * May the signed-in operator call this method? Decides which menu items and buttons show; the core enforces it
   * anyway. Without a known operator (component tests mount views alone) everything shows.
   */
  function can(method: MethodName): boolean {
    return operator.value ? roleCan(operator.value.role, method) : true;
  }

  /** After a reload: the session this tab or window still has, if any. */
  function check(): Promise<void> {
    checking ??= call('auth.me', {})
      .then((me) => {
        operator.value = me?.operator ?? null;
        if (me) idleMinutes.value = me.idleMinutes;
      })
      .catch(() => {
        operator.value = null;
      })
      .finally(() => {
        checked.value = true;
      });
    return checking;
  }

  /** A session started (sign-in, first run, recovery): keep its token (browser mode) and who it is. */
  function adopt(result: Pick<SignedIn, 'session' | 'operator' | 'idleMinutes'>): void {
    if (result.session) setSession(result.session); // Electron: main keeps it, the page gets ''
    operator.value = result.operator;
    idleMinutes.value = result.idleMinutes;
    endedReason.value = null;
    checked.value = true;
    touch();
  }

  async function signIn(name: string, password: string): Promise<void> {
    adopt(await call('auth.signIn', { name, password }));
  }

  function forget(reason: string | null): void {
    setSession(null);
    operator.value = null;
    endedReason.value = reason;
  }

  async function signOut(reason: string | null = null): Promise<void> {
    try {
      await call('auth.signOut', {});
    } finally {
      forget(reason);
    }
  }

  // ----- idle sign-out -----
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;
  function touch(): void {
    lastActivity = Date.now();
  }
  /** Starts watching for activity; after idleMinutes without any, signs out (the core ends the session too). */
  function watchIdle(now: () => number = Date.now): () => void {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    timer = setInterval(() => {
      if (operator.value && now() - lastActivity > idleMinutes.value * 60_000) {
        void signOut('idle').then(() => ElMessage.warning(i18n.global.t('auth.idleSignedOut')));
      }
    }, 15_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch, { capture: true });
      if (timer) clearInterval(timer);
      timer = null;
    };
  }

  // a call refused because the session ended elsewhere (idle in the core, deactivated, signed out in main)
  onSessionEnded(() => {
    if (operator.value) forget('expired');
  });

  return { operator, role, idleMinutes, checked, endedReason, can, check, adopt, signIn, signOut, forget, watchIdle, touch };
});
