// The names of chosen filters (an exported chart's caption, a drilled-down list's filter tags): regions, reps and teams
// from the lookups store, product categories from their tree, a dealer from dealers.get — each loaded once, when a
// filter names it.
import { computed, reactive, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { call } from '@/api';
import { pickLabel } from '@/i18n';
import { useLookupsStore } from '@/stores/lookups';
import type { ProductCategoryNode } from '@shared/contract';
import { channelTypeLabels } from '@shared/domain/dealer';
import { captionOf, dashboardChoice, type CaptionLookups, type FilterKey } from './analyticsState';

const dealerNames = reactive(new Map<number, string>());
const categoryNames = reactive(new Map<number, string>());
let categoriesAsked = false;

function addCategories(nodes: ProductCategoryNode[]) {
  for (const n of nodes) {
    categoryNames.set(n.id, n.name);
    addCategories(n.children);
  }
}

export interface NamedIds {
  regionId?: number | null;
  teamId?: number | null;
  repId?: number | null;
  dealerId?: number | null;
  productCategoryId?: number | null;
}

/** Name look-ups for the ids `ids()` names, loading what is missing as they change. */
export function useFilterNames(ids: () => NamedIds): CaptionLookups {
  const { locale } = useI18n();
  const lookups = useLookupsStore();

  watchEffect(() => {
    const c = ids();
    if ((c.regionId && !lookups.regions.length) || (c.repId && !lookups.reps.length) || (c.teamId && !lookups.teams.length)) {
      void lookups.loadAll().catch(() => undefined);
    }
    if (c.productCategoryId && !categoriesAsked) {
      categoriesAsked = true;
      void call('productCategories.tree', {})
        .then(addCategories)
        .catch(() => (categoriesAsked = false));
    }
    const dealerId = c.dealerId;
    if (dealerId && !dealerNames.has(dealerId)) {
      void call('dealers.get', { id: dealerId })
        .then((d) => dealerNames.set(dealerId, d.name))
        .catch(() => undefined);
    }
  });

  return {
    region: (id) => lookups.regionById.get(id)?.name,
    team: (id) => lookups.teams.find((t) => t.id === id)?.name,
    rep: (id) => lookups.reps.find((r) => r.id === id)?.name,
    dealer: (id) => dealerNames.get(id),
    category: (id) => categoryNames.get(id),
    channelType: (ct) => pickLabel(channelTypeLabels[ct], locale.value),
  };
}

/** The caption of the dashboard's current choice, kept current as the choice and the names change. */
export function useDashboardCaption(unsupported: readonly FilterKey[] = []) {
  const { locale } = useI18n();
  const names = useFilterNames(() => dashboardChoice);
  return computed(() => captionOf(dashboardChoice, names, unsupported, locale.value));
}
