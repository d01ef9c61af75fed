/**
 * Issue 8 item 3 (and issue 11 item 5): deadlines typed as date cells, a date-time among them, read as the days
 * the user typed whatever the zone of the machine running the check: the users' own (Hà Nội, UTC+7, where
 * 30/06 18:00 UTC would already be 01/07), and one behind UTC.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const TSX = require.resolve('tsx/cli');

describe.each([
  ['Asia/Ho_Chi_Minh', -420],
  ['America/Los_Angeles', 420],
])('date cells read in %s', (zone, offset) => {
  it('give the typed days, shown as dd/mm/yyyy', () => {
    const run = spawnSync(process.execPath, [TSX, join(__dirname, 'zoneProbe.ts')], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      offset,
      dues: ['2025-06-30', '2025-09-30', '2025-12-31'],
      overdue: ['Quá hạn: hạn 30/06/2025, đến ngày 15/07/2025 chưa hoàn thành.'],
    });
  });
});
