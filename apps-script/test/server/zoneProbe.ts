/**
 * Run by read.test.ts in a child process with TZ set (Jest's per-file process.env cannot change the zone of the
 * process it runs in): reads a Hà Nội spreadsheet's date cells through the server and prints the days the core
 * sees, with the zone the process really ran in.
 */
import { checkWorkbook } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { readSheet } from '../../src/server/index';
import { installFake } from './support';

installFake({
  timeZone: 'Asia/Ho_Chi_Minh',
  sheets: [
    {
      name: 'Nhiệm vụ',
      values: [
        ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', ''],
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
        [1, 'Ban hành kế hoạch', 'Văn phòng', new Date('2025-06-30T11:00:00Z')], // 30/06/2025 18:00 in Hà Nội
        [2, 'Báo cáo quý III', 'Văn phòng', new Date('2025-09-29T17:00:00Z')], // 30/09/2025 00:00 in Hà Nội
      ],
    },
  ],
});
const report = checkWorkbook([unpackGrid(readSheet('sheet'))], { today: '2025-07-15', asOf: '2025-07-15' });
process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offset: new Date('2025-06-30T11:00:00Z').getTimezoneOffset(),
    dues: report.sheets[0].tasks.map((t) => t.deadline.due),
  }),
);
