// Moving an opportunity, the one way for the kanban and the detail: an open stage is a plain opportunities.move (its
// date today), 成交 and 流失 open the close dialog first; after a won move into a draft order, a message offers it.
import { h, ref } from 'vue';
import { useRouter } from 'vue-router';
import { ElMessage } from 'element-plus';
import { call } from '@/api';
import { i18n, pickLabel } from '@/i18n';
import type { OpportunityDetail } from '@shared/contract';
import { stageLabels, type OpportunityStage } from '@shared/domain/opportunity';

/** What the close dialog is told about the opportunity it closes. */
export interface CloseTarget {
  id: number;
  title: string;
  /** products of interest; undefined when not known */
  productCount?: number;
}

export function useMoveFlow(after: (detail: OpportunityDetail) => void | Promise<void>) {
  const router = useRouter();
  const t = i18n.global.t;
  const closeOpen = ref(false);
  const closeOutcome = ref<'won' | 'lost'>('won');
  const closeTarget = ref<CloseTarget | null>(null);
  const moving = ref(false);

  async function move(target: { id: number; title: string; products?: readonly unknown[] }, to: OpportunityStage): Promise<void> {
    if (to === 'won' || to === 'lost') {
      // a draft order needs products of interest: the dialog offers it only when there are some (a card does not say)
      let productCount = target.products?.length;
      if (to === 'won' && productCount === undefined) {
        productCount = await call('opportunities.get', { id: target.id })
          .then((d) => d.products.length)
          .catch(() => undefined);
      }
      closeTarget.value = { id: target.id, title: target.title, productCount };
      closeOutcome.value = to;
      closeOpen.value = true;
      return;
    }
    if (moving.value) return;
    moving.value = true;
    try {
      const detail = await call('opportunities.move', { id: target.id, stage: to });
      ElMessage.success(t('opportunity.moved', { stage: pickLabel(stageLabels[to], i18n.global.locale.value) }));
      await after(detail);
    } catch (e) {
      ElMessage.error((e as Error).message);
    } finally {
      moving.value = false;
    }
  }

  /** The close dialog moved it: a won one with a draft order offers to open the order. */
  async function onClosed(detail: OpportunityDetail) {
    if (detail.stage === 'won' && detail.orderId) {
      const orderId = detail.orderId;
      ElMessage.success({
        duration: 6000,
        showClose: true,
        message: h('span', [
          `${t('opportunity.wonWithOrder')} ${detail.orderDocNo ?? ''} `,
          h(
            'a',
            {
              href: '#',
              class: 'sd-link',
              'data-test': 'won-open-order',
              onClick: (e: Event) => (e.preventDefault(), void router.push(`/orders/${orderId}`)),
            },
            t('opportunity.openOrder'),
          ),
        ]),
      });
    }
    await after(detail);
  }

  return { closeOpen, closeOutcome, closeTarget, moving, move, onClosed };
}
