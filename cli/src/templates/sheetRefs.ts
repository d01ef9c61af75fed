/** Sheet and range references as both workbook writers put them in defined names (print titles, areas). */

/** A sheet name quoted for a formula or a defined name: 'Tổng hợp', with a quote doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "A1:C3" → "$A$1:$C$3". */
export function absolute(range: string): string {
  return range
    .split(':')
    .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}
