// A screen that asks the core again whenever its choices change shows only the latest question's answer: an earlier,
// slower answer arriving last would show figures for choices no longer on screen. Its error shows as a message.
import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { call } from '@/api';
import type { Input, MethodName, Output } from '@shared/contract';

export function useLatestCall<M extends MethodName>(method: M, input: () => Input<M>, onAnswer?: (answer: Output<M>) => void) {
  const answer = ref(null) as Ref<Output<M> | null>;
  const loading = ref(false);
  let asked = 0;
  async function load() {
    const mine = ++asked;
    loading.value = true;
    try {
      const result = await call(method, input());
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
