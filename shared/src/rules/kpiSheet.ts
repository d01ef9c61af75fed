import { scoreKpi } from '../attainment/kpiStatus';
import { parseActual } from '../targets/parseActual';
import { parseTargets } from '../targets/parseTarget';
import type { Kpi, Param, ResultColumn, Target } from '../report/schema';
import { matchAreaName } from '../table/areas';
import { columnLetters } from '../table/grid';
import type { ResultColumnInfo } from '../table/header';
import type { DataEntry, Entry } from '../table/readTable';
import { normalizeText } from '../text/normalize';
import { areaKey } from './areaRules';
import { checkNumbering, scopeByArea, type NumberedRow } from './numbering';
import { chooseResultColumn, earlierColumns, type ResultChoice } from './resultColumns';
import {
  reportIfBlank,
  requireColumns,
  type AreaRef,
  groupOf,
  type GroupRef,
  type SheetContext,
} from './sheetContext';

type RowEntry = DataEntry;
type AreaEntry = Extract<Entry, { type: 'area' }>;

interface Candidate {
  entry: RowEntry;
  target: string;
  hasActual: boolean;
}

type Item = Candidate | AreaEntry;

/**
 * Reads the indicators of a KPI sheet, tells group rows from indicators, checks them and scores attainment.
 * A group row has no target and either names an area or is followed by its children ("1" then "1.1", or
 * "7.2" then un-numbered indicators). With results for several periods, the column of the period being checked
 * is judged (resultColumns.ts).
 */
export function readKpis(ctx: SheetContext): {
  kpis: Kpi[];
  areas: AreaRef[];
  groups: GroupRef[];
  resultColumns: ResultColumn[];
  resultColumn: number | null;
} {
  const { view, model, findings } = ctx;
  const cols = model.columns;
  requireColumns(ctx, ['indicator', 'target']);
  const results = model.header.results;
  if (results.length === 0 && cols.target !== undefined) {
    findings.add('header/no-actual-column', model.headerRow, cols.target);
  }
  const choice = chooseResultColumn(results, ctx.asOf, ctx.planYear, ctx.cutoffs);
  reportChoice(ctx, choice);
  const earlier = earlierColumns(choice, results);
  // Letters once per table, not once per row.
  const usedLetters = choice.used ? columnLetters(choice.used.column - 1) : null;
  const fallbackLetters = choice.fallback ? columnLetters(choice.fallback.column - 1) : null;

  // Interleave area rows and candidates so that "next row" never looks past an area boundary.
  const items: Item[] = [];
  for (const e of model.entries) {
    if (e.type === 'area') items.push(e);
    else if (e.type === 'data' || e.type === 'group') {
      const target = cols.target === undefined ? '' : view.text(e.row, cols.target);
      let hasActual = false;
      for (let k = 0; k < results.length && !hasActual; k++)
        hasActual = !view.isEmpty(e.row, results[k].column);
      items.push({ entry: e, target, hasActual });
    }
  }
  const hasAreaRows = items.some((i) => 'type' in i);
  // A table where no indicator has a target yet is a blank appendix waiting to be filled, not a table of
  // defects: one note instead of an error per row.
  const candidates = items.filter((i): i is Candidate => !('type' in i));
  const noTargetsYet =
    cols.target !== undefined &&
    candidates.length > 0 &&
    candidates.every((c) => c.target === '' && !c.hasActual);
  if (noTargetsYet) findings.add('kpi/targets-not-set', model.headerRow, cols.target!);

  const kpis: Kpi[] = [];
  const areas: AreaRef[] = [];
  const groups: GroupRef[] = [];
  const numbered: NumberedRow[] = [];
  const firstWithText = new Map<string, number>();
  let area: string | null = null;
  let group: string | null = null;
  let underGroup = false;

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ('type' in item) {
      area = areaKey(item);
      areas.push({ area, name: item.name });
      underGroup = false;
      group = null;
      continue;
    }
    const { entry, target } = item;
    const number = entry.number;
    const text = normalizeText(entry.text);
    if (number !== null)
      numbered.push({
        row: entry.row,
        column: entry.numberColumn,
        number,
        scope: hasAreaRows ? (area ?? '') : '',
      });
    // Without area rows, the top-level rows ("1 | Công tác chỉ đạo, điều hành") are the areas.
    const actsAsArea = !hasAreaRows && number !== null && !number.includes('.');
    if (actsAsArea) {
      area = number;
      group = null;
      areas.push({ area, name: text });
    }

    if (!noTargetsYet && (entry.type === 'group' || isGroup(items, i))) {
      underGroup = true;
      if (!actsAsArea && number !== null) {
        group = number;
        groups.push({ area, number, name: text, row: entry.row });
      }
      continue;
    }
    group = groupOf(group, number);
    if (number === null && !underGroup && model.numbered) {
      findings.add('row/number-missing', entry.row, entry.textColumn);
    }
    if (number !== null) underGroup = false;

    reportIfBlank(ctx, entry.row, 'indicator', text === '');
    reportIfBlank(ctx, entry.row, 'target', target === '' && !noTargetsYet);
    if (text) {
      const first = firstWithText.get(text);
      if (first === undefined) firstWithText.set(text, entry.row);
      else findings.add('row/duplicate', entry.row, entry.textColumn, { first });
    }

    const parsed = parseTargets(target);
    const targetColumn = cols.target;
    if (target && parsed.targets.length === 0 && targetColumn !== undefined) {
      const code = parsed.qualitative ? 'kpi/target-unmeasurable' : 'kpi/target-unparseable';
      findings.add(code, entry.row, targetColumn, { text: normalizeText(target) });
    }
    // The estimate of the same period stands in where the final figure is not written yet.
    let source = choice.used;
    if (source && choice.fallback && view.isEmpty(entry.row, source.column)) {
      if (!view.isEmpty(entry.row, choice.fallback.column)) source = choice.fallback;
    }
    const column = source?.column;
    const letters = source === choice.used ? usedLetters : fallbackLetters;
    const score = scoreResult(ctx, entry.row, parsed.targets, column, letters, source?.estimate ?? false);
    if (source && earlier.length > 0 && view.isEmpty(entry.row, source.column)) {
      reportEarlierFigure(ctx, entry.row, source, earlier);
    }
    kpis.push({
      row: entry.row,
      number,
      area,
      group,
      indicator: text,
      targets: parsed.targets,
      actual: score.actuals.length > 0 ? score.actuals[0] : null,
      actuals: score.actuals,
      status: score.status,
      resultColumn: letters,
      estimate: source?.estimate ?? false,
    });
  }
  checkNumbering(scopeByArea(numbered), findings);
  const resultColumns: ResultColumn[] = results.map((rc) => ({
    column: columnLetters(rc.column - 1),
    heading: normalizeText(rc.heading),
    period: rc.period,
    month: rc.month,
    estimate: rc.estimate,
    used: rc === choice.used || rc === choice.fallback,
  }));
  return { kpis, areas, groups, resultColumns, resultColumn: choice.used?.column ?? null };
}

/** With several result columns, one note at the header says which is judged and which others there are. */
function reportChoice(ctx: SheetContext, choice: ResultChoice): void {
  const { model, findings } = ctx;
  const results = model.header.results;
  if (results.length <= 1) return;
  const name = (rc: ResultColumnInfo) => `${columnLetters(rc.column - 1)} "${normalizeText(rc.heading)}"`;
  const others = results
    .filter((rc) => rc !== choice.used && rc !== choice.fallback)
    .map(name)
    .join(', ');
  const used = choice.used;
  const cutoff = used ? choice.cutoffs.get(used.column) : undefined;
  findings.add('kpi/period-column', model.headerRow, used?.column ?? results[0].column, {
    column: used ? columnLetters(used.column - 1) : '',
    heading: used ? normalizeText(used.heading) : '',
    cutoff: cutoff ? { date: cutoff } : '',
    estimate: choice.fallback ? columnLetters(choice.fallback.column - 1) : '',
    others,
    asOf: { date: ctx.asOf },
  });
}

/** A blank cell for the period being checked, while an earlier period's column holds a figure. */
function reportEarlierFigure(
  ctx: SheetContext,
  row: number,
  source: ResultColumnInfo,
  earlier: readonly ResultColumnInfo[],
): void {
  const { view, findings } = ctx;
  const previous = earlier.find((rc) => !view.isEmpty(row, rc.column));
  if (!previous) return;
  findings.add('kpi/no-data-for-period', row, source.column, {
    heading: normalizeText(source.heading),
    column: columnLetters(source.column - 1),
    previous: shownFigure(ctx, row, previous.column),
    previousColumn: columnLetters(previous.column - 1),
    previousHeading: normalizeText(previous.heading),
  });
}

/** A figure as the cell shows it: 0.85 in a "0%" cell is "85%", "12/15 hồ sơ" stays as written. */
function shownFigure(ctx: SheetContext, row: number, column: number): Param {
  const { view } = ctx;
  const value = view.value(row, column);
  if (typeof value === 'number') {
    const reading = parseActual(value, view.format(row, column));
    if (reading.kind === 'values')
      return { quantities: reading.values.map((v) => ({ value: v.value, unit: v.unit ?? '' })) };
  }
  return normalizeText(view.text(row, column));
}

function isGroup(items: Item[], i: number): boolean {
  const item = items[i] as Candidate;
  if (item.target !== '' || item.hasActual) return false;
  const number = item.entry.number;
  const next = items[i + 1];
  if (next && !('type' in next)) {
    const nextNumber = next.entry.number;
    if (number !== null && nextNumber !== null && nextNumber.startsWith(number + '.')) return true;
    if (number !== null && nextNumber === null && next.target !== '') return true;
  }
  return number !== null && !number.includes('.') && matchAreaName(item.entry.text) !== null;
}

/** Reads the result cell, scores it and reports what keeps it from being scored or shows it falls short. */
function scoreResult(
  ctx: SheetContext,
  row: number,
  targets: readonly Readonly<Target>[],
  column: number | undefined,
  letters: string | null,
  estimate: boolean,
) {
  const { view, findings } = ctx;
  const reading =
    column === undefined ? null : parseActual(view.value(row, column), view.format(row, column));
  const score = scoreKpi(targets, reading);
  if (column === undefined) return score;
  const text = normalizeText(view.text(row, column));
  if (score.problem === 'unparseable' || score.problem === 'unit-mismatch') {
    findings.add('kpi/actual-unparseable', row, column, { text });
  } else if (score.problem === 'zero-denominator') {
    findings.add('kpi/actual-zero-denominator', row, column, { text });
  } else if (score.problem === 'count-mismatch') {
    findings.add('kpi/actual-count-mismatch', row, column, {
      targets: targets.length,
      actuals: score.actuals.length,
    });
  }
  for (const value of score.outOfRange) {
    findings.add('kpi/actual-out-of-range', row, column, { actual: { number: value } });
  }
  if (score.missed.length > 0) {
    findings.add('kpi/target-missed', row, column, {
      actual: { quantities: score.missed.map((m) => ({ value: m.actual, unit: m.target.unit })) },
      target: {
        targets: score.missed.map(({ target: t }) => ({
          text: t.text,
          op: t.op,
          value: t.value,
          unit: t.unit,
        })),
      },
      estimate: estimate ? 1 : 0,
      column: letters ?? '',
    });
  }
  return score;
}
