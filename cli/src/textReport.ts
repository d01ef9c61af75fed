// Not from shared/src/index, which loads zod (see batch/job.ts).
import { statusLabel, type Lang } from '../../shared/src/report/messages';
import type { Report } from '../../shared/src/report/schema';
import {
  reportDisplay,
  type FindingGroup,
  type KpiAreaRow,
  type KpiGroupRow,
  type KpiRow,
  type SheetDisplay,
} from '../../shared/src/hosts/reportDisplay';
import { cliWords } from '../../shared/src/words/cli';
import { oneLine } from './visible';

/**
 * The report for people: findings grouped by code with their cells, the KPI table, per-area counts. The grouping
 * and wording come from the core's display model, the same one the task pane renders.
 */
export function renderText(report: Report, lang: Lang, width = 80): string {
  const t = cliWords(lang);
  const display = reportDisplay(report, lang);
  const out: string[] = [];
  out.push(t('reportFile', { file: oneLine(report.file), asOf: display.asOfText }));
  // Judged after the plan's year has ended (a late check, or the wrong --as-of): said once, not per task.
  const planYear = report.sheets.find((s) => s.kind !== 'none')?.planYear;
  if (planYear !== undefined && Number(report.asOf.slice(0, 4)) > planYear) {
    out.push(`  ${t('lateCheck', { year: planYear, asOf: display.asOfText })}`);
  }
  for (const g of display.groups)
    for (const f of g.items) out.push(...wrap(`[${g.severityLabel}] ${f.message}`, width, '  ', '    '));

  report.sheets.forEach((sheet, i) => {
    const shown = display.sheets[i];
    out.push('');
    if (sheet.kind === 'none') {
      out.push(t('sheetNoTable', { sheet: sheet.name }));
      return;
    }
    out.push(
      t(sheet.kind === 'tasks' ? 'sheetTaskList' : 'sheetKpiTable', {
        sheet: sheet.name,
        year: sheet.planYear,
        row: sheet.headerRow,
      }),
    );
    // Where the table was taken to end: a stray total or signature row that cut it short shows here.
    if (shown.extentText) append(out, wrap(shown.extentText, width, '  ', '    '));
    if (shown.resultColumnText) append(out, wrap(shown.resultColumnText, width, '  ', '    '));
    const counts = shown.counts;
    out.push(
      `  ${statusLabel('error', lang)}: ${counts.error} · ${statusLabel('warning', lang)}: ${counts.warning} · ` +
        `${statusLabel('info', lang)}: ${counts.info}`,
    );
    // Appended line by line: a spread of a 200,000-finding sheet's lines overflows the call stack.
    append(out, renderFindings(shown.groups, width));
    if (sheet.kind === 'kpis') append(out, renderKpis(shown.kpis, lang, width));
    append(out, renderAreas(shown, lang, width));
  });
  out.push('');
  out.push(conclusion(report, display.counts.error, lang));
  return out.join('\n') + '\n';
}

function append(out: string[], lines: readonly string[]): void {
  for (const l of lines) out.push(l);
}

/** "Kết luận: 2 lỗi cần sửa · 3 chỉ tiêu chưa đạt · 2 nhiệm vụ quá hạn.": what the officer must act on. */
function conclusion(report: Report, errors: number, lang: Lang): string {
  const t = cliWords(lang);
  let missed = 0;
  let overdue = 0;
  for (const s of report.sheets) {
    missed += s.summary.kpis.missed;
    overdue += s.summary.tasks.overdue;
  }
  const parts = [errors ? t('conclusionErrors', { n: errors }) : t('conclusionNoErrors')];
  if (missed) parts.push(t('conclusionMissed', { n: missed }));
  if (overdue) parts.push(t('conclusionOverdue', { n: overdue }));
  return t('conclusion', { parts: parts.join(' · ') });
}

function renderFindings(groups: FindingGroup[], width: number): string[] {
  const out: string[] = [];
  for (const g of groups) {
    out.push(...wrap(`[${g.severityLabel}] ${g.title} (${g.code}): ${g.items.length}`, width, '  ', '    '));
    // A long target quoted in a message wraps under the message, not under the cell.
    for (const f of g.items)
      out.push(...wrap(f.message, width, `      ${(f.cell || '-').padEnd(6)} `, ' '.repeat(13)));
  }
  return out;
}

/**
 * Text broken at spaces into lines of at most `width` characters: the first line after `first`, the others
 * after `rest`. A word longer than a line is cut where the line ends.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const size = (s: string) => [...s].length;
  const lines: string[] = [];
  let prefix = first;
  let words: string[] = [];
  let used = 0;
  // Never narrower than 20 columns, whatever the terminal says.
  const room = () => Math.max(20, width - size(prefix));
  const flush = () => {
    lines.push((prefix + words.join(' ')).trimEnd());
    prefix = rest;
    words = [];
    used = 0;
  };
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (words.length && used + 1 + size(word) > room()) flush();
    while (size(word) > room()) {
      const chars = [...word];
      words.push(chars.slice(0, room()).join(''));
      word = chars.slice(room()).join('');
      flush();
    }
    if (!word) continue;
    used += (words.length ? 1 : 0) + size(word);
    words.push(word);
  }
  if (words.length || lines.length === 0) flush();
  return lines;
}

function renderKpis(kpis: KpiRow[], lang: Lang, width: number): string[] {
  if (kpis.length === 0) return [];
  const t = cliWords(lang);
  const rows = kpis.map((k) => [
    k.number,
    clip(k.indicator, 48),
    k.targets || '-',
    k.result || '-',
    k.statusLabel,
  ]);
  const head = [t('kpiColNo'), t('kpiColIndicator'), t('kpiColTarget'), t('kpiColResult'), t('kpiColStatus')];
  const out = ['', `  ${t('kpiHeading')}:`];
  append(
    out,
    table([head].concat(rows), width - 4).map((l) => `    ${l}`),
  );
  return out;
}

function renderAreas(sheet: SheetDisplay, lang: Lang, width: number): string[] {
  // A blank appendix: its one finding says so; a table of zeros would say nothing more.
  if (sheet.blank) return [];
  const t = cliWords(lang);
  const out: string[] = ['', `  ${t('areaHeading')}:`];
  if (sheet.kind === 'tasks') {
    const rows = sheet.taskAreas.flatMap((a) => [
      [a.area, clip(a.name, 48), String(a.tasks), String(a.done), String(a.overdue)],
      ...a.groups.map((g) => [
        GROUP_INDENT + g.number,
        clip(g.name, 48),
        String(g.tasks),
        String(g.done),
        String(g.overdue),
      ]),
    ]);
    const head = [
      t('areaColArea'),
      t('areaColName'),
      t('areaColTasks'),
      t('areaColDone'),
      t('areaColOverdue'),
    ];
    out.push(...table([head, ...rows], width - 4).map((l) => `    ${l}`));
    const s = sheet.taskTotals;
    out.push(
      ...wrap(
        `${t('areaTaskTotal', { n: s.total })} · ${statusLabel('done', lang)} ${s.done} · ` +
          `${statusLabel('overdue', lang)} ${s.overdue} · ${statusLabel('pending', lang)} ${s.pending} · ` +
          `${statusLabel('ongoing', lang)} ${s.ongoing}`,
        width,
        '  ',
        '    ',
      ),
    );
  } else {
    const counts = (k: KpiAreaRow | KpiGroupRow) => [
      String(k.total),
      String(k.met),
      String(k.missed),
      String(k.noData),
      String(k.unmeasurable),
    ];
    const rows = sheet.kpiAreas.flatMap((a) => [
      [a.area, clip(a.name, 40), ...counts(a)],
      ...a.groups.map((g) => [GROUP_INDENT + g.number, clip(g.name, 40), ...counts(g)]),
    ]);
    const head = [
      t('areaColGroup'),
      t('areaColName'),
      t('areaColKpis'),
      statusLabel('met', lang),
      statusLabel('missed', lang),
      statusLabel('no-data', lang),
      statusLabel('unmeasurable', lang),
    ];
    out.push(...table([head, ...rows], width - 4).map((l) => `    ${l}`));
    const k = sheet.kpiTotals;
    out.push(
      ...wrap(
        `${t('areaKpiTotal', { n: k.total })} · ${statusLabel('met', lang)} ${k.met} · ` +
          `${statusLabel('missed', lang)} ${k.missed} · ${statusLabel('no-data', lang)} ${k.noData} · ` +
          `${statusLabel('unmeasurable', lang)} ${k.unmeasurable}`,
        width,
        '  ',
        '    ',
      ),
    );
  }
  return out;
}

/**
 * A sub-group's number is indented under its area's numeral ("I", then "  1", "  2"): the nesting shows, and the
 * name column, the one cut to fit the terminal, keeps all its room for the name.
 */
const GROUP_INDENT = '  ';

/** A file's path cut from the front, so the ward's folder and the file name stay: "…/phuong-5/phu-luc.xlsx". */
function clipPath(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : '…' + chars.slice(chars.length - width + 1).join('');
}

/** At most `width` characters, cut at the last space that fits (a word is not cut in the middle) and marked "…". */
function clip(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  const head = chars.slice(0, width - 1).join('');
  const space = head.lastIndexOf(' ');
  return (space > width / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–-]+$/, '') + '…';
}

/**
 * Left-aligned columns; widths count characters, not bytes, so Vietnamese text lines up. Wider than `width`, the
 * `flex` column (the names) gives up the difference, its cells cut between words.
 */
function table(rows: string[][], width = Infinity, flex = 1): string[] {
  const size = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, size(cell))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > width && widths[flex] !== undefined) {
    widths[flex] = Math.max(10, widths[flex] - (total - width));
    rows = rows.map((r) => r.map((cell, i) => (i === flex ? clip(cell, widths[flex]) : cell)));
  }
  return rows.map((r) =>
    r
      .map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i] - size(cell))))
      .join('  ')
      .trimEnd(),
  );
}

/** One checked file of a batch, or one that could not be read (its one-line reason already went to stderr). */
/** What the batch table says of one readable file: the report's counts, small enough to send from a worker. */
export interface BatchCounts {
  valid: boolean;
  hasTable: boolean;
  errors: number;
  warnings: number;
  overdue: number;
  tasks: number;
  missed: number;
  kpis: number;
}

export type BatchEntry = { file: string; counts: BatchCounts } | { file: string; unreadable: true };

/** The batch table's figures of one report (the worker computes them for --format summary, not the report). */
export function batchCounts(report: Report, lang: Lang): BatchCounts {
  const counts = reportDisplay(report, lang).counts;
  const out: BatchCounts = {
    valid: report.valid,
    hasTable: report.sheets.some((s) => s.kind !== 'none'),
    errors: counts.error,
    warnings: counts.warning,
    overdue: 0,
    tasks: 0,
    missed: 0,
    kpis: 0,
  };
  for (const s of report.sheets) {
    out.overdue += s.summary.tasks.overdue;
    out.tasks += s.summary.tasks.total;
    out.missed += s.summary.kpis.missed;
    out.kpis += s.summary.kpis.total;
  }
  return out;
}

/**
 * One line per file, for a province office checking many wards' files at once: errors and warnings, tasks
 * overdue, KPIs missed, and the verdict. Totals over the readable files close the table.
 */
export function renderBatchSummary(entries: readonly BatchEntry[], lang: Lang): string {
  const t = cliWords(lang);
  const head = [
    t('batchColFile'),
    t('batchColErrors'),
    t('batchColWarnings'),
    t('batchColOverdue'),
    t('batchColMissed'),
    t('batchColResult'),
  ];
  const rows: string[][] = [];
  const sum = { files: 0, valid: 0, errors: 0, warnings: 0, overdue: 0, tasks: 0, missed: 0, kpis: 0 };
  for (const entry of entries) {
    if (!('counts' in entry)) {
      rows.push([clipPath(oneLine(entry.file), 48), '-', '-', '-', '-', t('batchUnreadable')]);
      continue;
    }
    const { overdue, tasks, missed, kpis, ...c } = entry.counts;
    const verdict = c.hasTable ? (c.valid ? t('batchNoErrors') : t('batchErrors')) : t('batchNoTable');
    rows.push([
      clipPath(oneLine(entry.file), 48),
      String(c.errors),
      String(c.warnings),
      tasks ? `${overdue}/${tasks}` : '-',
      kpis ? `${missed}/${kpis}` : '-',
      verdict,
    ]);
    sum.files++;
    if (c.valid) sum.valid++;
    sum.errors += c.errors;
    sum.warnings += c.warnings;
    sum.overdue += overdue;
    sum.tasks += tasks;
    sum.missed += missed;
    sum.kpis += kpis;
  }
  const unreadable = entries.length - sum.files;
  return (
    [
      t('batchHeading', { n: entries.length }),
      ...table([head, ...rows]).map((l) => `  ${l}`),
      t('batchTotals', { ...sum }) +
        (unreadable ? ` · ${t('batchTotalsUnreadable', { n: unreadable })}` : ''),
    ].join('\n') + '\n'
  );
}
