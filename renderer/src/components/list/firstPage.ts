// A list's first page asked for while the router is still entering the page, before its component is built: on a
// cold start the request leaves beside the settings and the page's chunks instead of after them, and on a first
// visit it leaves with the click instead of halfway through building the page.
import { onUnmounted } from 'vue';

/** An answer asked for ahead is used only this soon after; later the page asks again. */
const FRESH_MS = 3000;

export interface FirstPage<I, O> {
  /** For the page's beforeRouteEnter: ask for the page now, unless the list is already alive (kept between visits). */
  prefetch: (input: I) => void;
  /** The page's load: the answer asked for ahead when it was for this very input, else a new request. */
  load: (input: I) => Promise<O>;
  /** In the page's setup: the list is alive until it is unmounted. */
  track: () => void;
  /** The page's route options asking for `input()` ahead: as the router enters it, and as the app starts on it. */
  onEnter: (input: () => I) => { beforeRouteEnter: () => void; prefetchOnStart: () => void };
}

export function firstPage<I, O>(fetch: (input: I) => Promise<O>): FirstPage<I, O> {
  let alive = 0;
  let ahead: { key: string; at: number; answer: Promise<O> } | null = null;
  function prefetch(input: I): void {
    if (alive > 0) return;
    const key = JSON.stringify(input);
    // asked already on this entry (the router guard asks before the settings and session have answered)
    if (ahead && ahead.key === key && Date.now() - ahead.at < FRESH_MS) return;
    const answer = fetch(input);
    // a failed request ahead is not an error of its own: the page asks again when it loads
    answer.catch(() => undefined);
    ahead = { key, at: Date.now(), answer };
  }
  return {
    prefetch,
    load(input) {
      const taken = ahead;
      ahead = null;
      if (taken && taken.key === JSON.stringify(input) && Date.now() - taken.at < FRESH_MS) return taken.answer.catch(() => fetch(input));
      return fetch(input);
    },
    track() {
      alive++;
      onUnmounted(() => alive--);
    },
    onEnter(input) {
      const ask = () => prefetch(input());
      return { beforeRouteEnter: ask, prefetchOnStart: ask };
    },
  };
}
