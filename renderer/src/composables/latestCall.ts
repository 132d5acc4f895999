// A screen that asks the core again whenever its choices change shows only the latest question's answer: an earlier,
// slower answer arriving last would show figures for choices no longer on screen. Its error shows as a message.
import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { call } from '@/api';
import type { Input, MethodName, Output } from '@shared/contract';

/** An answer asked for ahead is used only this soon after; later the screen asks again. */
const FRESH_MS = 3000;
const ahead = new Map<string, { at: number; answer: Promise<unknown> }>();
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;

/**
 * Asks now what a screen about to be built will ask first (from its route guard, or as the app starts on its address):
 * the question leaves with the click instead of after the screen's code has loaded and its page has been built.
 */
export function askAhead<M extends MethodName>(method: M, input: Input<M>): void {
  const key = keyOf(method, input);
  const have = ahead.get(key);
  if (have && Date.now() - have.at < FRESH_MS) return;
  const answer = call(method, input);
  // a failed question ahead is not an error of its own: the screen asks again when it loads
  answer.catch(() => undefined);
  ahead.set(key, { at: Date.now(), answer });
}

/** A screen's route options that ask its first question ahead: as the router enters it, or as the app starts on it. */
export function askOnEnter<M extends MethodName>(method: M, input: () => Input<M>) {
  const ask = () => askAhead(method, input());
  return { beforeRouteEnter: ask, prefetchOnStart: ask };
}

/** The answer asked ahead for this very question, taken once; null when there is none or it is stale. */
function takeAhead<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> | null {
  const key = keyOf(method, input);
  const have = ahead.get(key);
  ahead.delete(key);
  if (!have || Date.now() - have.at >= FRESH_MS) return null;
  return (have.answer as Promise<Output<M>>).catch(() => call(method, input));
}

export function useLatestCall<M extends MethodName>(method: M, input: () => Input<M>, onAnswer?: (answer: Output<M>) => void) {
  const answer = ref(null) as Ref<Output<M> | null>;
  const loading = ref(false);
  let asked = 0;
  async function load() {
    const mine = ++asked;
    loading.value = true;
    try {
      const question = input();
      const result = await (takeAhead(method, question) ?? call(method, question));
      if (mine === asked) {
        answer.value = result;
        onAnswer?.(result);
      }
    } catch (e) {
      if (mine === asked) ElMessage.error((e as Error).message);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }
  return { answer, loading, load };
}
