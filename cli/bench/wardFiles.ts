/**
 * A province's inbox, generated: ward files made from the real-plan fixtures (four layouts), each under its own
 * unit's heading, with results varied so that some targets are met, some missed and some left blank. Used by the
 * summary's tests and by `npm run bench`. Deterministic: the same count gives the same files.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../shared/src/index';
import { readWorkbook } from '../src/xlsx/readWorkbook';

/** The layouts: the bundled sample (tasks + KPIs), seed 002 (two appendices), seed 000's task list, seed 001–004's KPIs. */
const LAYOUTS = [
  { file: 'cli/sample/phu-luc-mau.xlsx', unit: 'Phường 5' },
  { file: 'cli/test/fixtures/seed002.xlsx', unit: 'Phường An Nhơn Đông' },
  { file: 'cli/test/fixtures/seed000-tasks.xlsx', unit: 'Phường 5' },
  // No unit anywhere in this one: the summary must take it from the file's folder name.
  { file: 'cli/test/fixtures/kpi-001-004.xlsx', unit: null },
] as const;

const NAMES = [
  'An Phú',
  'Tân Phú Trung',
  'Long Xuyên',
  'Bình Thạnh',
  'Mỹ Tho',
  'Hòa Bình',
  'Đông Hà',
  'Phú Mỹ',
];

/** The n-th unit's name: wards by number and communes by name, as a province has both. */
export function unitName(n: number): string {
  return n % 3 === 2
    ? `Xã ${NAMES[n % NAMES.length]}${n >= NAMES.length ? ` ${Math.floor(n / NAMES.length)}` : ''}`
    : `Phường ${n + 1}`;
}

/** "Xã Tân Phú Trung 2" → "xa-tan-phu-trung-2": a folder name as offices type them. */
function slug(unit: string): string {
  return unit
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

export interface WardSetFile {
  path: string;
  /** The unit the file reports for; null for the files that are not ward files (corrupt, not a table). */
  unit: string | null;
}

interface Layout {
  workbook: ExcelJS.Workbook;
  unit: string | null;
  /** The result cells of its KPI tables, with the target each answers. */
  results: { sheet: string; cell: string; op: string; value: number; unit: string }[];
}

async function loadLayouts(root: string): Promise<Layout[]> {
  const out: Layout[] = [];
  for (const l of LAYOUTS) {
    const path = resolve(root, l.file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const report = checkWorkbook(await readWorkbook(path), { asOf: '2025-10-15' });
    const results: Layout['results'] = [];
    for (const s of report.sheets) {
      const col = s.columns.result;
      if (s.kind !== 'kpis' || !col) continue;
      for (const k of s.kpis) {
        const t = k.targets[0];
        if (t)
          results.push({ sheet: s.name, cell: `${col}${k.row}`, op: t.op, value: t.value, unit: t.unit });
      }
    }
    out.push({ workbook, unit: l.unit, results });
  }
  return out;
}

/** A result that meets (or misses) the target: "92%", "12". */
function result(r: Layout['results'][number], meet: boolean): string | number {
  const lower = r.op === '<=' || r.op === '<';
  const v =
    r.op === '=' ? (meet ? r.value : r.value - 1) : lower === meet ? r.value * 0.8 : r.value * 1.2 + 1;
  const shown = r.unit === '%' ? Math.min(100, Math.max(0, Math.round(v))) : Math.round(v);
  // 100 % can only be met: a missed "100%" target reads 80 %.
  const fixed = r.unit === '%' && !meet && shown >= r.value && !lower ? Math.round(r.value * 0.8) : shown;
  return r.unit === '%' ? `${fixed}%` : fixed;
}

/** Replaces one unit's name by another in every text cell of the first rows (heading and titles). */
function renameUnit(ws: ExcelJS.Worksheet, from: string, to: string): void {
  for (let r = 1; r <= Math.min(ws.rowCount, 8); r++) {
    ws.getRow(r).eachCell((cell) => {
      if (typeof cell.value !== 'string') return;
      cell.value = cell.value.split(from.toUpperCase()).join(to.toUpperCase()).split(from).join(to);
    });
  }
}

/**
 * Writes `count` ward files under `dir` (one folder per unit) and returns them. With `odd`, three more: a second
 * file from the first unit, a corrupt file and a workbook with no table. With `oneUnit`, every file is the first
 * unit's (one folder, numbered files): a ward that sent its plan again and again.
 */
export async function writeWardSet(
  dir: string,
  count: number,
  options: { odd?: boolean; root?: string; oneUnit?: boolean } = {},
): Promise<WardSetFile[]> {
  const layouts = await loadLayouts(options.root ?? repositoryRoot());
  const files: WardSetFile[] = [];
  for (let n = 0; n < count; n++) {
    const layout = layouts[n % layouts.length];
    const unit = unitName(options.oneUnit ? 0 : n);
    const folder = join(dir, slug(unit));
    mkdirSync(folder, { recursive: true });
    if (layout.unit) for (const ws of layout.workbook.worksheets) renameUnit(ws, layout.unit, unit);
    layout.results.forEach((r, i) => {
      const pick = (n * 7 + i * 3) % 10;
      const cell = layout.workbook.getWorksheet(r.sheet)?.getCell(r.cell);
      if (cell) cell.value = pick === 0 ? null : result(r, pick > 3);
    });
    const path = join(folder, options.oneUnit ? `phu-luc-cchc-2025-${n + 1}.xlsx` : `phu-luc-cchc-2025.xlsx`);
    writeFileSync(path, Buffer.from(await layout.workbook.xlsx.writeBuffer()));
    if (layout.unit) for (const ws of layout.workbook.worksheets) renameUnit(ws, unit, layout.unit);
    files.push({ path, unit: layout.unit ? unit : unitFromFolder(unit) });
  }
  if (options.odd) {
    // The first unit sends its file again, corrected: the same heading, another name.
    const first = layouts[0];
    const again = join(dir, slug(unitName(0)), 'phu-luc-cchc-2025-ban-sua.xlsx');
    for (const ws of first.workbook.worksheets) renameUnit(ws, first.unit ?? '', unitName(0));
    writeFileSync(again, Buffer.from(await first.workbook.xlsx.writeBuffer()));
    for (const ws of first.workbook.worksheets) renameUnit(ws, unitName(0), first.unit ?? '');
    files.push({ path: again, unit: unitName(0) });
    const corrupt = join(dir, 'hong.xlsx');
    const bytes = await layouts[1].workbook.xlsx.writeBuffer();
    writeFileSync(corrupt, Buffer.from(bytes).subarray(0, 4000));
    files.push({ path: corrupt, unit: null });
    const letter = new ExcelJS.Workbook();
    const ws = letter.addWorksheet('Công văn');
    ws.addRow(['ỦY BAN NHÂN DÂN']);
    ws.addRow(['PHƯỜNG 99']);
    ws.addRow(['Kính gửi: Sở Nội vụ']);
    ws.addRow(['Phường gửi kèm báo cáo kết quả cải cách hành chính quý III.']);
    const notTable = join(dir, 'cong-van.xlsx');
    writeFileSync(notTable, Buffer.from(await letter.xlsx.writeBuffer()));
    files.push({ path: notTable, unit: null });
  }
  return files;
}

/** The unit a file with no heading is known by: its folder's name, marks lost ("Xã an phu"). */
function unitFromFolder(unit: string): string {
  const [level, ...rest] = slug(unit).split('-').filter(Boolean);
  const name = rest.map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w)).join(' ');
  return `${level === 'xa' ? 'Xã' : 'Phường'} ${name}`;
}

/** The repository's root, from the sources (cli/bench) or from the build (dist/cli/bench). */
function repositoryRoot(): string {
  const candidates = [resolve(__dirname, '../..'), resolve(__dirname, '../../..')];
  return candidates.find((c) => existsSync(join(c, LAYOUTS[0].file))) ?? candidates[0];
}
