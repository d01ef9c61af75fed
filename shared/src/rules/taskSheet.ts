import { taskStatus } from '../attainment/taskStatus';
import { parseDeadline } from '../deadlines/parseDeadline';
import { isDoneProgress } from '../deadlines/progress';
import type { Task } from '../report/schema';
import { normalizeText } from '../text/normalize';
import { areaKey, checkAreas } from './areaRules';
import { checkNumbering, scopeByArea, type NumberedRow } from './numbering';
import {
  groupOf,
  reportIfBlank,
  requireColumns,
  type AreaRef,
  type GroupRef,
  type SheetContext,
} from './sheetContext';

const NO_DEADLINE = Object.freeze({
  text: '',
  kind: 'unknown' as const,
  due: null,
  milestones: Object.freeze([]),
});

/** Reads the task rows of a task-list sheet and checks them. */
export function readTasks(ctx: SheetContext): { tasks: Task[]; areas: AreaRef[]; groups: GroupRef[] } {
  const { view, model, findings, planYear, asOf } = ctx;
  const cols = model.columns;
  requireColumns(ctx, ['task', 'lead', 'deadline']);
  const progressColumn = cols.progress ?? cols.result;

  const tasks: Task[] = [];
  const areas: AreaRef[] = [];
  const groups: GroupRef[] = [];
  const areaEntries = model.entries.filter((e) => e.type === 'area');
  const numbered: NumberedRow[] = [];
  const firstWithText = new Map<string, number>();
  let currentArea: string | null = null;
  let currentGroup: string | null = null;
  // One object for every finding: the date is worded when the message is.
  const asOfParam = { date: asOf };

  for (const entry of model.entries) {
    if (entry.type === 'area') {
      currentArea = areaKey(entry);
      currentGroup = null;
      areas.push({ area: currentArea, name: entry.name });
      continue;
    }
    if (entry.type === 'total') continue;
    if (entry.type === 'group') {
      // A heading over its tasks: numbered with them, counted apart, never a task itself.
      currentGroup = entry.number;
      groups.push({
        area: currentArea,
        number: entry.number!,
        name: normalizeText(entry.text),
        row: entry.row,
      });
      numbered.push({
        row: entry.row,
        column: entry.numberColumn,
        number: entry.number!,
        scope: currentArea ?? '',
      });
      continue;
    }
    currentGroup = groupOf(currentGroup, entry.number);

    const row = entry.row;
    const text = normalizeText(entry.text);
    const lead = cols.lead === undefined ? '' : normalizeText(view.text(row, cols.lead));
    const deadlineCell = cols.deadline === undefined ? null : view.value(row, cols.deadline);
    // Rows with the same phrase share one frozen result: no copy per row.
    const parsed =
      cols.deadline === undefined
        ? NO_DEADLINE
        : parseDeadline(deadlineCell, planYear, view.format(row, cols.deadline));
    const deadline = parsed;
    const progressCell = progressColumn === undefined ? null : view.value(row, progressColumn);
    const progress = progressColumn === undefined ? '' : normalizeText(view.text(row, progressColumn));
    const done =
      progressColumn !== undefined && isDoneProgress(progressCell, view.format(row, progressColumn));

    reportIfBlank(ctx, row, 'task', text === '');
    reportIfBlank(ctx, row, 'lead', lead === '');
    reportIfBlank(ctx, row, 'deadline', parsed.text === '');
    if (cols.deadline !== undefined && parsed.text !== '') {
      if (parsed.kind === 'unknown') {
        findings.add('task/deadline-unparseable', row, cols.deadline, { text: parsed.text });
      } else if (parsed.due && Number(parsed.due.slice(0, 4)) !== planYear) {
        findings.add('task/deadline-out-of-year', row, cols.deadline, {
          due: { date: parsed.due },
          year: planYear,
        });
      }
    }
    const status = taskStatus(deadline, done, asOf);
    if (status === 'overdue' && cols.deadline !== undefined && parsed.due) {
      findings.add('task/overdue', row, cols.deadline, { due: { date: parsed.due }, asOf: asOfParam });
    }

    if (text) {
      // Normalised text, compared as it stands: copies of a row are identical, and lower-casing every
      // Vietnamese task text would cost more than the rest of the row.
      const first = firstWithText.get(text);
      if (first === undefined) firstWithText.set(text, row);
      else findings.add('row/duplicate', row, entry.textColumn, { first });
    }
    if (entry.number !== null) {
      numbered.push({ row, column: entry.numberColumn, number: entry.number, scope: currentArea ?? '' });
    } else if (model.numbered) {
      findings.add('row/number-missing', row, entry.textColumn);
    }

    const task: Task = {
      row,
      number: entry.number,
      area: currentArea,
      group: currentGroup,
      text,
      lead,
      deadline,
      progress,
      status,
    };
    if (cols.start !== undefined) {
      // The first dated milestone of the start cell: "01/03/2025", "Tháng 3", a date cell.
      const start = parseDeadline(view.value(row, cols.start), planYear, view.format(row, cols.start));
      task.start = start.milestones[0] ?? null;
    }
    tasks.push(task);
  }

  checkNumbering(scopeByArea(numbered), findings);

  for (const total of model.entries) {
    if (total.type !== 'total' || total.declared === null || total.declared === tasks.length) continue;
    findings.add('table/count-mismatch', total.row, total.column, {
      declared: total.declared,
      counted: tasks.length,
      noun: { noun: 'tasks' },
    });
  }
  // A table with no task yet is a blank appendix waiting to be filled: one note, as for a KPI table without
  // targets.
  if (tasks.length === 0)
    findings.add('task/tasks-not-set', model.headerRow, model.header.mainColumn ?? view.firstColumn);
  checkAreas(
    areaEntries,
    { row: model.headerRow, column: model.header.mainColumn ?? view.firstColumn },
    findings,
  );
  return { tasks, areas, groups };
}
