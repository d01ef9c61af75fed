import { memoByText } from '../../src/text/memo';

describe('memoByText', () => {
  it('works each text out once, null and empty results included', () => {
    const calls: string[] = [];
    const lookup = memoByText(16, (t: string) => {
      calls.push(t);
      return t === 'STT' ? null : t.length;
    });
    expect([lookup('STT'), lookup('Nhiệm vụ'), lookup('STT'), lookup('Nhiệm vụ'), lookup('')]).toEqual([
      null,
      8,
      null,
      8,
      0,
    ]);
    lookup('');
    expect(calls).toEqual(['STT', 'Nhiệm vụ', '']);
  });

  it('empties itself at the limit, so unique texts keep memory bounded and answers stay right', () => {
    let calls = 0;
    const upper = memoByText(3, (t: string) => {
      calls++;
      return t.toUpperCase();
    });
    const texts = Array.from({ length: 10 }, (_, i) => `quý ${i}`);
    for (const t of texts) expect(upper(t)).toBe(t.toUpperCase());
    expect(calls).toBe(10);
    // "quý 9" came after the last emptying: still held. "quý 0" went with an earlier one: worked out again.
    upper('quý 9');
    expect(calls).toBe(10);
    upper('quý 0');
    expect(calls).toBe(11);
  });
});
