/**
 * The province summary's charts: horizontal bar charts as inline SVG, so that the HTML report stays one
 * self-contained page. Every bar carries its label and its number as text (the page is often printed in black
 * and white), and `data-value` with the number it draws, so a test can read what a bar says.
 *
 * Plain string building (no DOM, no Node), like the report itself; the markup helpers live here because the
 * report builds on the charts, not the other way round.
 */
import { formatCount, formatRate } from '../text/numbers';
import type { Summary, WardFile } from './schema';
import { summaryWord } from './words';

// ----------------------------------------------------------------------------------------------- markup

/** Markup that is safe to insert as it is. Only `safeHtml` and `trusted` make one, so data cannot become markup. */
export class Html {
  constructor(readonly markup: string) {}
}

/** What a template may interpolate: text (escaped), markup, lists of either, or nothing. */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value (quoted with " or '). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function flatten(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.markup;
  if (Array.isArray(part)) return part.map(flatten).join('');
  return escapeHtml(String(part));
}

/** The literal parts of each template, their line indentation dropped (it would be most of a long table). */
const literals = new WeakMap<TemplateStringsArray, string[]>();

/**
 * A template literal whose every interpolation is escaped unless it is already `Html`. (Not named `html`:
 * Prettier would reformat such templates, and its whitespace is not free in a table of hundreds of rows.)
 */
export function safeHtml(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let lits = literals.get(strings);
  if (!lits) {
    lits = strings.map((s) => s.replace(/\n[ \t]+/g, '\n'));
    literals.set(strings, lits);
  }
  let out = lits[0];
  for (let i = 0; i < parts.length; i++) out += flatten(parts[i]) + lits[i + 1];
  return new Html(out);
}

/** A constant of the code (the style sheet) taken as markup. Never pass it data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

// ----------------------------------------------------------------------------------------------- the chart

/** How a bar is painted. Flat colours that stay distinct in grey; the missed part is hatched as well. */
const FILLS = {
  rate: '#1f5fa8',
  met: '#2e7d32',
  missed: 'url(#hatch-missed)',
  overdue: '#c25400',
} as const;
type Kind = keyof typeof FILLS;

export interface Bar {
  kind: Kind;
  value: number;
  /** `data-*` attributes besides `data-value` (names are the code's: lower case and dashes). */
  data?: Record<string, string | number>;
}

export interface Row {
  /** What the bar is about, wrapped in two lines at most; the full text is in the row's tooltip. */
  label: string;
  /** Side by side in one bar (stacked); none when there is nothing to draw (the row still shows `text`). */
  bars: Bar[];
  /** The number(s) written after the bar. */
  text: string;
}

export interface Chart {
  /** Read out by screen readers and shown as the tooltip of the whole chart. */
  title: string;
  rows: Row[];
  /** The value a full-length bar stands for. */
  max: number;
  /** 'side': the label left of the bar (short labels, many rows); 'above': on its own line (long labels). */
  layout: 'side' | 'above';
  legend?: { kind: Kind; label: string }[];
  /** Vertical guide lines: at which values, with which labels. */
  grid?: { value: number; label: string }[];
  /** The rows the label and number columns are sized for (all parts of a long chart alike); `rows` if absent. */
  sizeFor?: Row[];
}

const FONT = 14;
/** The average advance of a character at FONT in the page's sans fonts, generous so that labels do not clip. */
const CHAR = 7.6;
const LINE = 17;
const PAD = 8;
const BAR = 14;
/** Narrow enough to stay readable on a 360 px phone (about 10 px text) and to sit in half an A4 page. */
const WIDTH = 480;
const SIDE_LABEL = { min: 80, max: 170 };
/** The side layout's plot is one length, so that 100 % is as long in every part of a long chart. */
export const SIDE_PLOT = 250;
const LEGEND = 24;
const GRID_LABELS = 18;
const MAX_LINES = 2;

/** In characters, not UTF-16 units. */
const length = (s: string) => [...s].length;
const textWidth = (s: string) => Math.ceil(length(s) * CHAR);
const round = (x: number) => Math.round(x * 100) / 100;

/** The text cut to `chars` characters, with an ellipsis when it was longer. */
function clip(s: string, chars: number): string {
  const cs = [...s];
  if (cs.length <= chars) return s;
  const head = cs.slice(0, Math.max(1, chars - 1)).join('');
  return `${head.trimEnd()}…`;
}

/** The text in at most MAX_LINES lines of `chars` characters, broken at spaces; the last line clipped. */
export function wrapLabel(text: string, chars: number): string[] {
  // A word longer than a line (a file path) is broken where the line ends.
  const words = text
    .trim()
    .split(/\s+/)
    .flatMap((w) => {
      const cs = [...w];
      return Array.from({ length: Math.max(1, Math.ceil(cs.length / chars)) }, (_, k) =>
        cs.slice(k * chars, (k + 1) * chars).join(''),
      );
    });
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (length(next) <= chars || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), clip(lines.slice(MAX_LINES - 1).join(' '), chars)];
}

const HATCH = trusted(
  '<defs><pattern id="hatch-missed" width="6" height="6" patternUnits="userSpaceOnUse" ' +
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#c62828"/>' +
    '<rect width="2.5" height="6" fill="#fff" fill-opacity="0.6"/></pattern></defs>',
);

function dataAttributes(data: Record<string, string | number> | undefined): Html {
  const entries = Object.entries(data ?? {}).filter(([k]) => /^[a-z][a-z-]*$/.test(k));
  return safeHtml`${entries.map(([k, v]) => safeHtml` data-${trusted(k)}="${v}"`)}`;
}

/** One horizontal bar chart, its size computed from its rows and labels. */
export function barChart(chart: Chart): Html {
  const side = chart.layout === 'side';
  const sizeFor = chart.sizeFor ?? chart.rows;
  const valueWidth = Math.max(0, ...sizeFor.map((r) => textWidth(r.text))) + 2 * PAD;
  const longest = Math.max(0, ...sizeFor.map((r) => textWidth(r.label))) + PAD;
  const labelWidth = side ? Math.min(SIDE_LABEL.max, Math.max(SIDE_LABEL.min, longest)) : 0;
  const plot = side ? SIDE_PLOT : WIDTH - valueWidth;
  const width = side ? labelWidth + plot + valueWidth : WIDTH;
  const chars = Math.floor((side ? labelWidth - PAD : width) / CHAR);
  const labels = chart.rows.map((r) => wrapLabel(r.label, chars));
  const heightOf = (lines: number) => (side ? Math.max(22, lines * LINE + 6) : lines * LINE + BAR + 14);
  let top = PAD + (chart.legend ? LEGEND : 0) + (chart.grid ? GRID_LABELS : 0);
  const rowTops = labels.map((l) => {
    const y = top;
    top += heightOf(l.length);
    return y;
  });
  const height = top + PAD;
  const plotTop = rowTops[0] ?? top;
  const scale = chart.max > 0 ? plot / chart.max : 0;
  const x0 = labelWidth;

  let lx = 0;
  const legend = (chart.legend ?? []).map((item) => {
    const x = lx;
    lx += 20 + textWidth(item.label) + 2 * PAD;
    return safeHtml`<rect x="${x}" y="${PAD}" width="14" height="14" fill="${FILLS[item.kind]}"/><text x="${x + 20}" y="${PAD + 12}">${item.label}</text>`;
  });
  const grid = (chart.grid ?? []).map((g) => {
    const x = round(x0 + g.value * scale);
    return safeHtml`<line x1="${x}" y1="${plotTop - 4}" x2="${x}" y2="${height - PAD}" stroke="#bbb"/><text x="${x}" y="${plotTop - 8}" text-anchor="middle" fill="#555" font-size="12">${g.label}</text>`;
  });

  const rows = chart.rows.map((row, i) => {
    const y = rowTops[i];
    const lines = labels[i];
    const rowHeight = heightOf(lines.length);
    const barY = side ? y + (rowHeight - BAR) / 2 : y + lines.length * LINE + 4;
    let x = x0;
    const bars = row.bars.map((bar) => {
      const w = round(bar.value * scale);
      const rect = safeHtml`<rect class="bar bar-${bar.kind}" x="${round(x)}" y="${barY}" width="${w}" height="${BAR}" fill="${FILLS[bar.kind]}" data-value="${bar.value}"${dataAttributes(bar.data)}/>`;
      x += w;
      return rect;
    });
    // Side: the lines centred on the bar, right-aligned to it; above: from the row's top, left-aligned.
    const lineY = (k: number) =>
      round(side ? y + rowHeight / 2 + (k - (lines.length - 1) / 2) * LINE + 5 : y + 13 + k * LINE);
    const labelX = side ? x0 - PAD : 0;
    const anchor = side ? trusted(' text-anchor="end"') : '';
    const label = safeHtml`<text class="label"${anchor}>${lines.map(
      (line, k) => safeHtml`<tspan x="${labelX}" y="${lineY(k)}">${line}</tspan>`,
    )}</text>`;
    const value = safeHtml`<text class="value" x="${round(x + 6)}" y="${barY + 12}">${row.text}</text>`;
    return safeHtml`<g class="row"><title>${row.label}: ${row.text}</title>${label}${bars}${value}</g>`;
  });

  const hatch = chart.legend?.some((l) => l.kind === 'missed') ? HATCH : '';
  return safeHtml`<svg class="chart" role="img" aria-label="${chart.title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Segoe UI', Arial, 'Liberation Sans', sans-serif" font-size="${FONT}" fill="#1a1a1a"><title>${chart.title}</title>${hatch}${legend}${grid}${rows}</svg>`;
}

// ----------------------------------------------------------------------------------------------- the summary's charts

/** Rows per attainment chart: one chart per printed page or so, so that no chart has to split. */
export const RATE_ROWS_PER_CHART = 25;
/** Indicators drawn at most; the rest are in the tables. */
export const INDICATOR_BARS = 25;

/** How a file is named on a chart: its unit, and its file too where the unit sent more than one. */
export function fileLabel(f: WardFile): string {
  return f.sameUnit.length > 0 ? `${f.unit} (${f.file})` : f.unit;
}

/**
 * Attainment per ward file, highest first (ties in file order); files read but without a rate come last with
 * "—", unreadable files are left out. Several charts of at most about RATE_ROWS_PER_CHART rows each, so that a
 * province of hundreds of files still prints without a chart split across pages; each says which rows it has.
 */
export function rateCharts(summary: Summary): { chart: Html; first: number; last: number; of: number }[] {
  const lang = summary.lang;
  const read = summary.files.map((f, index) => ({ f, index })).filter(({ f }) => f.unreadable === null);
  const rated = read
    .filter(({ f }) => f.rate !== null)
    .sort((a, b) => (b.f.rate as number) - (a.f.rate as number) || a.index - b.index);
  const rows: Row[] = [
    ...rated.map(({ f, index }) => ({
      label: fileLabel(f),
      bars: [{ kind: 'rate' as const, value: f.rate as number, data: { file: index } }],
      text: formatRate(f.rate, lang),
    })),
    ...read.filter(({ f }) => f.rate === null).map(({ f }) => ({ label: fileLabel(f), bars: [], text: '—' })),
  ];
  if (rows.length === 0) return [];
  const parts = Math.ceil(rows.length / RATE_ROWS_PER_CHART);
  const size = Math.ceil(rows.length / parts);
  const title = summaryWord('chartRate', lang);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: formatRate(value, lang) }));
  return Array.from({ length: parts }, (_, p) => {
    const slice = rows.slice(p * size, (p + 1) * size);
    const [first, last] = [p * size + 1, p * size + slice.length];
    const chartTitle = parts > 1 ? `${title} (${first}–${last}/${rows.length})` : title;
    const chart = barChart({ title: chartTitle, rows: slice, max: 1, layout: 'side', grid, sizeFor: rows });
    return { chart, first, last, of: rows.length };
  });
}

/**
 * Met and missed per indicator as stacked bars, the indicators most files report first (ties in the
 * summary's order), at most INDICATOR_BARS of them. `more` is how many were left out.
 */
export function indicatorChart(summary: Summary): { chart: Html | null; more: number } {
  const lang = summary.lang;
  const met = summaryWord('met', lang);
  const missed = summaryWord('missed', lang);
  const shown = summary.indicators
    .map((ind, index) => ({ ind, index }))
    .sort((a, b) => b.ind.results.length - a.ind.results.length || a.index - b.index)
    .slice(0, INDICATOR_BARS);
  const more = summary.indicators.length - shown.length;
  if (shown.length === 0) return { chart: null, more };
  const rows: Row[] = shown.map(({ ind, index }) => ({
    label: ind.name,
    bars: [
      { kind: 'met', value: ind.met, data: { indicator: index } },
      { kind: 'missed', value: ind.missed, data: { indicator: index } },
    ],
    text: `${met} ${formatCount(ind.met, lang)} · ${missed} ${formatCount(ind.missed, lang)}`,
  }));
  const max = Math.max(...shown.map(({ ind }) => ind.met + ind.missed));
  const chart = barChart({
    title: summaryWord('chartIndicators', lang),
    rows,
    max,
    layout: 'above',
    legend: [
      { kind: 'met', label: met },
      { kind: 'missed', label: missed },
    ],
  });
  return { chart, more };
}

/** Overdue tasks per reform area, in the summary's order (I–VII). */
export function areaChart(summary: Summary): Html | null {
  const lang = summary.lang;
  if (summary.areas.length === 0) return null;
  const rows: Row[] = summary.areas.map((a) => ({
    label: `${a.area}. ${a.name}`,
    bars: [{ kind: 'overdue', value: a.overdue, data: { area: a.area } }],
    text: formatCount(a.overdue, lang),
  }));
  const max = Math.max(...summary.areas.map((a) => a.overdue));
  return barChart({ title: summaryWord('chartAreas', lang), rows, max, layout: 'above' });
}
