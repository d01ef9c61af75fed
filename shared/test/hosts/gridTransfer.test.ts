import { checkWorkbook, type SheetGrid } from '../../src/index';
import {
  packGrid,
  serialFromLocalDateTime,
  unpackGrid,
  TRANSFER_DATE_FORMAT,
} from '../../src/hosts/gridTransfer';

/** What Utilities.formatDate(d, zone, "yyyy-MM-dd'T'HH:mm:ss") gives, made with Intl as the test's stand-in. */
function inZone(zone: string) {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (d: Date) => {
    const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  };
}

describe('serial numbers from wall-clock date-times', () => {
  it('counts days from 30/12/1899 as Excel and Sheets do', () => {
    expect(serialFromLocalDateTime('1899-12-30')).toBe(0);
    expect(serialFromLocalDateTime('2025-06-30')).toBe(45838);
    expect(serialFromLocalDateTime('2025-06-30T18:00:00')).toBe(45838.75);
    expect(serialFromLocalDateTime('2025-06-30 06:00')).toBe(45838.25);
    expect(serialFromLocalDateTime('30/06/2025')).toBeNull();
  });
});

describe('a sheet across google.script.run', () => {
  // 30/06/2025 18:00 in Hà Nội is 11:00 UTC, and still the 30th in Los Angeles only before 07:00 UTC.
  const evening = new Date('2025-06-30T11:00:00Z');
  const midnight = new Date('2025-09-29T17:00:00Z'); // 30/09/2025 00:00 in Hà Nội, 29/09 in any zone west of it
  const sheet = {
    name: 'Nhiệm vụ',
    values: [
      ['STT', 'Nhiệm vụ', 'Thời hạn', 'Tỷ lệ'],
      [1, 'Ban hành kế hoạch', evening, 0.925],
      [2, 'Báo cáo', midnight, ''],
      [3, 'Lạ', new Date(NaN), null],
    ],
    numberFormats: [
      ['0.###############', '0.###############', '0.###############', '0.###############'],
      ['0.###############', '0.###############', 'dd/MM/yyyy', '0.0%'],
      ['0.###############', '0.###############', '0.###############', '0.###############'],
      ['0.###############', '0.###############', 'dd/MM/yyyy', '0.###############'],
    ],
    merges: ['A1:A1'],
    origin: { row: 3, column: 2 },
  };

  it('carries no Date, and each format once', () => {
    const packed = packGrid(sheet, inZone('Asia/Ho_Chi_Minh'));
    const json = JSON.stringify(packed);
    expect(JSON.parse(json)).toEqual(packed);
    expect(packed.formats).toEqual(['0.###############', 'dd/MM/yyyy', '0.0%', TRANSFER_DATE_FORMAT]);
    expect(packed.values[1][2]).toBe(45838.75);
    expect(packed.values[2][2]).toBe(45930);
    // A date cell reported on automatic gets a date format, so the core reads a day and not a number.
    expect(packed.formatIndex[2][2]).toBe(3);
    expect(packed.values[3][2]).toBeNull();
    expect(packed.values[3][3]).toBeNull();
  });

  it('gives the spreadsheet’s calendar day whatever zone the script runs in', () => {
    // The spreadsheet's zone decides (the host formats in it), not the zone of the machine running the script.
    const packed = packGrid(sheet, inZone('Asia/Ho_Chi_Minh'));
    const grid = unpackGrid(packed);
    expect(grid.numberFormats?.[1][2]).toBe('dd/MM/yyyy');
    const report = checkWorkbook([grid], { today: '2025-07-15', asOf: '2025-07-15', year: 2025 });
    const dues = report.sheets[0].tasks.map((t) => t.deadline.due);
    expect(dues).toEqual(['2025-06-30', '2025-09-30', null]);
    // Formatting the same instants in Los Angeles would give other days: that is the bug this guards against.
    const wrong = unpackGrid(packGrid(sheet, inZone('America/Los_Angeles')));
    const wrongDues = checkWorkbook([wrong], { today: '2025-07-15', asOf: '2025-07-15', year: 2025 })
      .sheets[0].tasks;
    expect(wrongDues.map((t) => t.deadline.due)).toEqual(['2025-06-30', '2025-09-29', null]);
  });

  it('round-trips a grid without dates unchanged', () => {
    const grid: SheetGrid = {
      name: 'KPI',
      values: [
        ['Chỉ tiêu', 'Kết quả'],
        ['Tỷ lệ', 0.8],
        ['Số', true],
      ],
      numberFormats: [
        ['', ''],
        ['', '0%'],
        ['', ''],
      ],
      merges: [],
      origin: { row: 1, column: 1 },
    };
    const back = unpackGrid(
      packGrid(
        {
          ...grid,
          numberFormats: grid.numberFormats ?? [],
          merges: [] as string[],
          origin: { row: 1, column: 1 },
        },
        () => '',
      ),
    );
    expect(back).toEqual(grid);
  });
});
