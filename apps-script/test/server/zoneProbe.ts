/**
 * Run by read.test.ts in a child process with TZ set (Jest's per-file process.env cannot change the zone of the
 * process it runs in): reads a Hà Nội spreadsheet's date cells through the server and prints the days the core
 * sees, with the zone the process really ran in (and its offset, which proves it).
 */
import { checkWorkbook } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { readSheet } from '../../src/server/index';
import { DATE_CELLS, installFake } from './support';

installFake({ timeZone: 'Asia/Ho_Chi_Minh', sheets: [DATE_CELLS] });
const report = checkWorkbook([unpackGrid(readSheet('sheet'))], { today: '2025-07-15', asOf: '2025-07-15' });
process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offset: new Date('2025-06-30T11:00:00Z').getTimezoneOffset(),
    dues: report.sheets[0].tasks.map((t) => t.deadline.due),
  }),
);
