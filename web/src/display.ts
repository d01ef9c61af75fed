/**
 * What of a check crosses from the worker to the page: the pane's display model (the core's reportDisplay),
 * with its long lists cut and its long texts shortened. A 200,000-row sheet gives 200,000 findings: as a report
 * they are some 45 MB to clone and a quarter of a second to group and highlight, on the page's one thread. Cut
 * here, the page gets at most a few thousand items, and the counts, the summary and the checked copy still
 * cover every finding.
 */
import type { Lang, Report } from '../../shared/src/index';
import { reportDisplay, type FindingGroup } from '../../shared/src/hosts/reportDisplay';
import type { ShownGroup, ShownReport } from '../../shared/ui/workbook';

/** Findings of one group the page gets: ten pages of the pane's "show more"; the rest are counted. */
export const MAX_ITEMS = 1000;
/** Rows of the KPI table the page gets (a real plan has a few dozen). */
export const MAX_KPI_ROWS = 1000;
/** Characters of any one text the page gets: a cell of 20 million characters stays in the worker. */
export const MAX_TEXT = 2000;

function cutGroups(groups: FindingGroup[]): ShownGroup[] {
  return groups.map((g) =>
    g.items.length > MAX_ITEMS
      ? { ...g, items: g.items.slice(0, MAX_ITEMS), omitted: g.items.length - MAX_ITEMS }
      : g,
  );
}

/** `text` cut to `max` characters and an ellipsis, never inside a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Every string in a tree of plain data, shortened (the display model is plain data: no cycles, no classes). */
function shortenAll<T>(value: T, max: number): T {
  if (typeof value === 'string') return shorten(value, max) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => shortenAll(v, max)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shortenAll(v, max);
    return out as T;
  }
  return value;
}

export function shownReport(report: Report, lang: Lang): ShownReport {
  const d = reportDisplay(report, lang);
  const shown: ShownReport = {
    ...d,
    groups: cutGroups(d.groups),
    sheets: d.sheets.map((s) => {
      const sheet = { ...s, groups: cutGroups(s.groups) };
      if (s.kpis.length <= MAX_KPI_ROWS) return sheet;
      return { ...sheet, kpis: s.kpis.slice(0, MAX_KPI_ROWS), kpisOmitted: s.kpis.length - MAX_KPI_ROWS };
    }),
  };
  return shortenAll(shown, MAX_TEXT);
}
