/**
 * The province summary as one printable HTML page (`cchc summary … --html tong-hop.html`): pictures first, tables
 * after.
 *
 * The page is self-contained and inert: no script, no request of any kind (inline style and inline SVG only,
 * and a Content-Security-Policy that forbids everything else), because it is opened from a folder of files
 * nobody vetted. Every text of the data is cell text from those files, so it only ever enters the page through
 * `safeHtml`, which escapes it. Pure string building: no DOM, no Node.
 */
import type { Lang } from '../report/messages';
import { areaChart, safeHtml, indicatorChart, rateCharts, trusted, type Html, type Part } from './charts';
import type { Summary, WardFile } from './schema';
import { formatCount, formatRate } from '../text/numbers';
import { formatDateVi } from '../deadlines/calendar';
// One filler for every catalogue; the filled text is escaped where it is inserted.
import { fill } from '../text/fill';
import { sameUnitList, summaryWord, type SummaryWord } from './words';

/** Error rows printed at most: the page must stay small for hundreds of files; the workbook has them all. */
export const PRINTED_ERRORS = 500;

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// Screen first, then print: A4 landscape because the per-file table has 17 columns.
const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:1120px;padding:16px;font:14px/1.45 "Segoe UI",Arial,"Liberation Sans",sans-serif;color:#1a1a1a;background:#fff}
h1{font-size:1.3rem;margin:0 0 .3rem;line-height:1.3}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #999;break-after:avoid}
h3{font-size:1rem;margin:1rem 0 .4rem;break-after:avoid}
p{margin:.3rem 0}
.meta{margin:0 0 .8rem}
dl.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:.4rem;margin:.3rem 0 .6rem}
dl.cards div{border:1px solid #bbb;border-radius:4px;padding:.3rem .5rem;break-inside:avoid}
dl.cards dt{font-size:.82rem;color:#333}
dl.cards dd{margin:0;font-size:1.25rem;font-weight:600;font-variant-numeric:tabular-nums}
dl.cards .key{border-width:2px;border-color:#1f5fa8}
figure{margin:0 0 1rem;break-inside:avoid}
figcaption{font-size:.85rem;color:#333;margin-bottom:.2rem}
.parts{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
.chart{overflow-x:auto}
.chart svg{display:block;max-width:100%;height:auto}
.scroll{overflow-x:auto;margin-bottom:.6rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
table.fit{width:auto;min-width:min(100%,36rem)}
table.files tr:not(.sum) td:nth-child(2),table.files tr:not(.sum) td:nth-child(3){min-width:7rem}
table.files td:last-child{min-width:10rem}
table.indicators td:nth-child(2),table.areas td:nth-child(2){min-width:10rem}
table.errors td:nth-child(2),table.errors td:nth-child(3){min-width:7rem}
table.errors td:last-child{min-width:12rem}
th,td{border:1px solid #999;padding:.2rem .35rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
thead{display:table-header-group}
tr{break-inside:avoid}
.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
tr.sum td{font-weight:600;background:#f5f5f5}
.note{font-size:.85rem;color:#333}
code{font-family:Consolas,"Liberation Mono",monospace;font-size:.85em;white-space:nowrap}
@media (max-width:480px){body{padding:10px;font-size:13px}h1{font-size:1.1rem}}
@page{size:A4 landscape;margin:12mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10pt}
.scroll,.chart{overflow:visible}
#tables{break-before:page}
.chart svg{max-height:170mm;width:auto}
table{font-size:8.5pt}
}
`.trim();

interface Ctx {
  lang: Lang;
  w: (word: SummaryWord) => string;
  n: (n: number) => string;
}

/** A table inside a wrapper that scrolls sideways on a narrow screen; the header repeats on every printed page. */
function table(head: Html, rows: Part, kind = ''): Html {
  return safeHtml`<div class="scroll">
    <table${kind ? safeHtml` class="${kind}"` : ''}>
      <thead>
        ${head}
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

const num = (text: string) => safeHtml`<td class="n">${text}</td>`;

function cards(items: [string, string, boolean?][]): Html {
  return safeHtml`<dl class="cards">
    ${items.map(
      ([label, value, key]) =>
        safeHtml`<div${key ? trusted(' class="key"') : ''}><dt>${label}</dt><dd>${value}</dd></div>`,
    )}
  </dl>`;
}

function heading(s: Summary, c: Ctx): Html {
  const t = s.totals;
  return safeHtml`<header>
    <h1>${c.w('title')}</h1>
    <p class="meta">
      ${c.w('asOf')} <strong>${formatDateVi(s.asOf)}</strong> · ${c.w('planYear')}
      <strong>${s.year === null ? '—' : String(s.year)}</strong>
    </p>
    ${cards([
      [c.w('filesTotal'), c.n(t.files)],
      [c.w('filesRead'), c.n(t.read)],
      [c.w('filesUnreadable'), c.n(t.unreadable)],
      [c.w('units'), c.n(t.units)],
      [c.w('filesWithErrors'), c.n(t.filesWithErrors)],
      [c.w('errors'), c.n(t.errors)],
      [c.w('warnings'), c.n(t.warnings)],
    ])}
  </header>`;
}

function overview(s: Summary, c: Ctx): Html {
  const t = s.totals;
  return safeHtml`<section>
    <h2>${c.w('overview')}</h2>
    <h3>${c.w('tasks')}</h3>
    ${cards([
      [c.w('total'), c.n(t.tasks.total)],
      [c.w('done'), c.n(t.tasks.done)],
      [c.w('overdue'), c.n(t.tasks.overdue), true],
      [c.w('pending'), c.n(t.tasks.pending)],
      [c.w('ongoing'), c.n(t.tasks.ongoing)],
    ])}
    <h3>${c.w('kpis')}</h3>
    ${cards([
      [c.w('rateOverall'), formatRate(t.rate, c.lang), true],
      [c.w('met'), c.n(t.kpis.met)],
      [c.w('missed'), c.n(t.kpis.missed)],
      [c.w('noData'), c.n(t.kpis.noData)],
      [c.w('unmeasurable'), c.n(t.kpis.unmeasurable)],
    ])}
    <p class="note">${c.w('rateNote')}</p>
  </section>`;
}

function figure(id: string, title: string, body: Part, notes: string[] = []): Html {
  return safeHtml`<section class="figure" id="${id}">
    <h2>${title}</h2>
    ${body}${notes.map((note) => safeHtml`<p class="note">${note}</p>`)}
  </section>`;
}

const chartBox = (svg: Html, caption?: string) =>
  safeHtml`<figure class="chart">${caption ? safeHtml`<figcaption>${caption}</figcaption>` : ''}${svg}</figure>`;
const empty = (text: string) => safeHtml`<p class="note">${text}</p>`;

function charts(s: Summary, c: Ctx): Html {
  const rates = rateCharts(s);
  const anyUnrated = s.files.some((f) => f.unreadable === null && f.rate === null);
  const indicators = indicatorChart(s);
  const areas = areaChart(s);
  const moreNote =
    indicators.more > 0
      ? [
          fill(
            c.w('moreIndicators'),
            {
              shown: c.n(s.indicators.length - indicators.more),
              n: c.n(indicators.more),
            },
            c.lang,
          ),
        ]
      : [];
  const none = empty(c.w('noChartData'));
  // A long chart in parts, side by side where the page is wide enough (two to a landscape A4 page).
  const rateBody = rates.length
    ? safeHtml`<div class="parts">${rates.map(({ chart, first, last, of }) =>
        rates.length > 1
          ? chartBox(
              chart,
              fill(c.w('chartPart'), { first: c.n(first), last: c.n(last), total: c.n(of) }, c.lang),
            )
          : chartBox(chart),
      )}</div>`
    : none;
  const indicatorBody = indicators.chart ? chartBox(indicators.chart) : none;
  return safeHtml`${figure('chart-rate', c.w('chartRate'), rateBody, anyUnrated ? [c.w('noRateNote')] : [])}
    ${figure('chart-indicators', c.w('chartIndicators'), indicatorBody, moreNote)}
    ${figure('chart-areas', c.w('chartAreas'), areas ? chartBox(areas) : none)}`;
}

function problems(s: Summary, c: Ctx): Html {
  const withErrors = s.files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.unreadable === null && f.errors > 0)
    .sort((a, b) => b.f.errors - a.f.errors || a.i - b.i);
  const unreadable = s.files.filter((f) => f.unreadable !== null);
  const errorsTable = withErrors.length
    ? table(
        safeHtml`<tr>
          <th class="n">${c.w('number')}</th>
          <th>${c.w('unit')}</th>
          <th>${c.w('file')}</th>
          <th class="n">${c.w('errorCount')}</th>
        </tr>`,
        withErrors.map(
          ({ f }, k) =>
            safeHtml`<tr>
              ${num(c.n(k + 1))}
              <td>${f.unit}</td>
              <td>${f.file}</td>
              ${num(c.n(f.errors))}
            </tr>`,
        ),
        'fit',
      )
    : empty(c.w('noErrors'));
  const unreadableTable = unreadable.length
    ? table(
        safeHtml`<tr>
          <th class="n">${c.w('number')}</th>
          <th>${c.w('file')}</th>
          <th>${c.w('reason')}</th>
        </tr>`,
        unreadable.map(
          (f, k) =>
            safeHtml`<tr>
              ${num(c.n(k + 1))}
              <td>${f.file}</td>
              <td>${f.unreadable ?? ''}</td>
            </tr>`,
        ),
        'fit',
      )
    : empty(c.w('noUnreadable'));
  return safeHtml`<section id="wards-with-errors">
      <h2>${c.w('wardsWithErrors')}</h2>
      ${errorsTable}
    </section>
    <section id="unreadable">
      <h2>${c.w('unreadableFiles')}</h2>
      ${unreadableTable}
    </section>`;
}

/** What the per-file table notes about a file, one line each. */
function fileNote(f: WardFile, c: Ctx): Html {
  const notes: string[] = [];
  if (f.unreadable !== null) notes.push(`${c.w('unreadable')}: ${f.unreadable}`);
  if (f.unitSource === 'file') notes.push(c.w('unitFromFile'));
  if (f.sameUnit.length) notes.push(`${c.w('sameUnit')}: ${sameUnitList(f, c.lang)}`);
  return safeHtml`${notes.map((note, k) => safeHtml`${k ? trusted('<br>') : ''}${note}`)}`;
}

function filesTable(s: Summary, c: Ctx): Html {
  if (s.files.length === 0) return empty(c.w('noFiles'));
  const t = s.totals;
  const head = safeHtml`<tr>
      <th class="n" rowspan="2">${c.w('number')}</th>
      <th rowspan="2">${c.w('unit')}</th>
      <th rowspan="2">${c.w('file')}</th>
      <th class="n" rowspan="2">${c.w('year')}</th>
      <th colspan="5">${c.w('tasks')}</th>
      <th colspan="4">${c.w('kpis')}</th>
      <th class="n" rowspan="2">${c.w('rate')}</th>
      <th class="n" rowspan="2">${c.w('errors')}</th>
      <th class="n" rowspan="2">${c.w('warnings')}</th>
      <th rowspan="2">${c.w('note')}</th>
    </tr>
    <tr>
      <th class="n">${c.w('total')}</th>
      <th class="n">${c.w('done')}</th>
      <th class="n">${c.w('overdue')}</th>
      <th class="n">${c.w('pending')}</th>
      <th class="n">${c.w('ongoing')}</th>
      <th class="n">${c.w('met')}</th>
      <th class="n">${c.w('missed')}</th>
      <th class="n">${c.w('noData')}</th>
      <th class="n">${c.w('unmeasurable')}</th>
    </tr>`;
  const counts = (f: Pick<WardFile, 'tasks' | 'kpis' | 'rate' | 'errors' | 'warnings'>, dash: boolean) => {
    const v = (n: number) => num(dash ? '—' : c.n(n));
    return safeHtml`${v(f.tasks.total)}${v(f.tasks.done)}${v(f.tasks.overdue)}${v(f.tasks.pending)}${v(f.tasks.ongoing)}${v(f.kpis.met)}${v(f.kpis.missed)}${v(f.kpis.noData)}${v(f.kpis.unmeasurable)}${num(formatRate(f.rate, c.lang))}${v(f.errors)}${v(f.warnings)}`;
  };
  const rows = s.files.map(
    (f, i) =>
      safeHtml`<tr>
        ${num(c.n(i + 1))}
        <td>${f.unit}</td>
        <td>${f.file}</td>
        ${num(f.planYear === null ? '—' : String(f.planYear))}${counts(f, f.unreadable !== null)}
        <td>${fileNote(f, c)}</td>
      </tr>`,
  );
  const sum = safeHtml`<tr class="sum">
    <td></td>
    <td colspan="3">${c.w('totalsRow')}</td>
    ${counts(t, false)}
    <td></td>
  </tr>`;
  return table(head, [rows, sum], 'files');
}

function indicatorsTable(s: Summary, c: Ctx): Html {
  if (s.indicators.length === 0) return empty(c.w('noChartData'));
  const head = safeHtml`<tr>
    <th class="n">${c.w('number')}</th>
    <th>${c.w('indicator')}</th>
    <th class="n">${c.w('wardsReporting')}</th>
    <th class="n">${c.w('met')}</th>
    <th class="n">${c.w('missed')}</th>
    <th class="n">${c.w('noData')}</th>
    <th class="n">${c.w('unmeasurable')}</th>
    <th class="n">${c.w('rate')}</th>
  </tr>`;
  const rows = s.indicators.map((ind, i) => {
    const judged = ind.met + ind.missed;
    return safeHtml`<tr>
      ${num(c.n(i + 1))}
      <td>${ind.name}</td>
      ${num(c.n(ind.results.length))}${num(c.n(ind.met))}${num(c.n(ind.missed))}${num(c.n(ind.noData))}${num(c.n(ind.unmeasurable))}${num(formatRate(judged ? ind.met / judged : null, c.lang))}
    </tr>`;
  });
  return table(head, rows, 'indicators');
}

function areasTable(s: Summary, c: Ctx): Html {
  if (s.areas.length === 0) return empty(c.w('noChartData'));
  const head = safeHtml`<tr>
    <th>${c.w('number')}</th>
    <th>${c.w('area')}</th>
    <th class="n">${c.w('tasks')}</th>
    <th class="n">${c.w('done')}</th>
    <th class="n">${c.w('overdue')}</th>
    <th class="n">${c.w('filesWithOverdue')}</th>
  </tr>`;
  const rows = s.areas.map(
    (a) =>
      safeHtml`<tr>
        <td>${a.area}</td>
        <td>${a.name}</td>
        ${num(c.n(a.tasks))}${num(c.n(a.done))}${num(c.n(a.overdue))}${num(c.n(a.filesWithOverdue))}
      </tr>`,
  );
  return table(head, rows, 'fit areas');
}

function errorsTable(s: Summary, c: Ctx): Html {
  if (s.errors.length === 0) return empty(c.w('noErrors'));
  const units = new Map(s.files.map((f) => [f.file, f.unit]));
  const printed = s.errors.slice(0, PRINTED_ERRORS);
  const head = safeHtml`<tr>
    <th class="n">${c.w('number')}</th>
    <th>${c.w('unit')}</th>
    <th>${c.w('file')}</th>
    <th>${c.w('sheet')}</th>
    <th>${c.w('cell')}</th>
    <th>${c.w('code')}</th>
    <th>${c.w('message')}</th>
  </tr>`;
  const rows = printed.map(
    (e, i) =>
      safeHtml`<tr>
        ${num(c.n(i + 1))}
        <td>${units.get(e.file) ?? ''}</td>
        <td>${e.file}</td>
        <td>${e.sheet}</td>
        <td>${e.cell}</td>
        <td><code>${e.code}</code></td>
        <td>${e.message}</td>
      </tr>`,
  );
  const more = s.errors.length - printed.length;
  const note =
    more > 0
      ? safeHtml`<p class="note" id="errors-more">
          ${fill(
            c.w('moreErrors'),
            {
              shown: c.n(printed.length),
              total: c.n(s.errors.length),
              n: c.n(more),
              sheet: c.w('sheetErrors'),
            },
            c.lang,
          )}
        </p>`
      : '';
  return safeHtml`${note}${table(head, rows, 'errors')}`;
}

/** The summary as one self-contained HTML page, in the summary's language. */
export function renderSummaryHtml(summary: Summary): string {
  const lang: Lang = summary.lang === 'en' ? 'en' : 'vi';
  const c: Ctx = { lang, w: (word) => summaryWord(word, lang), n: (n) => formatCount(n, lang) };
  const title = `${c.w('title')} – ${formatDateVi(summary.asOf)}`;
  const page = safeHtml`<!DOCTYPE html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CSP}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${trusted(STYLE)}
        </style>
      </head>
      <body>
        ${heading(summary, c)}
        <main>
          ${overview(summary, c)}
          ${charts(summary, c)}
          ${problems(summary, c)}
          <section id="tables">
            <h2>${c.w('tables')}</h2>
            <h3 id="table-files">${c.w('tableFiles')}</h3>
            ${filesTable(summary, c)}
            <h3 id="table-indicators">${c.w('tableIndicators')}</h3>
            ${indicatorsTable(summary, c)}
            <h3 id="table-areas">${c.w('tableAreas')}</h3>
            ${areasTable(summary, c)}
            <h3 id="table-errors">${c.w('tableErrors')}</h3>
            ${errorsTable(summary, c)}
          </section>
        </main>
      </body>
    </html>
  `;
  return page.markup;
}
