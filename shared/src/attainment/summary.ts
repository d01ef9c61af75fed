import type { AreaRef, GroupRef } from '../rules/sheetContext';
import type { AreaSummary, GroupSummary, Kpi, KpiCounts, SheetReport, Task } from '../report/schema';

export function emptyKpiCounts(): KpiCounts {
  return { total: 0, met: 0, missed: 0, noData: 0, unmeasurable: 0 };
}

function countKpi(counts: KpiCounts, kpi: Kpi): void {
  counts.total++;
  if (kpi.status === 'met') counts.met++;
  else if (kpi.status === 'missed') counts.missed++;
  else if (kpi.status === 'no-data') counts.noData++;
  else counts.unmeasurable++;
}

/**
 * Per-area and overall counts. Every area row found is listed, in sheet order, even one with nothing under it;
 * each area lists its numbered sub-groups with their own counts.
 */
export function summarise(
  areas: AreaRef[],
  tasks: Task[],
  kpis: Kpi[],
  groups: GroupRef[] = [],
): SheetReport['summary'] {
  const byArea: AreaSummary[] = [];
  const index = new Map<string, AreaSummary>();
  for (const a of areas) {
    if (index.has(a.area)) continue;
    const entry: AreaSummary = {
      area: a.area,
      name: a.name,
      tasks: 0,
      done: 0,
      overdue: 0,
      kpis: emptyKpiCounts(),
      groups: [],
    };
    index.set(a.area, entry);
    byArea.push(entry);
  }
  // Group numbers restart in each area: a group is known by its area and its number.
  const groupIndex = new Map<string, GroupSummary>();
  for (const g of groups) {
    const area = g.area === null ? undefined : index.get(g.area);
    const key = `${g.area ?? ''}\u0000${g.number}`;
    if (!area || groupIndex.has(key)) continue;
    const entry: GroupSummary = {
      number: g.number,
      name: g.name,
      row: g.row,
      tasks: 0,
      done: 0,
      overdue: 0,
      kpis: emptyKpiCounts(),
    };
    groupIndex.set(key, entry);
    area.groups.push(entry);
  }
  const groupOf = (area: string | null, group: string | null) =>
    group === null || groupIndex.size === 0 ? undefined : groupIndex.get(`${area ?? ''}\u0000${group}`);
  const taskTotals = { total: 0, done: 0, overdue: 0, pending: 0, ongoing: 0 };
  for (const t of tasks) {
    taskTotals.total++;
    taskTotals[t.status]++;
    const entry = t.area === null ? undefined : index.get(t.area);
    if (!entry) continue;
    entry.tasks++;
    if (t.status === 'done') entry.done++;
    if (t.status === 'overdue') entry.overdue++;
    const group = groupOf(t.area, t.group);
    if (!group) continue;
    group.tasks++;
    if (t.status === 'done') group.done++;
    if (t.status === 'overdue') group.overdue++;
  }
  const kpiTotals = emptyKpiCounts();
  for (const k of kpis) {
    countKpi(kpiTotals, k);
    const entry = k.area === null ? undefined : index.get(k.area);
    if (entry) countKpi(entry.kpis, k);
    const group = groupOf(k.area, k.group);
    if (group) countKpi(group.kpis, k);
  }
  return { byArea, tasks: taskTotals, kpis: kpiTotals };
}
