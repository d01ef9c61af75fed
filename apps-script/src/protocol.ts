/**
 * What the Sheets sidebar and the Apps Script server say to each other: the server functions the sidebar calls
 * through google.script.run, the menu functions, and the commands a menu item hands to the sidebar it opens.
 * One list, so the build, the sidebar and the tests cannot disagree on a name.
 */
import type { TemplateChoice } from '../../shared/src/hosts/checkForm';

/** Called by the sidebar through google.script.run. */
export const RPC_FUNCTIONS = [
  'readSheet',
  'readWorkbook',
  'applyHighlights',
  'applyWorkbookHighlights',
  'clearHighlights',
  'activeSheetName',
  'insertTemplate',
  'selectCell',
] as const;

/** Named in the add-on menu (and onOpen/onInstall, which Sheets calls itself). */
export const MENU_FUNCTIONS = [
  'showSidebar',
  'menuCheckAll',
  'menuCheck',
  'menuInsertTasks',
  'menuInsertKpis',
  'menuInsertUnits',
  'menuClearHighlights',
] as const;

export type RpcFunction = (typeof RPC_FUNCTIONS)[number];

/** What the sidebar does as it opens, when a menu item opened it. */
export type Command = '' | 'check' | 'check-all' | `insert:${Exclude<TemplateChoice, 'all'>}`;

export const COMMANDS: readonly Command[] = [
  '',
  'check',
  'check-all',
  'insert:tasks',
  'insert:kpis',
  'insert:units',
];

/** The attribute of sidebar.html's <body> that carries the command: the server fills it in as it serves the page. */
export const COMMAND_ATTRIBUTE = 'data-command';

/**
 * Errors the server throws on purpose start with this and a code, so the sidebar can word them in the user's
 * language ("CCHC:sheet-missing Nhiệm vụ"); anything else is an error of Apps Script itself.
 */
export const ERROR_PREFIX = 'CCHC:';
export type ServerErrorCode = 'sheet-missing' | 'bad-argument';
