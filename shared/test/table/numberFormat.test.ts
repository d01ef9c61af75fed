import { displayedDecimals, isDateFormat, isPercentFormat } from '../../src/table/numberFormat';

// Formats as Excel's range.numberFormat and exceljs give them, and as Sheets' getNumberFormats() does.
describe('number formats of both hosts', () => {
  it.each([
    ['General', false, false, null],
    ['@', false, false, null],
    ['0.###############', false, false, 15], // Sheets: a cell left on automatic
    ['0.0%', true, false, 1],
    ['0%', true, false, 0],
    ['0.00%', true, false, 2],
    ['#,##0', false, false, 0],
    ['#,##0.00', false, false, 2],
    ['dd/mm/yyyy', false, true, null], // Excel
    ['dd/MM/yyyy', false, true, null], // Sheets writes months in capitals
    ['d/M/yyyy', false, true, null],
    ['M/d/yyyy H:mm:ss', false, true, null], // Sheets: date-time
    ['yyyy-MM-dd', false, true, null],
    ['[$-42A]dd/mm/yyyy', false, true, null], // Excel with the Vietnamese locale
    ['d" tháng "M" năm "yyyy', false, true, null],
    ['[$₫]#,##0', false, false, 0], // Sheets currency: not a date despite the letters in brackets
  ])('%s', (format, percent, date, decimals) => {
    expect(isPercentFormat(format)).toBe(percent);
    expect(isDateFormat(format)).toBe(date);
    expect(displayedDecimals(format)).toBe(decimals);
  });
});
