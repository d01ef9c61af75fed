import { explainError } from '../../src/host/excelHost';
import { FakeOfficeError } from '../fakeExcel';

const CODES = [
  'ItemNotFound',
  'InvalidArgument',
  'AccessDenied',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'InsertDeleteConflict',
  'GeneralException',
  'ApiNotFound',
  'InvalidSelection',
  'InvalidOperationInCellEditMode',
  'SomethingNew',
];

function withStack(message: string): Error {
  const e = new Error(message);
  e.stack = `Error: ${message}\n    at readSheet (excelHost.ts:120:5)\n    at async Excel.run (office.js:1:1)`;
  return e;
}

const ERRORS: unknown[] = [
  ...CODES.map((code) => new FakeOfficeError(code)),
  // What office.js rejects with, as a plain object after a postMessage round trip.
  { name: 'RichApi.Error', code: 'AccessDenied', message: 'x', debugInfo: { errorLocation: 'Range.values' } },
  withStack("Cannot read properties of undefined (reading 'values')\nat line two"),
  'a string thrown',
  undefined,
  null,
  42,
];

describe('explainError', () => {
  it.each(['vi', 'en'] as const)('gives one plain sentence in %s, never a stack trace', (lang) => {
    for (const e of ERRORS) {
      const text = explainError(e, lang);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\n/);
      expect(text).not.toMatch(/(^|\s)at \S+ \(|\bat async\b|\.ts:\d+/);
      expect(text).toMatch(/[.!]$/);
    }
  });

  it('says what happened and what to do, in the user’s language', () => {
    const e = (code: string) => new FakeOfficeError(code);
    expect(explainError(e('AccessDenied'), 'vi')).toMatch(/^Trang tính đang được bảo vệ/);
    expect(explainError(e('AccessDenied'), 'en')).toMatch(/protected/);
    expect(explainError(e('ResponsePayloadSizeLimitExceeded'), 'vi')).toMatch(/^Bảng quá lớn để đọc/);
    expect(explainError(e('RequestPayloadSizeLimitExceeded'), 'en')).toMatch(/too large/);
    expect(explainError(e('ApiNotFound'), 'vi')).toMatch(/^Phiên bản Excel này chưa hỗ trợ/);
    expect(explainError(e('ItemNotFound'), 'vi')).toMatch(/Không tìm thấy/);
    expect(explainError(e('InvalidSelection'), 'en')).toMatch(/Select one block of cells/);
    expect(explainError(e('SomethingNew'), 'en')).toBe(
      'Excel reported an error (SomethingNew); please try again.',
    );
    expect(explainError(withStack('Boom'), 'vi')).toBe('Đã xảy ra lỗi không mong đợi: Boom.');
    expect(explainError(undefined, 'en')).toBe('Something unexpected went wrong.');
  });
});
