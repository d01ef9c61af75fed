/**
 * Highlights in Sheets: conditional-format rules that the add-on owns, one per kind, each over all its cells
 * (adjacent cells joined into ranges). A rule is ours when its custom formula is HIGHLIGHT_MARKER, a formula no
 * user writes, so checking again replaces ours, clearing removes exactly ours, and the user's own rules, values
 * and fills are never touched. Two calls per sheet: get the rules, set them.
 */
import { groupHighlights } from '../../../shared/src/hosts/highlightRanges';
import { HIGHLIGHT_FILLS, HIGHLIGHT_MARKER, isHighlightMarker } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import { sheetNamed } from './errors';

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
  const sheet = sheetNamed(SpreadsheetApp.getActiveSpreadsheet(), sheetName);
  const theirs = sheet.getConditionalFormatRules().filter((r) => !isOurs(r));
  sheet.setConditionalFormatRules([
    ...ourRules(sheet, Array.isArray(highlights) ? highlights : []),
    ...theirs,
  ]);
}

/** Removes the add-on's rules from one sheet, or from every sheet; returns how many. */
export function clearHighlights(sheetName?: string | null): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = typeof sheetName === 'string' ? [sheetNamed(ss, sheetName)] : ss.getSheets();
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
