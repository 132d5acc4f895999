// What the signed-in operator may do with a daily form, for showing buttons only: the core checks every call itself.
import { computed } from 'vue';
import type { FormKind } from './forms';

export function useFormRights(_kind: FormKind) {
  return {
    /** save and submit */
    canEnter: computed(() => true),
    /** sign, return and unsign */
    canSign: computed(() => true),
  };
}
