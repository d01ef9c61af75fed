import { AREAS } from '../table/areas';
import { columnLetters } from '../table/grid';
import type { Lang } from '../report/messages';
import { fitCell } from '../text/cellLimit';
import { ASSESSMENT_CHOICES, COMMON_INDICATORS, PROGRESS_CHOICES, WARD_UNITS, wardLevel } from './content';
import {
  templateWorkbookSchema,
  type CellStyle,
  type DataValidation,
  type TemplateCell,
  type TemplateSheet,
  type TemplateWorkbook,
} from './schema';

export type TemplateKind = 'tasks' | 'kpis' | 'units';

export interface TemplateParams {
  lang: Lang;
  year: number;
  /** The ward: "Phường 5", "Xã An Bình". */
  unit: string;
  /** The issuing document ("36/KH-UBND ngày 12/02/2026"); dots when not yet known. */
  doc?: string;
  /** Fill the KPI targets with the examples taken from real plans. */
  exampleTargets?: boolean;
  /** Blank task rows under each area. */
  rowsPerArea?: number;
}

const FONT = 'Times New Roman';
const UNITS_RANGE = 'DonVi';
const HEADER_ROW = 8;
const FIRST_BODY_ROW = 9;
const UNIT_ROWS = 40;

const STYLES: Record<string, CellStyle> = {
  heading: { font: { name: FONT, size: 13 }, horizontal: 'center', vertical: 'middle' },
  headingBold: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center', vertical: 'middle' },
  title: { font: { name: FONT, size: 14, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  subtitle: {
    font: { name: FONT, size: 13, italic: true },
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  header: {
    font: { name: FONT, size: 12, bold: true },
    fill: '#D9E2F3',
    border: 'thin',
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  area: {
    font: { name: FONT, size: 12, bold: true },
    fill: '#F2F2F2',
    border: 'thin',
    vertical: 'middle',
    wrap: true,
  },
  areaNumber: {
    font: { name: FONT, size: 12, bold: true },
    fill: '#F2F2F2',
    border: 'thin',
    horizontal: 'center',
    vertical: 'middle',
  },
  number: {
    font: { name: FONT, size: 12 },
    border: 'thin',
    horizontal: 'center',
    vertical: 'top',
    numberFormat: '0',
  },
  body: { font: { name: FONT, size: 12 }, border: 'thin', vertical: 'top', wrap: true },
  centre: {
    font: { name: FONT, size: 12 },
    border: 'thin',
    horizontal: 'center',
    vertical: 'top',
    wrap: true,
  },
  result: {
    font: { name: FONT, size: 12 },
    border: 'thin',
    horizontal: 'center',
    vertical: 'top',
    wrap: true,
  },
  total: { font: { name: FONT, size: 12, bold: true }, border: 'thin', vertical: 'middle' },
};

/** Row height (points) that shows `text` whole in a wrapped column `width` characters wide. */
function fitHeight(text: string, width: number): number {
  const lines = Math.max(1, Math.ceil((text.length * 1.1) / width));
  return lines * 16 + 4;
}

function t(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

function sheetName(kind: TemplateKind, lang: Lang): string {
  const names: Record<TemplateKind, [string, string]> = {
    tasks: ['Nhiệm vụ', 'Tasks'],
    kpis: ['Chỉ tiêu', 'KPIs'],
    units: ['Đơn vị', 'Units'],
  };
  return names[kind][lang === 'vi' ? 0 : 1];
}

/** The national heading block, appendix title and "kèm theo" line, over a table `width` columns wide. */
function headingBlock(
  p: TemplateParams,
  width: number,
  title: string,
): { cells: TemplateCell[]; merges: string[] } {
  const last = columnLetters(width - 1);
  const leftEnd = columnLetters(Math.max(1, Math.floor(width / 2) - 2));
  const rightStart = columnLetters(Math.floor(width / 2));
  const unit = p.unit.trim();
  const doc = p.doc?.trim();
  const reference = doc
    ? /^(kế hoạch|quyết định|plan|decision)/i.test(doc)
      ? doc
      : t(p.lang, `Kế hoạch số ${doc}`, `Plan No. ${doc}`)
    : t(p.lang, 'Kế hoạch số …/KH-UBND ngày …', 'Plan No. …/KH-UBND of …');
  const cells: TemplateCell[] = [
    { ref: 'A1', value: t(p.lang, 'ỦY BAN NHÂN DÂN', 'PEOPLE’S COMMITTEE'), style: 'heading' },
    { ref: 'A2', value: unit.toUpperCase(), style: 'headingBold' },
    {
      ref: `${rightStart}1`,
      value: t(p.lang, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SOCIALIST REPUBLIC OF VIET NAM'),
      style: 'headingBold',
    },
    {
      ref: `${rightStart}2`,
      value: t(p.lang, 'Độc lập - Tự do - Hạnh phúc', 'Independence - Freedom - Happiness'),
      style: 'headingBold',
    },
    { ref: 'A4', value: t(p.lang, 'PHỤ LỤC', 'APPENDIX'), style: 'title' },
    { ref: 'A5', value: title, style: 'title' },
    {
      ref: 'A6',
      value: t(
        p.lang,
        `(Kèm theo ${reference} của UBND ${unit})`,
        `(Attached to ${reference} of the People’s Committee of ${unit})`,
      ),
      style: 'subtitle',
    },
  ];
  const merges = [
    `A1:${leftEnd}1`,
    `A2:${leftEnd}2`,
    `${rightStart}1:${last}1`,
    `${rightStart}2:${last}2`,
    `A4:${last}4`,
    `A5:${last}5`,
    `A6:${last}6`,
  ];
  return { cells, merges };
}

function printSettings(): TemplateSheet['print'] {
  return { orientation: 'landscape', paper: 'A4', repeatRows: [HEADER_ROW, HEADER_ROW], fitToWidth: true };
}

function unitsList(): DataValidation['list'] {
  return { namedRange: UNITS_RANGE };
}

/** What distinguishes one appendix sheet from the other; heading, header row and area rows are common. */
interface AppendixSpec {
  kind: 'tasks' | 'kpis';
  headers: string[];
  title: string;
  columnWidths: number[];
  /** Writes the body rows of one area starting at `row`; returns how many rows it used. */
  areaBody: (area: (typeof AREAS)[number], row: number, sheet: SheetDraft) => number;
  validations: (firstBody: number, lastBody: number) => DataValidation[];
  /** A closing row after the last area (the task list's total), written at `row`. */
  closing?: (row: number, lastBody: number, sheet: SheetDraft) => void;
}

interface SheetDraft {
  cells: TemplateCell[];
  merges: string[];
  heights: Record<string, number>;
  /** Letter of the last column. */
  last: string;
}

function appendixSheet(p: TemplateParams, spec: AppendixSpec): TemplateSheet {
  const width = spec.headers.length;
  const last = columnLetters(width - 1);
  const { cells, merges } = headingBlock(p, width, spec.title);
  spec.headers.forEach((h, i) =>
    cells.push({ ref: `${columnLetters(i)}${HEADER_ROW}`, value: h, style: 'header' }),
  );
  const draft: SheetDraft = { cells, merges, heights: { '5': 22, '6': 20, [String(HEADER_ROW)]: 36 }, last };
  let row = FIRST_BODY_ROW;
  for (const area of AREAS.slice(0, 7)) {
    cells.push({ ref: `A${row}`, value: area.numeral, style: 'areaNumber' });
    cells.push({ ref: `B${row}`, value: (p.lang === 'vi' ? area.vi : area.en).toUpperCase(), style: 'area' });
    merges.push(`B${row}:${last}${row}`);
    draft.heights[String(row)] = 20;
    row += 1 + spec.areaBody(area, row + 1, draft);
  }
  const lastBody = row - 1;
  spec.closing?.(row, lastBody, draft);
  return {
    name: sheetName(spec.kind, p.lang),
    role: spec.kind,
    columnWidths: spec.columnWidths,
    rowHeights: draft.heights,
    styles: STYLES,
    cells,
    merges,
    freeze: { rows: HEADER_ROW, columns: 0 },
    validations: spec.validations(FIRST_BODY_ROW, lastBody),
    print: printSettings(),
  };
}

function tasksSheet(p: TemplateParams): TemplateSheet {
  const lang = p.lang;
  const perArea = p.rowsPerArea ?? 3;
  const total = t(lang, 'Tổng cộng', 'Total');
  const noun = t(lang, 'nhiệm vụ', 'tasks');
  return appendixSheet(p, {
    kind: 'tasks',
    headers:
      lang === 'vi'
        ? [
            'STT',
            'Nhiệm vụ',
            'Sản phẩm',
            'Cơ quan chủ trì',
            'Cơ quan phối hợp',
            'Thời gian hoàn thành',
            'Tiến độ',
            'Kết quả / Ghi chú',
          ]
        : ['No.', 'Task', 'Product', 'Lead unit', 'Partner units', 'Deadline', 'Progress', 'Result / notes'],
    title: t(
      lang,
      `DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM ${p.year}`,
      `ADMINISTRATIVE REFORM TASKS FOR ${p.year}`,
    ),
    columnWidths: [6, 48, 26, 22, 24, 18, 16, 24],
    areaBody: (_area, first, sheet) => {
      for (let row = first; row < first + perArea; row++) {
        sheet.heights[String(row)] = 32; // room for a two-line task
        // Numbers appear as the task text is typed and restart in each area, as in most plans.
        sheet.cells.push({
          ref: `A${row}`,
          formula: `IF(B${row}="","",COUNTA(B$${first}:B${row}))`,
          result: '',
          style: 'number',
        });
        for (let c = 1; c < 8; c++)
          sheet.cells.push({
            ref: `${columnLetters(c)}${row}`,
            style: c === 5 || c === 6 ? 'centre' : 'body',
          });
      }
      return perArea;
    },
    validations: (first, lastBody) => [
      { range: `D${first}:E${lastBody}`, list: unitsList(), strict: false },
      { range: `G${first}:G${lastBody}`, list: { values: PROGRESS_CHOICES[lang] }, strict: true },
    ],
    closing: (row, lastBody, sheet) => {
      sheet.cells.push({
        ref: `A${row}`,
        formula: `"${total}: "&COUNT(A${FIRST_BODY_ROW}:A${lastBody})&" ${noun}"`,
        result: `${total}: 0 ${noun}`,
        style: 'total',
      });
      sheet.merges.push(`A${row}:${sheet.last}${row}`);
    },
  });
}

function kpisSheet(p: TemplateParams): TemplateSheet {
  const lang = p.lang;
  return appendixSheet(p, {
    kind: 'kpis',
    headers:
      lang === 'vi'
        ? [
            'STT',
            'Chỉ tiêu',
            `Chỉ tiêu phấn đấu năm ${p.year}`,
            'Kết quả thực hiện',
            'Đánh giá',
            'Đơn vị theo dõi',
            'Đơn vị thực hiện',
            'Ghi chú',
          ]
        : [
            'No.',
            'Indicator',
            `Target for ${p.year}`,
            'Result',
            'Assessment',
            'Monitoring unit',
            'Implementing unit',
            'Notes',
          ],
    title: t(
      lang,
      `CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM ${p.year}`,
      `ADMINISTRATIVE REFORM INDICATORS FOR ${p.year}`,
    ),
    columnWidths: [6, 52, 20, 16, 14, 22, 22, 18],
    areaBody: (area, first, sheet) => {
      const indicators = COMMON_INDICATORS[area.numeral];
      indicators.forEach((ind, i) => {
        const row = first + i;
        const name = lang === 'vi' ? ind.vi : ind.en;
        sheet.heights[String(row)] = fitHeight(name, 52);
        sheet.cells.push(
          { ref: `A${row}`, value: i + 1, style: 'number' },
          { ref: `B${row}`, value: name, style: 'body' },
        );
        const target = p.exampleTargets ? (lang === 'vi' ? ind.example : ind.exampleEn) : undefined;
        sheet.cells.push(
          target === undefined
            ? { ref: `C${row}`, style: 'centre' }
            : { ref: `C${row}`, value: target, style: 'centre' },
        );
        sheet.cells.push({ ref: `D${row}`, style: 'result' });
        for (let c = 4; c < 8; c++)
          sheet.cells.push({ ref: `${columnLetters(c)}${row}`, style: c === 4 ? 'centre' : 'body' });
      });
      return indicators.length;
    },
    validations: (first, lastBody) => [
      { range: `E${first}:E${lastBody}`, list: { values: ASSESSMENT_CHOICES[lang] }, strict: true },
      { range: `F${first}:G${lastBody}`, list: unitsList(), strict: false },
    ],
  });
}

function unitsSheet(p: TemplateParams): TemplateSheet {
  const lang = p.lang;
  const level = wardLevel(p.unit);
  const cells: TemplateCell[] = [
    { ref: 'A1', value: t(lang, 'STT', 'No.'), style: 'header' },
    { ref: 'B1', value: t(lang, 'Tên đơn vị', 'Unit'), style: 'header' },
    { ref: 'C1', value: t(lang, 'Viết tắt', 'Short name'), style: 'header' },
  ];
  WARD_UNITS.forEach((u, i) => {
    const r = i + 2;
    cells.push({ ref: `A${r}`, value: i + 1, style: 'number' });
    cells.push({ ref: `B${r}`, value: lang === 'vi' ? u.vi.replace('{cap}', level) : u.en, style: 'body' });
    cells.push({ ref: `C${r}`, value: u.short, style: 'body' });
  });
  // Room for the ward's own units: the dropdowns read the whole range.
  for (let r = WARD_UNITS.length + 2; r <= UNIT_ROWS + 1; r++) {
    cells.push(
      { ref: `A${r}`, style: 'number' },
      { ref: `B${r}`, style: 'body' },
      { ref: `C${r}`, style: 'body' },
    );
  }
  return {
    name: sheetName('units', lang),
    role: 'units',
    columnWidths: [6, 52, 18],
    rowHeights: { '1': 24 },
    styles: STYLES,
    cells,
    merges: [],
    freeze: { rows: 1, columns: 0 },
    validations: [],
    print: { orientation: 'portrait', paper: 'A4', repeatRows: [1, 1], fitToWidth: true },
  };
}

/**
 * The description of a new workbook holding the requested appendices. Task and KPI sheets always come with the
 * unit list, because their dropdowns read from it.
 */
export function buildTemplate(kinds: readonly TemplateKind[], params: TemplateParams): TemplateWorkbook {
  const wanted = new Set(kinds);
  if (wanted.has('tasks') || wanted.has('kpis')) wanted.add('units');
  const sheets: TemplateSheet[] = [];
  if (wanted.has('tasks')) sheets.push(tasksSheet(params));
  if (wanted.has('kpis')) sheets.push(kpisSheet(params));
  if (wanted.has('units')) sheets.push(unitsSheet(params));
  const unitsName = sheetName('units', params.lang);
  // The unit and document number are typed by the user and go into cells: a cell holds 32,767 characters at most
  // in Excel (50,000 in Sheets), so every text is cut there with a visible mark, the same in every host.
  for (const sheet of sheets)
    for (const cell of sheet.cells)
      if (typeof cell.value === 'string') cell.value = fitCell(cell.value, params.lang);
  const workbook: TemplateWorkbook = {
    sheets,
    namedRanges: [{ name: UNITS_RANGE, sheet: unitsName, range: `B2:B${UNIT_ROWS + 1}` }],
  };
  return templateWorkbookSchema.parse(workbook);
}

// Kept here for the hosts that import it from the templates; it lives with the other names.
export { freeSheetName } from '../hosts/a1Names';
