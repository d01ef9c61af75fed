import { Progress, progressText } from '../../src/batch/progress';

describe('the progress line of a long batch', () => {
  it('counts files and estimates the time left from the pace so far', () => {
    expect(progressText(250, 1000, 1000, 'vi')).toBe('Đã đọc 250/1.000 tệp · còn khoảng 3 giây');
    expect(progressText(250, 1000, 1000, 'en')).toBe('Read 250/1,000 files · about 3 s left');
    expect(progressText(1000, 1000, 4000, 'vi')).toBe('Đã đọc 1.000/1.000 tệp');
  });

  it('draws in place on a terminal, clears itself at the end, and writes nothing elsewhere', () => {
    let tty = '';
    const p = new Progress((s) => void (tty += s), 3, 'vi');
    p.tick(1);
    p.tick(2); // within 100 ms: not redrawn
    p.tick(3); // the last one always is
    p.end();
    expect(tty.split('\r').filter(Boolean)).toEqual([
      expect.stringMatching(/^Đã đọc 1\/3 tệp/),
      'Đã đọc 3/3 tệp\x1b[K',
      '\x1b[K',
    ]);
    const silent = new Progress(undefined, 3, 'vi');
    expect(() => {
      silent.tick(1);
      silent.end();
    }).not.toThrow();
  });
});
