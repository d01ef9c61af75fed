import { fill, pluralCategory } from '../../src/text/fill';

describe('fill', () => {
  it('puts each parameter in its place and leaves an unknown one visible', () => {
    expect(fill('{file}: {n} lỗi', { file: 'a.xlsx', n: 3 }, 'vi')).toBe('a.xlsx: 3 lỗi');
    expect(fill('Row {row} of {sheet}', { row: 7 }, 'en')).toBe('Row 7 of {sheet}');
  });

  it('picks the plural form by the language’s rules, # standing for the count', () => {
    const errors = '{n, plural, one {# error} other {# errors}} to fix';
    expect([0, 1, 2, 21].map((n) => fill(errors, { n }, 'en'))).toEqual([
      '0 errors to fix',
      '1 error to fix',
      '2 errors to fix',
      '21 errors to fix',
    ]);
    // Vietnamese has one form: "other" always.
    expect(fill('{n, plural, other {# lỗi}}', { n: 1 }, 'vi')).toBe('1 lỗi');
    expect(pluralCategory(1, 'vi')).toBe('other');
    expect(pluralCategory(1, 'en')).toBe('one');
  });

  it('prefers an exact count, and fills parameters inside a form', () => {
    const removed =
      '{n, plural, =0 {Nothing to remove on {sheet}} one {# highlight removed} other {# removed}}';
    expect(fill(removed, { n: 0, sheet: 'Nhiệm vụ' }, 'en')).toBe('Nothing to remove on Nhiệm vụ');
    expect(fill(removed, { n: 1 }, 'en')).toBe('1 highlight removed');
  });

  it('leaves a plural without a number, or a malformed one, as written', () => {
    expect(fill('{n, plural, one {# a} other {# b}}', { n: 'x' }, 'en')).toBe(
      '{n, plural, one {# a} other {# b}}',
    );
    expect(fill('{n, plural, one {# a}', { n: 1 }, 'en')).toBe('{n, plural, one {# a}');
    expect(fill('a { b } {', {}, 'en')).toBe('a { b } {');
  });

  it('does not treat a # in a parameter as the count', () => {
    expect(fill('{n, plural, one {# in {name}} other {# in {name}}}', { n: 2, name: 'Số #5' }, 'en')).toBe(
      '2 in Số #5',
    );
  });
});
