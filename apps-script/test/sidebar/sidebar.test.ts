/**
 * The sidebar's side of google.script.run: calls become promises that settle through the handlers, a missing
 * server function is an error rather than a hang, and every error reads as one plain sentence in the user's
 * language.
 */
import { explainError } from '../../src/sidebar/explainError';
import { scriptRunCall, type ScriptRun } from '../../src/sidebar/scriptRun';
import { sheetsWorkbook } from '../../src/sidebar/sheetsWorkbook';
import { packGrid } from '../../../shared/src/hosts/gridTransfer';

/** google.script.run as Google's is shaped: each with*Handler returns a runner carrying the server functions. */
function fakeRun(server: Record<string, (...a: unknown[]) => unknown>): ScriptRun & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRun => {
    const r: ScriptRun = {
      withSuccessHandler: (h) => runner(h, fail),
      withFailureHandler: (h) => runner(ok, h),
    };
    for (const [name, fn] of Object.entries(server)) {
      r[name] = (...args: unknown[]) => {
        calls.push([name, ...args]);
        // Asynchronous, as the real one is.
        setTimeout(() => {
          try {
            ok?.(JSON.parse(JSON.stringify(fn(...args) ?? null)));
          } catch (e) {
            fail?.(e);
          }
        }, 0);
      };
    }
    return r;
  };
  return Object.assign(runner(), { calls });
}

describe('google.script.run as promises', () => {
  it('resolves with the server’s answer and rejects with its error', async () => {
    const run = fakeRun({
      activeSheetName: () => 'Nhiệm vụ',
      selectCell: () => {
        throw new Error('CCHC:sheet-missing Cũ');
      },
    });
    const call = scriptRunCall(run);
    await expect(call('activeSheetName')).resolves.toBe('Nhiệm vụ');
    await expect(call('selectCell', 'Cũ', 'A1')).rejects.toThrow('CCHC:sheet-missing Cũ');
    expect(run.calls).toEqual([['activeSheetName'], ['selectCell', 'Cũ', 'A1']]);
  });

  it('rejects at once when the server has no such function (an old Code.js beside a new sidebar)', async () => {
    await expect(scriptRunCall(fakeRun({}))('readSheet', 'sheet')).rejects.toThrow(
      'google.script.run has no readSheet',
    );
  });

  it('unpacks the grid and sends null for "every sheet"', async () => {
    const packed = packGrid(
      {
        name: 'A',
        values: [['x', 0.5]],
        numberFormats: [['0.###############', '0%']],
        merges: [],
        origin: { row: 1, column: 1 },
      },
      () => '',
    );
    const run = fakeRun({ readSheet: () => packed, clearHighlights: () => 0 });
    const wb = sheetsWorkbook(scriptRunCall(run));
    expect(await wb.readSheet('sheet')).toEqual({
      name: 'A',
      values: [['x', 0.5]],
      numberFormats: [['0.###############', '0%']],
      merges: [],
      origin: { row: 1, column: 1 },
    });
    await wb.clearHighlights();
    expect(run.calls[1]).toEqual(['clearHighlights', null]);
  });
});

describe('explainError', () => {
  it.each([
    [
      new Error('CCHC:sheet-missing Phụ lục 2'),
      'Không tìm thấy trang tính "Phụ lục 2"',
      'The sheet "Phụ lục 2" was not found',
    ],
    [
      new Error('ScriptError: Authorization is required to perform that action.'),
      'chưa được cấp quyền',
      'not authorised',
    ],
    [
      new Error('Exception: You are trying to edit a protected cell or object.'),
      'đang được bảo vệ',
      'This range is protected',
    ],
    [
      new Error('Exception: Service Spreadsheets timed out while accessing document with id 1x.'),
      'không trả lời kịp',
      'did not answer in time',
    ],
    [
      new Error('NetworkError: Connection failure due to HTTP 0'),
      'Mất kết nối',
      'connection to Google Sheets was lost',
    ],
    [
      new Error('Exception: Something odd.\n    at readSheet (Code:12:3)'),
      'Google Trang tính báo lỗi: Something odd.',
      'Google Sheets reported an error: Something odd.',
    ],
    [undefined, 'Đã xảy ra lỗi không mong đợi', 'Something unexpected went wrong'],
  ])('%s', (e, vi, en) => {
    expect(explainError(e, 'vi')).toContain(vi);
    expect(explainError(e, 'en')).toContain(en);
    for (const lang of ['vi', 'en'] as const)
      expect(explainError(e, lang)).not.toMatch(/\n|at readSheet|Code:\d/);
  });
});
