// 客户分析 / 应收分析 drill-downs: the list behind a bar as an address — the customer list or the aging report with the
// dashboard's filters that list knows, plus the bar clicked.
import type { LocationQueryRaw } from 'vue-router';
import { call } from '@/api';
import type { DashboardChoice } from './analyticsState';

type Patch = Record<string, string | number>;

/** The dealer filter's name, so the list's picker shows it (the dashboard keeps only the id); none if it cannot be read. */
async function dealerPart(c: DashboardChoice): Promise<LocationQueryRaw> {
  if (!c.dealerId) return {};
  const name = await call('dealers.get', { id: c.dealerId })
    .then((d) => d.name)
    .catch(() => '');
  return name ? { dealerId: c.dealerId, dealerName: name } : { dealerId: c.dealerId };
}

/** Region, rep and dealer carry over; team and channel type the list cannot filter by (the page says so). */
function commonFilters(c: DashboardChoice): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  if (c.regionId) q.regionId = c.regionId;
  if (c.repId) q.repId = c.repId;
  return q;
}

/** /customers?grade=A&regionId=… — the customer list filtered to the slice clicked. */
export async function customerListLocation(c: DashboardChoice, patch: Patch) {
  return { path: '/customers', query: { ...commonFilters(c), ...(await dealerPart(c)), ...patch } };
}

/** /receivables/aging?asOf=…&repId=… — the aging report as of the dashboard's date, by customer, for the row clicked. */
export async function agingLocation(c: DashboardChoice, asOf: string, patch: Patch) {
  return { path: '/receivables/aging', query: { asOf, ...commonFilters(c), ...(await dealerPart(c)), ...patch } };
}
