/**
 * The Apps Script server: the only code of the Sheets add-on that calls Apps Script services. Every export of
 * this module becomes a top-level function of Code.js (webpack.config.js writes one per export), which is what
 * the menu and google.script.run can call. Checking itself runs in the sidebar, as in the Excel pane; the server
 * reads and writes in batches.
 */
import type { PackedGrid } from '../../../shared/src/hosts/gridTransfer';
import type { Highlight } from '../../../shared/src/report/schema';
import type { TemplateWorkbook } from '../../../shared/src/templates/schema';
import type { Scope } from '../../../shared/ui/workbook';
import { sheetNamed } from './errors';
import * as highlights from './highlights';
import { buildMenu, clearActiveSheet, openSidebar } from './menu';
import { readActiveSheet, readAllSheets } from './read';
import * as templates from './templates';

// ---- triggers and menu items ----

/** Sheets calls it as the file opens (without authorisation for an add-on not yet used in this file). */
export function onOpen(_e?: unknown): void {
  buildMenu();
}

/** Called once when the add-on is installed: the file is already open, so build the menu now. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  openSidebar('');
}

export function menuCheckAll(): void {
  openSidebar('check-all');
}

export function menuCheck(): void {
  openSidebar('check');
}

export function menuInsertTasks(): void {
  openSidebar('insert:tasks');
}

export function menuInsertKpis(): void {
  openSidebar('insert:kpis');
}

export function menuInsertUnits(): void {
  openSidebar('insert:units');
}

export function menuClearHighlights(): void {
  clearActiveSheet();
}

// ---- called by the sidebar through google.script.run (see ../protocol.ts) ----

export function readSheet(scope: Scope): PackedGrid {
  return readActiveSheet(scope === 'selection' ? 'selection' : 'sheet');
}

export function readWorkbook(): PackedGrid[] {
  return readAllSheets();
}

export function applyHighlights(sheetName: string, list: Highlight[]): void {
  highlights.applyHighlights(sheetName, list);
}

export function applyWorkbookHighlights(sheetNames: string[], list: Highlight[]): void {
  highlights.applyWorkbookHighlights(sheetNames, list);
}

export function clearHighlights(sheetName: string | null): number {
  return highlights.clearHighlights(sheetName);
}

export function activeSheetName(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
}

export function insertTemplate(template: TemplateWorkbook): string[] {
  return templates.insertTemplate(template);
}

export function selectCell(sheetName: string, cell: string): void {
  const sheet = sheetNamed(SpreadsheetApp.getActiveSpreadsheet(), sheetName);
  sheet.activate();
  sheet.getRange(String(cell)).activate();
}
