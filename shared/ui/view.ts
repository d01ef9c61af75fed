/**
 * Renders the report's display model (shared/src/hosts/reportDisplay) with DOM calls only. Every string that
 * comes from a sheet goes through Dom.el's children, i.e. a text node: a cell holding markup shows as typed.
 */
import { HIGHLIGHT_FILLS, statusLabel, type HighlightKind, type Lang } from '../src/index';
import type { FindingItem, ReportDisplay, SeverityCounts } from '../src/hosts/reportDisplay';
import type { Child, Dom } from './dom';
import { VERSION } from '../src/version';
import { t } from './i18n';
import type { ShownGroup, ShownReport, ShownSheet } from './workbook';

/** Findings shown per group before a "show more" button: a 100,000-row sheet can yield that many. */
export const PAGE_SIZE = 100;

export interface ViewHandlers {
  onSelect(item: FindingItem): void;
}

function countsText(c: SeverityCounts, lang: Lang): string {
  return (['error', 'warning', 'info'] as const).map((s) => `${statusLabel(s, lang)}: ${c[s]}`).join(' · ');
}

/** The pane's footer line: this build's version, in the pane's language. */
export function versionText(lang: Lang): string {
  return t(lang, 'versionLine', { version: VERSION });
}

/** The one-line outcome, also announced through the pane's live region. */
export function summaryText(d: ReportDisplay, lang: Lang, highlighted: boolean): string {
  const verdict = d.valid ? t(lang, 'summaryValid') : t(lang, 'summaryInvalid', { n: d.counts.error });
  // What a report is for: the targets missed and the tasks overdue, over every sheet checked.
  let missed = 0;
  let overdue = 0;
  let tables = 0;
  for (const s of d.sheets) {
    if (s.kind === 'none') continue;
    tables++;
    missed += s.kpiTotals.missed;
    overdue += s.taskTotals.overdue;
  }
  const parts = [verdict];
  if (missed) parts.push(t(lang, 'summaryMissed', { n: missed }));
  if (overdue) parts.push(t(lang, 'summaryOverdue', { n: overdue }));
  parts.push(countsText(d.counts, lang) + '.');
  if (tables > 1) parts.push(t(lang, 'summarySheets', { n: tables }));
  parts.push(t(lang, 'summaryAsOf', { date: d.asOfText }));
  if (highlighted) parts.push(t(lang, 'summaryHighlighted'));
  return parts.join(' ');
}

/** The findings, KPI table and area summary of every sheet; the summary line is the pane's live region's. */
export function renderReport<N>(dom: Dom<N>, d: ShownReport, lang: Lang, handlers: ViewHandlers): N {
  const children: Child<N>[] = [];
  if (d.groups.length) children.push(renderGroups(dom, d.groups, lang, handlers));
  // A whole workbook checked: its sheets without a table (a unit list, notes) say nothing worth a section, as
  // long as some sheet holds one; with none, the workbook's finding above says so.
  const tables = d.sheets.filter((s) => s.kind !== 'none');
  const shown = d.sheets.length > 1 && tables.length > 0 ? tables : d.sheets;
  for (const sheet of shown) children.push(renderSheet(dom, sheet, lang, handlers));
  return dom.el('div', { class: 'report' }, children);
}

function renderSheet<N>(dom: Dom<N>, s: ShownSheet, lang: Lang, handlers: ViewHandlers): N {
  const key = s.kind === 'tasks' ? 'sheetTasks' : s.kind === 'kpis' ? 'sheetKpis' : 'sheetNone';
  const children: Child<N>[] = [
    dom.el('h3', { class: 'sheet-title' }, [t(lang, key, { sheet: s.name, year: s.planYear })]),
  ];
  if (s.kind === 'none') return dom.el('section', { class: 'sheet' }, children);
  // Where the table was read: a table cut short by a stray total or signature row shows it here.
  if (s.extentText) children.push(dom.el('p', { class: 'table-extent' }, [s.extentText]));
  if (s.resultColumnText) children.push(dom.el('p', { class: 'result-column' }, [s.resultColumnText]));
  children.push(dom.el('p', { class: 'counts' }, [countsText(s.counts, lang)]));
  children.push(dom.el('h4', null, [t(lang, 'findingsHeading')]));
  if (s.groups.length === 0) children.push(dom.el('p', { class: 'muted' }, [t(lang, 'noFindings')]));
  else {
    children.push(dom.el('p', { class: 'hint' }, [t(lang, 'selectCellHint')]));
    children.push(renderGroups(dom, s.groups, lang, handlers));
  }
  if (s.kind === 'kpis' && s.kpis.length) children.push(...renderKpis(dom, s, lang));
  children.push(...renderAreas(dom, s, lang));
  return dom.el('section', { class: 'sheet', 'data-sheet': s.name }, children);
}

function renderGroups<N>(dom: Dom<N>, groups: ShownGroup[], lang: Lang, handlers: ViewHandlers): N {
  return dom.el(
    'div',
    { class: 'groups' },
    groups.map((g) => {
      const list = dom.el('ul', { class: 'findings' });
      const group = dom.el('section', { class: `group group-${g.severity}`, 'data-code': g.code }, [
        dom.el('h5', { class: 'group-title' }, [
          dom.el('span', { class: `badge badge-${g.severity}` }, [g.severityLabel]),
          ' ',
          dom.el('span', { class: 'group-name' }, [g.title]),
          ' ',
          dom.el('span', { class: 'group-count' }, [`(${g.items.length + (g.omitted ?? 0)})`]),
          ' ',
          dom.el('code', { class: 'group-code' }, [g.code]),
        ]),
        list,
      ]);
      appendItems(dom, list, group, g, 0, lang, handlers);
      return group;
    }),
  );
}

/**
 * Adds one page of findings to a list and, when more remain, a button that adds the next page; past the items
 * the host handed over, a line says how many it left out.
 */
function appendItems<N>(
  dom: Dom<N>,
  list: N,
  group: N,
  g: ShownGroup,
  from: number,
  lang: Lang,
  handlers: ViewHandlers,
): N | null {
  const items = g.items;
  const page = items.slice(from, from + PAGE_SIZE);
  let first: N | null = null;
  for (const item of page) {
    const li = dom.el('li', null, [findingNode(dom, item, lang, handlers)]);
    first ??= li;
    dom.append(list, [li]);
  }
  const rest = items.length - from - page.length;
  if (rest > 0) {
    const more = dom.el('button', { type: 'button', class: 'link show-more' }, [
      t(lang, 'showMore', { n: Math.min(rest, PAGE_SIZE) }),
    ]);
    dom.on(more, 'click', () => {
      dom.remove(more);
      const added = appendItems(dom, list, group, g, from + PAGE_SIZE, lang, handlers);
      // The pressed button is gone: keep the keyboard user where the new items start.
      if (added) dom.focus(added);
    });
    dom.append(group, [more]);
  } else if (g.omitted) {
    dom.append(group, [dom.el('p', { class: 'hint omitted' }, [t(lang, 'itemsOmitted', { n: g.omitted })])]);
  }
  return first;
}

function findingNode<N>(dom: Dom<N>, item: FindingItem, lang: Lang, handlers: ViewHandlers): N {
  if (!item.cell) {
    return dom.el('div', { class: 'finding finding-static' }, [
      dom.el('span', { class: 'finding-cell' }, [t(lang, 'noCell')]),
      ' ',
      dom.el('span', { class: 'finding-message' }, [item.message]),
    ]);
  }
  const button = dom.el(
    'button',
    { type: 'button', class: 'finding', 'data-sheet': item.sheet, 'data-cell': item.cell },
    [
      dom.el('span', { class: 'finding-cell' }, [item.cell]),
      ' ',
      dom.el('span', { class: 'finding-message' }, [item.message]),
    ],
  );
  dom.on(button, 'click', () => handlers.onSelect(item));
  return button;
}

/** A table row: its cells, and a class for a row that is not like the others (an area's sub-group). */
interface Row<N> {
  cells: Child<N>[];
  className?: string;
}

/**
 * A table whose leading `titleColumns` cells name the row (the KPI's number and indicator, an area's name). Each
 * other cell carries its column's heading in data-label: in a narrow pane (Google's 300 px sidebar) the stylesheet
 * stacks each row under its title, the headings written before the values.
 */
function table<N>(
  dom: Dom<N>,
  className: string,
  head: string[],
  rows: (Child<N>[] | Row<N>)[],
  titleColumns = 1,
): N {
  const cellAttrs = (i: number) =>
    i >= titleColumns
      ? { 'data-label': head[i] }
      : { class: i === 0 && titleColumns > 1 ? 'cell-no' : 'cell-title' };
  return dom.el('div', { class: 'table-wrap' }, [
    dom.el('table', { class: className }, [
      dom.el('thead', null, [
        dom.el(
          'tr',
          null,
          head.map((h) => dom.el('th', { scope: 'col' }, [h])),
        ),
      ]),
      dom.el(
        'tbody',
        null,
        rows.map((r) => {
          const row = Array.isArray(r) ? { cells: r } : r;
          return dom.el(
            'tr',
            row.className ? { class: row.className } : null,
            row.cells.map((c, i) => dom.el('td', cellAttrs(i), [c])),
          );
        }),
      ),
    ]),
  ]);
}

/** A sign and its number kept on one line ("≥ 80%" never breaks after "≥"), in a pane 300 px wide. */
function keepTogether(text: string): string {
  return text.replace(/([≥≤<>=~≈]) /g, '$1\u00a0');
}

function renderKpis<N>(dom: Dom<N>, s: ShownSheet, lang: Lang): N[] {
  const head = ['colNo', 'colIndicator', 'colTarget', 'colResult', 'colStatus'] as const;
  const rows = s.kpis.map((k) => [
    k.number,
    k.indicator,
    keepTogether(k.targets) || '—',
    keepTogether(k.result) || '—',
    dom.el('span', { class: `status status-${k.status}`, 'data-status': k.status }, [k.statusLabel]),
  ]);
  return [
    dom.el('h4', null, [t(lang, 'kpiHeading')]),
    table(
      dom,
      'kpi-table',
      head.map((h) => t(lang, h)),
      rows,
      2,
    ),
    ...(s.kpisOmitted
      ? [dom.el('p', { class: 'hint omitted' }, [t(lang, 'kpisOmitted', { n: s.kpisOmitted })])]
      : []),
  ];
}

/**
 * An area's row, then a row for each of its sub-groups ("1. Xây dựng, ban hành văn bản chỉ đạo"), which the
 * stylesheet indents under it. The group's number is part of its title, so the nesting reads without the styles.
 */
function areaRows<A extends { area: string; name: string; groups: { number: string; name: string }[] }>(
  areas: A[],
  areaCounts: (a: A) => number[],
  groupCounts: (g: A['groups'][number]) => number[],
): { cells: (string | number)[]; className: string }[] {
  const rows: { cells: (string | number)[]; className: string }[] = [];
  for (const a of areas) {
    rows.push({ cells: [`${a.area}. ${a.name}`, ...areaCounts(a)], className: 'area-row' });
    for (const g of a.groups)
      rows.push({ cells: [`${g.number}. ${g.name}`, ...groupCounts(g)], className: 'area-group-row' });
  }
  return rows;
}

function renderAreas<N>(dom: Dom<N>, s: ShownSheet, lang: Lang): N[] {
  // A blank appendix: its one finding says so; a table of zeros would say nothing more.
  if (s.blank) return [];
  if (s.kind === 'tasks') {
    const tt = s.taskTotals;
    return [
      dom.el('h4', null, [t(lang, 'areaHeading')]),
      table(
        dom,
        'area-table',
        [t(lang, 'colArea'), t(lang, 'colTasks'), statusLabel('done', lang), statusLabel('overdue', lang)],
        areaRows(
          s.taskAreas,
          (a) => [a.tasks, a.done, a.overdue],
          (g) => [g.tasks, g.done, g.overdue],
        ),
      ),
      dom.el('p', { class: 'totals' }, [
        [
          t(lang, 'totalTasks', { n: tt.total }),
          `${statusLabel('done', lang)}: ${tt.done}`,
          `${statusLabel('overdue', lang)}: ${tt.overdue}`,
          `${statusLabel('pending', lang)}: ${tt.pending}`,
          `${statusLabel('ongoing', lang)}: ${tt.ongoing}`,
        ].join(' · '),
      ]),
    ];
  }
  const kt = s.kpiTotals;
  return [
    dom.el('h4', null, [t(lang, 'areaHeading')]),
    table(
      dom,
      'area-table',
      [
        t(lang, 'colArea'),
        statusLabel('met', lang),
        statusLabel('missed', lang),
        statusLabel('no-data', lang),
        statusLabel('unmeasurable', lang),
      ],
      areaRows(
        s.kpiAreas,
        (a) => [a.met, a.missed, a.noData, a.unmeasurable],
        (g) => [g.met, g.missed, g.noData, g.unmeasurable],
      ),
    ),
    dom.el('p', { class: 'totals' }, [
      [
        t(lang, 'totalKpis', { n: kt.total }),
        `${statusLabel('met', lang)}: ${kt.met}`,
        `${statusLabel('missed', lang)}: ${kt.missed}`,
        `${statusLabel('no-data', lang)}: ${kt.noData}`,
        `${statusLabel('unmeasurable', lang)}: ${kt.unmeasurable}`,
      ].join(' · '),
    ]),
  ];
}

const LEGEND: readonly [HighlightKind, 'legendError' | 'legendWarning' | 'legendMissed' | 'legendMet'][] = [
  ['error', 'legendError'],
  ['warning', 'legendWarning'],
  ['missed', 'legendMissed'],
  ['met', 'legendMet'],
];

/** The highlight colours, taken from the core's palette so the key always matches what the sheet shows. */
export function renderLegend<N>(dom: Dom<N>, lang: Lang): N {
  return dom.el(
    'ul',
    { class: 'legend' },
    LEGEND.map(([kind, key]) => {
      const swatch = dom.el('span', { class: 'swatch', 'aria-hidden': 'true', 'data-kind': kind });
      dom.style(swatch, 'background-color', HIGHLIGHT_FILLS[kind]);
      return dom.el('li', null, [swatch, t(lang, key)]);
    }),
  );
}
