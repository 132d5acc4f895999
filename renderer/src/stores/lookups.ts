// Small reference lists (regions, reps, teams) cached for pickers and label lookups; refreshed after edits.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { call } from '@/api';
import { flattenPathTree } from '@/format';
import type { Output, RegionNode } from '@shared/contract';

type Rep = Output<'reps.list'>['rows'][number];
type Team = Output<'teams.list'>[number];

export const useLookupsStore = defineStore('lookups', () => {
  // replaced whole on every load, never changed in place: no deep proxies over 610 regions and every rep
  const regions = shallowRef<RegionNode[]>([]);
  const reps = shallowRef<Rep[]>([]);
  const teams = ref<Team[]>([]);

  const regionById = computed(() => {
    const map = new Map<number, RegionNode>();
    const walk = (nodes: RegionNode[]) => nodes.forEach((n) => (map.set(n.id, n), walk(n.children)));
    walk(regions.value);
    return map;
  });

  /** "华中 › 河南省 › 郑州市 › 开发区片区" for every region id: pickers and forms show the path, not the leaf. */
  const regionPathById = computed(() => new Map(flattenPathTree(regions.value).map((r) => [r.id, r.label])));

  // a load already under way is joined, not repeated (a picker's mount and the layout's idle load ask at once)
  const inFlight = new Map<string, Promise<void>>();
  function joined(key: string, run: () => Promise<void>): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    const p = run().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  }

  function loadRegions() {
    return joined('regions', async () => {
      regions.value = await call('regions.tree', {});
    });
  }
  function loadReps() {
    return joined('reps', async () => {
      reps.value = (await call('reps.list', { pageSize: 1000, includeInactive: true })).rows;
    });
  }
  function loadTeams() {
    return joined('teams', async () => {
      teams.value = await call('teams.list', {});
    });
  }
  async function loadAll() {
    await Promise.all([loadRegions(), loadReps(), loadTeams()]);
  }

  return { regions, reps, teams, regionById, regionPathById, loadRegions, loadReps, loadTeams, loadAll };
});
