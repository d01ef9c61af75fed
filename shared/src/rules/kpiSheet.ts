import { scoreKpi } from '../attainment/kpiStatus';
import { formatNumber, formatQuantity, formatTarget } from '../report/messages';
import { parseActual } from '../targets/parseActual';
import { parseTargets } from '../targets/parseTarget';
import type { Kpi, Target } from '../report/schema';
import { matchAreaName } from '../table/areas';
import type { Entry } from '../table/readTable';
import { normalizeText } from '../text/normalize';
import { areaKey } from './areaRules';
import { checkNumbering, scopeByArea, type NumberedRow } from './numbering';
import { reportIfBlank, requireColumns, type AreaRef, type SheetContext } from './sheetContext';

type DataEntry = Extract<Entry, { type: 'data' }>;

interface Candidate {
  entry: DataEntry;
  target: string;
  hasActual: boolean;
}

/**
 * Reads the indicators of a KPI sheet, tells group rows from indicators, checks them and scores attainment.
 * A group row has no target and either names an area or is followed by its children ("1" then "1.1", or
 * "7.2" then un-numbered indicators).
 */
export function readKpis(ctx: SheetContext): { kpis: Kpi[]; areas: AreaRef[] } {
  const { view, model, findings } = ctx;
  const cols = model.columns;
  requireColumns(ctx, ['indicator', 'target']);
  const actualColumn = cols.result;
  if (actualColumn === undefined && cols.target !== undefined) {
    findings.add('header/no-actual-column', model.headerRow, cols.target);
  }

  // Interleave area rows and candidates so that "next row" never looks past an area boundary.
  const items: (Candidate | Extract<Entry, { type: 'area' }>)[] = [];
  for (const e of model.entries) {
    if (e.type === 'area') items.push(e);
    else if (e.type === 'data') {
      const target = cols.target === undefined ? '' : view.text(e.row, cols.target);
      const hasActual = actualColumn !== undefined && !view.isEmpty(e.row, actualColumn);
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
  const numbered: NumberedRow[] = [];
  const firstWithText = new Map<string, number>();
  let area: string | null = null;
  let underGroup = false;

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ('type' in item) {
      area = areaKey(item);
      areas.push({ area, name: item.name });
      underGroup = false;
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
    if (!hasAreaRows && number !== null && !number.includes('.')) {
      area = number;
      areas.push({ area, name: text });
    }

    if (!noTargetsYet && isGroup(items, i)) {
      underGroup = true;
      continue;
    }
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
    const score = scoreResult(ctx, entry.row, parsed.targets, actualColumn);
    kpis.push({
      row: entry.row,
      number,
      area,
      indicator: text,
      targets: parsed.targets,
      actual: score.actuals.length > 0 ? score.actuals[0] : null,
      actuals: score.actuals,
      status: score.status,
    });
  }
  checkNumbering(scopeByArea(numbered), findings);
  return { kpis, areas };
}

function isGroup(items: (Candidate | Extract<Entry, { type: 'area' }>)[], i: number): boolean {
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
) {
  const { view, findings, lang } = ctx;
  const reading =
    column === undefined ? null : parseActual(view.value(row, column), view.format(row, column));
  const score = scoreKpi(targets, reading);
  if (column === undefined) return score;
  const text = normalizeText(view.text(row, column));
  if (score.problem === 'unparseable' || score.problem === 'unit-mismatch') {
    findings.add('kpi/actual-unparseable', row, column, { text });
  } else if (score.problem === 'count-mismatch') {
    findings.add('kpi/actual-count-mismatch', row, column, {
      targets: targets.length,
      actuals: score.actuals.length,
    });
  }
  for (const value of score.outOfRange) {
    findings.add('kpi/actual-out-of-range', row, column, { actual: formatNumber(value, lang) });
  }
  if (score.missed.length > 0) {
    const shown = score.missed.map((m) => formatQuantity(m.actual, m.target.unit, lang)).join('; ');
    const wanted = score.missed.map((m) => formatTarget(m.target, lang)).join('; ');
    findings.add('kpi/target-missed', row, column, { actual: shown, target: wanted });
  }
  return score;
}
