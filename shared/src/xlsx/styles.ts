/**
 * The number format of each cell style: styles.xml's `<cellXfs>` give each style a numFmtId, which is a custom
 * `<numFmt>` of the file or one of Excel's built-in ids (those are never written into the file).
 */
import { isDateFormat } from '../table/numberFormat';
import { CLOSE, END, OPEN, XmlScanner } from './read/scanner';

export interface StyleTable {
  /** Per cell style (the `s` of a cell): its number format, null for General. */
  formats: (string | null)[];
  /** Per cell style: whether its format shows a date (so a 1904 workbook's serials need shifting). */
  dates: boolean[];
}

/** The date code given to the CJK-locale date ids: any date code does, the core only asks "is it a date?". */
const CJK_DATE = 'yyyy-mm-dd';

/**
 * Excel's built-in formats, as Excel itself writes them when asked for the code. Ids 5–8 and 41–44 (currency,
 * accounting) depend on the locale and stay General, as exceljs left them. The CJK ids are dates in every East
 * Asian locale, and WPS Office writes them for dates typed on a Chinese system.
 */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: CJK_DATE,
  28: CJK_DATE,
  29: CJK_DATE,
  30: CJK_DATE,
  31: CJK_DATE,
  36: CJK_DATE,
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: CJK_DATE,
  51: CJK_DATE,
  52: CJK_DATE,
  53: CJK_DATE,
  54: CJK_DATE,
  55: CJK_DATE,
  56: CJK_DATE,
  57: CJK_DATE,
  58: CJK_DATE,
};

const NONE = 0;
const NUM_FMTS = 1;
const CELL_XFS = 2;

export const NO_STYLES: StyleTable = { formats: [], dates: [] };

export function parseStyles(bytes: Uint8Array | undefined, part: string): StyleTable {
  if (!bytes) return NO_STYLES;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  /** The direct child of <styleSheet> we are in: numFmts and cellXfs only (dxfs also hold <numFmt>s). */
  let section = NONE;
  const x = new XmlScanner(bytes, part, false);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token === CLOSE) {
      if (x.depth === 2) section = NONE;
      continue;
    }
    if (token !== OPEN) continue;
    if (x.depth === 2) section = x.isLocal('numFmts') ? NUM_FMTS : x.isLocal('cellXfs') ? CELL_XFS : NONE;
    else if (x.depth !== 3) continue;
    else if (section === NUM_FMTS && x.isLocal('numFmt')) {
      const id = toId(x.valueOf('numFmtId'));
      const code = x.valueOf('formatCode');
      if (id >= 0 && code !== undefined) custom.set(id, code);
    } else if (section === CELL_XFS && x.isLocal('xf')) ids.push(Math.max(0, toId(x.valueOf('numFmtId'))));
  }
  const formats = ids.map((id) => formatCode(id, custom));
  return { formats, dates: formats.map((f) => isDateFormat(f)) };
}

function formatCode(id: number, custom: Map<number, string>): string | null {
  // Id 0 is General whatever a file says about it.
  if (id === 0) return null;
  const code = custom.get(id) ?? BUILT_IN[id];
  if (code === undefined || code === '' || code.toLowerCase() === 'general') return null;
  return code;
}

function toId(value: string | undefined): number {
  if (value === undefined) return -1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
