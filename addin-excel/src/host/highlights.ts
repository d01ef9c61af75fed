/**
 * Highlights as conditional formats the add-in owns (HIGHLIGHT_MARKER): checking never changes a cell, the user's
 * values and own formatting stay untouched, and removing ours restores the sheet exactly. Two syncs for a sheet or
 * the whole workbook.
 */
import { HIGHLIGHT_FILLS, HIGHLIGHT_MARKER, isHighlightMarker } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import { groupHighlights } from '../../../shared/src/hosts/highlightRanges';

/** The core's marker formula, re-exported for the adapter's users and tests. */
export { HIGHLIGHT_MARKER };

const CF_LOAD = ['items/type', 'items/customOrNullObject/rule/formula'];

function isOurs(cf: Excel.ConditionalFormat): boolean {
  // customOrNullObject, not custom: reaching `custom` of another type fails the whole batch.
  return (
    cf.type === 'Custom' &&
    !cf.customOrNullObject.isNullObject &&
    isHighlightMarker(cf.customOrNullObject.rule.formula)
  );
}

function sheetFormats(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  // The whole sheet's range: its collection holds every conditional format of the sheet.
  const formats = sheet.getRange().conditionalFormats;
  formats.load(CF_LOAD);
  return formats;
}

/**
 * Replaces this sheet's highlights with the given ones (highlights of other sheets are ignored): one conditional
 * format per group of cells, filled in the shared colours. Two syncs. If Excel refuses part of the batch, what
 * was added is removed again before the error is rethrown, so a sheet is never left half highlighted.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  sheetName: string,
  highlights: Highlight[],
): Promise<void> {
  return applyWorkbookHighlights(context, [sheetName], highlights);
}

/**
 * Replaces the highlights of each named sheet with those of `highlights` on it (a sheet named with none is left
 * with none of ours; sheets not named are left alone). Two syncs whatever the number of sheets: every sheet's
 * conditional formats loaded together, then ours deleted and the new ones added in one batch. If Excel refuses
 * part of it, every highlight of ours on those sheets is removed before the error is rethrown, so no sheet is
 * left half highlighted.
 */
export async function applyWorkbookHighlights(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  highlights: Highlight[],
): Promise<void> {
  const names = [...new Set(sheetNames)];
  if (!names.length) return;
  const worksheets = context.workbook.worksheets;
  const sheets = names.map((name) => worksheets.getItem(name));
  const existing = sheets.map(sheetFormats);
  await context.sync();

  sheets.forEach((sheet, i) => {
    for (const cf of existing[i].items) if (isOurs(cf)) cf.delete();
    for (const group of groupHighlights(highlights.filter((h) => h.sheet === names[i]))) {
      for (const address of group.addresses) {
        const cf = sheet.getRanges(address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = HIGHLIGHT_MARKER;
        cf.custom.format.fill.color = HIGHLIGHT_FILLS[group.kind];
      }
    }
  });
  try {
    await context.sync();
  } catch (e) {
    // Best effort: the user sees the first error, not one from the clean-up.
    await removeOurs(
      context,
      names.map((name) => worksheets.getItem(name)),
    ).catch(() => undefined);
    throw e;
  }
}

/**
 * Removes the add-in's conditional formats from one sheet, or from every sheet; returns how many. Two syncs for
 * one sheet (one when there is nothing to remove); three for the whole workbook, as Office.js has no workbook-wide
 * collection of conditional formats and the sheets must be listed first.
 */
export async function clearHighlights(context: Excel.RequestContext, sheetName?: string): Promise<number> {
  const worksheets = context.workbook.worksheets;
  if (sheetName !== undefined) return removeOurs(context, [worksheets.getItem(sheetName)]);
  worksheets.load('items/name');
  await context.sync();
  return removeOurs(context, worksheets.items);
}

/** Deletes every conditional format of ours on these sheets: one sync to load them, one to delete if any. */
async function removeOurs(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<number> {
  const collections = sheets.map(sheetFormats);
  await context.sync();
  let removed = 0;
  for (const formats of collections) {
    for (const cf of formats.items) {
      if (!isOurs(cf)) continue;
      cf.delete();
      removed++;
    }
  }
  if (removed) await context.sync();
  return removed;
}
