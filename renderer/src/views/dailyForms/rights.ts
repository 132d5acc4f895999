// What the signed-in operator may do with a daily form, for showing buttons only: the core checks every call itself
// (and the finer rules: a supervisor signs only their own team's forms, never their own).
import { computed } from 'vue';
import { useAuthStore } from '@/stores/auth';
import { formMethods, type FormKind } from './forms';

export function useFormRights(kind: FormKind) {
  const auth = useAuthStore();
  return {
    /** save and submit */
    canEnter: computed(() => auth.can(formMethods[kind].save)),
    /** sign, return and unsign */
    canSign: computed(() => auth.can(formMethods[kind].sign)),
  };
}
