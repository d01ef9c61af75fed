import { parseIsoDate } from '../../src/deadlines/isoDate';

describe('parseIsoDate', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2025-6-3', '2025-06-03'],
    [' 30/6/2025 ', '2025-06-30'],
    ['05/04/2025', '2025-04-05'],
    ['29/02/2024', '2024-02-29'],
    ['15.12.2025', '2025-12-15'],
  ])('%j → %s', (s, iso) => expect(parseIsoDate(s)).toBe(iso));

  it.each([
    '',
    '2025-02-30',
    '31/02/2025',
    '29/02/2025',
    '2025/06/30',
    '30/6',
    '30/6/25',
    'hôm nay',
    '2025-13-01',
  ])('%j → null', (s) => expect(parseIsoDate(s)).toBeNull());
});
