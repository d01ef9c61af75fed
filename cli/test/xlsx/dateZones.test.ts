/**
 * Issue 8 item 3 (and issue 11 item 5): deadlines typed as date cells, a date-time among them, read as the days
 * the user typed whatever the zone of the machine running the check: the users' own (Hà Nội, UTC+7, where
 * 30/06 18:00 UTC would already be 01/07), and one behind UTC.
 */
import { join } from 'node:path';
import { runInZone } from '../../../shared/test/support/runInZone';

describe.each([
  ['Asia/Ho_Chi_Minh', -420],
  ['America/Los_Angeles', 420],
])('date cells read in %s', (zone, offset) => {
  it('give the typed days, shown as dd/mm/yyyy', () => {
    expect(runInZone(join(__dirname, 'zoneProbe.ts'), zone)).toEqual({
      offset,
      dues: ['2025-06-30', '2025-09-30', '2025-12-31'],
      overdue: ['Quá hạn: hạn 30/06/2025, đến ngày 15/07/2025 chưa hoàn thành.'],
    });
  });
});
