import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures, FIXTURE_FILES, renderReadme } from '../fixtures/build-fixtures';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { fixture, tempDir } from './helpers';

// The committed fixtures must be what build-fixtures.ts makes today; rebuilding must give the same bytes.
describe('fixtures are up to date and deterministic', () => {
  const a = tempDir('cchc-fixtures-a-');
  const b = tempDir('cchc-fixtures-b-');
  let readme = '';

  beforeAll(async () => {
    const layouts = await buildFixtures(a);
    await buildFixtures(b);
    readme = renderReadme(layouts);
  });

  test.each(Object.values(FIXTURE_FILES))('%s: committed content matches the builder', async (file) => {
    const [committed, built] = await Promise.all([readWorkbook(fixture(file)), readWorkbook(join(a, file))]);
    expect(committed).toEqual(built);
  });

  test.each(Object.values(FIXTURE_FILES))('%s: two builds give the same bytes', (file) => {
    expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
  });

  test('README.md matches the builder (run: npx tsx cli/test/fixtures/build-fixtures.ts)', () => {
    expect(tableInsensitive(readFileSync(fixture('README.md'), 'utf8'))).toEqual(tableInsensitive(readme));
  });
});

/**
 * The committed README is prettier-formatted (tables padded); the builder's raw text is not. Compare the lines
 * with table padding removed, which is all prettier changes here.
 */
function tableInsensitive(md: string): string[] {
  return md
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^(:?)-+(:?)$/, '$1---$2'))
            .join('|')
        : line.trimEnd(),
    )
    .filter((line) => line !== '');
}
