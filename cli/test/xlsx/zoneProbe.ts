/**
 * Run by dateZones.test.ts in a child process with TZ set (a Jest worker cannot change its own zone): a workbook
 * whose deadlines are date cells, one of them 30/06/2025 18:00, read with exceljs and checked; prints the days.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../shared/src/index';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbook';

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025']);
  ws.addRow(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']);
  // exceljs writes a Date as the serial of its UTC wall clock, as Excel stores what the user typed.
  const dates: [Date, string][] = [
    [new Date(Date.UTC(2025, 5, 30, 18, 0)), 'dd/mm/yyyy hh:mm'],
    [new Date(Date.UTC(2025, 8, 30)), 'd/m/yy'],
    [new Date(Date.UTC(2025, 11, 31, 23, 30)), '[$-vi-VN]d mmmm yyyy'],
  ];
  dates.forEach(([d, fmt], i) => {
    const row = ws.addRow([i + 1, `Nhiệm vụ ${i + 1}`, 'Văn phòng', d]);
    row.getCell(4).numFmt = fmt;
  });
  const grids = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const report = checkWorkbook(grids, { today: '2025-07-15', asOf: '2025-07-15' });
  const sheet = report.sheets[0];
  process.stdout.write(
    JSON.stringify({
      offset: new Date(Date.UTC(2025, 5, 30, 18, 0)).getTimezoneOffset(),
      dues: sheet.tasks.map((t) => t.deadline.due),
      overdue: sheet.findings.filter((f) => f.code === 'task/overdue').map((f) => f.message),
    }),
  );
}

void main();
