/**
 * Highlights in Sheets: conditional-format rules that the add-on owns, one per kind, each over all its cells
 * (adjacent cells joined into ranges). A rule is ours when its custom formula is HIGHLIGHT_MARKER, a formula no
 * user writes, so checking again replaces ours, clearing removes exactly ours, and the user's own rules, values
 * and fills are never touched. At most two calls per sheet: get the rules, set them.
 */
import { groupHighlights } from '../../../shared/src/hosts/highlightRanges';
import { HIGHLIGHT_FILLS, HIGHLIGHT_MARKER, isHighlightMarker } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import { serverError, sheetNamed } from './errors';

export { HIGHLIGHT_MARKER };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function isOurs(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  return (
    condition !== null &&
    condition.getCriteriaType() === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA &&
    isHighlightMarker(condition.getCriteriaValues()[0])
  );
}

/** Our rules first, so they show over the user's on the cells both cover; the user's keep their order. */
function ourRules(sheet: Sheet, highlights: readonly Highlight[]): Rule[] {
  const name = sheet.getName();
  // One rule per kind: its ranges are every rectangle of that kind (no address-length limit applies here).
  return groupHighlights(
    highlights.filter((h) => h.sheet === name),
    Number.MAX_SAFE_INTEGER,
  ).map((group) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(HIGHLIGHT_MARKER)
      .setBackground(HIGHLIGHT_FILLS[group.kind])
      .setRanges(sheet.getRangeList(group.addresses.join(',').split(',')).getRanges())
      .build(),
  );
}

export function applyHighlights(sheetName: string, highlights: Highlight[]): void {
  applyWorkbookHighlights([sheetName], highlights);
}

/**
 * Replaces ours on each named sheet with the highlights on it (none: ours removed), two calls per sheet. Every
 * name is looked up before anything is written, so a sheet renamed since the check changes nothing at all.
 */
export function applyWorkbookHighlights(sheetNames: string[], highlights: Highlight[]): void {
  if (!Array.isArray(sheetNames)) throw serverError('bad-argument', 'sheets');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = [...new Set(sheetNames)].map((name) => sheetNamed(ss, name));
  const list = Array.isArray(highlights) ? highlights : [];
  for (const sheet of sheets) {
    const rules = sheet.getConditionalFormatRules();
    const theirs = rules.filter((r) => !isOurs(r));
    const ours = ourRules(sheet, list);
    // Nothing of ours before or after: leave the sheet's rules unwritten.
    if (ours.length === 0 && theirs.length === rules.length) continue;
    sheet.setConditionalFormatRules([...ours, ...theirs]);
  }
}

/** Removes the add-on's rules from one sheet, or from every sheet; returns how many. */
export function clearHighlights(sheetName?: string | null): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // A chart on a sheet of its own holds no rules (and cannot be asked for them).
  const sheets =
    typeof sheetName === 'string'
      ? [sheetNamed(ss, sheetName)]
      : ss.getSheets().filter((s) => s.getType() === SpreadsheetApp.SheetType.GRID);
  let removed = 0;
  for (const sheet of sheets) {
    const rules = sheet.getConditionalFormatRules();
    const theirs = rules.filter((r) => !isOurs(r));
    if (theirs.length === rules.length) continue;
    removed += rules.length - theirs.length;
    sheet.setConditionalFormatRules(theirs);
  }
  return removed;
}
