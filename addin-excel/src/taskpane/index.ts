/**
 * The task pane's entry. The add-in uses a shared runtime: this page also serves the ribbon's commands, so the
 * actions are registered here, inside Office.onReady, and work while the pane is closed.
 */
// First: see shared/ui/noEval.ts.
import '../../../shared/ui/noEval';
import { isoDay } from '../../../shared/src/hosts/checkForm';
import type { TemplateChoice } from '../../../shared/src/hosts/checkForm';
import { Pane } from '../../../shared/ui/controller';
import { excelWorkbook } from './excelWorkbook';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const pane = new Pane({
  document,
  workbook: excelWorkbook(),
  today: () => isoDay(new Date()),
  storage: storage(),
  showPane: () => Office.addin.showAsTaskpane(),
});

type CommandEvent = { completed(): void };

const RIBBON_TEMPLATES: Record<string, TemplateChoice> = {
  insertTasks: 'tasks',
  insertKpis: 'kpis',
  insertUnits: 'units',
};

if (typeof Office === 'undefined') {
  pane.unavailable('officeMissing');
} else {
  void Office.onReady((info) => {
    Office.actions.associate('validateSheet', (event?: CommandEvent) => void pane.commandValidate(event));
    for (const [action, kind] of Object.entries(RIBBON_TEMPLATES)) {
      Office.actions.associate(action, (event?: CommandEvent) => void pane.commandInsert(kind, event));
    }
    // Outside Excel (the page opened in a plain browser) there is no workbook to check.
    if (String(info.host) !== 'Excel') pane.unavailable('notInExcel');
    else pane.start();
  });
}
