import { isDoneProgress } from '../../src/deadlines/progress';

describe('isDoneProgress', () => {
  it.each([
    'Đã hoàn thành',
    'Hoàn thành',
    'hoàn thành 100%',
    'Xong',
    'Đã thực hiện xong',
    'Đã ban hành',
    '100%',
    '100 %',
    'HOÀN THÀNH',
    'Hoàn thành'.normalize('NFD'),
    'hoan thanh',
    'Đã xong',
    'Hoàn tất',
    'Đã thực hiện',
    'Hoàn thành (trễ hạn)',
    '✓',
    'Done',
  ])('%j is done', (text) => expect(isDoneProgress(text)).toBe(true));

  it.each([
    'Chưa hoàn thành',
    'Đang thực hiện',
    'Chưa thực hiện',
    'Không hoàn thành',
    '',
    '   ',
    'Đang hoàn thành',
    'Hoàn thành 80%',
    '99,5%',
    'Cơ bản hoàn thành',
    'Hoàn thành một phần',
    'Dự kiến hoàn thành tháng 12',
    'Sẽ hoàn thành',
    'chua hoan thanh',
    'dang thuc hien',
    'Đã triển khai',
  ])('%j is not done', (text) => expect(isDoneProgress(text)).toBe(false));

  it('reads numbers by their format', () => {
    expect(isDoneProgress(1, '0%')).toBe(true);
    expect(isDoneProgress(0.1 + 0.9, '0%')).toBe(true);
    expect(isDoneProgress(0.95, '0%')).toBe(false);
    expect(isDoneProgress(1)).toBe(false);
    expect(isDoneProgress(100)).toBe(true);
    expect(isDoneProgress(100, 'General')).toBe(true);
    expect(isDoneProgress(99.9)).toBe(false);
    expect(isDoneProgress(Number.NaN, '0%')).toBe(false);
  });

  it('reads checkboxes and ignores other cells', () => {
    expect(isDoneProgress(true)).toBe(true);
    expect(isDoneProgress(false)).toBe(false);
    expect(isDoneProgress(null)).toBe(false);
    expect(isDoneProgress(undefined)).toBe(false);
    expect(isDoneProgress(new Date())).toBe(false);
  });
});
