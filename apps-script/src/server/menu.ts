/**
 * The add-on menu and the sidebar. onOpen runs before the user has authorised anything (AuthMode.NONE for an
 * add-on not yet used in this file), so it only builds the menu; every item that needs the spreadsheet opens the
 * sidebar, which does the work through google.script.run and shows the outcome in the one pane.
 */
import { t, type Key } from '../../../shared/ui/i18n';
import type { Lang } from '../../../shared/src/report/messages';
import { COMMAND_ATTRIBUTE, COMMANDS, type Command } from '../protocol';
import { clearHighlights } from './highlights';

/**
 * The menu's language: English when the user's Google account is set to English (the request for English that
 * a menu can see before the pane's own switch), Vietnamese otherwise and whenever the locale cannot be read.
 */
export function menuLang(): Lang {
  try {
    return /^en(?:[_-]|$)/i.test(Session.getActiveUserLocale()) ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const ITEMS: (readonly [Key, string] | null)[] = [
  ['menuOpen', 'showSidebar'],
  ['menuCheckAll', 'menuCheckAll'],
  ['menuCheck', 'menuCheck'],
  null,
  ['menuInsertTasks', 'menuInsertTasks'],
  ['menuInsertKpis', 'menuInsertKpis'],
  ['menuInsertUnits', 'menuInsertUnits'],
  null,
  ['menuClear', 'menuClearHighlights'],
];

export function buildMenu(): void {
  const lang = menuLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of ITEMS) {
    if (item) menu.addItem(t(lang, item[0]), item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** The sidebar page, told which command to run as it opens (only the known ones are ever written in). */
export function openSidebar(command: Command = ''): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar');
  const safe = COMMANDS.includes(command) ? command : '';
  page.setContent(page.getContent().replace(`${COMMAND_ATTRIBUTE}=""`, `${COMMAND_ATTRIBUTE}="${safe}"`));
  page.setTitle(t(menuLang(), 'appName'));
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The menu's "clear highlights": on the active sheet, at once, with a toast saying how many went. */
export function clearActiveSheet(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const n = clearHighlights(ss.getActiveSheet().getName());
  ss.toast(t(menuLang(), 'cleared', { n }), t(menuLang(), 'appName'), 5);
}
