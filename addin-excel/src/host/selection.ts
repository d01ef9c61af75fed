/** Navigation: a finding's cell shown on its sheet. */

/** Shows a finding's cell: activates its sheet and selects the cell (the sheet alone when the cell is blank). */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  if (cell) sheet.getRange(cell).select();
  await context.sync();
}
