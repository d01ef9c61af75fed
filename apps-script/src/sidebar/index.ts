/**
 * The Sheets sidebar's entry: the shared pane over the google.script.run Workbook. A menu item that opened the
 * sidebar left its command on <body> (see ../server/menu.ts); it runs once the pane is ready.
 */
// First: see shared/ui/noEval.ts.
import '../../../shared/ui/noEval';
import { isoDay } from '../../../shared/src/hosts/checkForm';
import { Pane } from '../../../shared/ui/controller';
import { COMMAND_ATTRIBUTE, type Command } from '../protocol';
import { scriptRunCall, type ScriptRun } from './scriptRun';
import { sheetsWorkbook } from './sheetsWorkbook';

declare const google: { script?: { run?: ScriptRun } } | undefined;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const run = typeof google !== 'undefined' ? google?.script?.run : undefined;

if (!run) {
  // Opened outside Sheets (the file on its own): nothing to talk to. The buttons stay disabled.
  new Pane({
    document,
    workbook: sheetsWorkbook(() => Promise.reject(new Error('no google.script.run'))),
    today: () => isoDay(new Date()),
  }).unavailable('sheetsMissing');
} else {
  const pane = new Pane({
    document,
    workbook: sheetsWorkbook(scriptRunCall(run)),
    today: () => isoDay(new Date()),
    storage: storage(),
  });
  pane.start();
  const command = (document.body.getAttribute(COMMAND_ATTRIBUTE) ?? '') as Command;
  if (command === 'check') void pane.commandValidate();
  else if (command === 'check-all') void pane.commandValidate(undefined, 'workbook');
  else if (command.startsWith('insert:'))
    void pane.commandInsert(command.slice('insert:'.length) as 'tasks' | 'kpis' | 'units');
}
