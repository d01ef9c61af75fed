/** The real workbooks the reader's tests run over: the bundled sample and every .xlsx fixture, by name and path. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'cli/test/fixtures');

export const FIXTURE_WORKBOOKS: [name: string, path: string][] = [
  join(ROOT, 'cli/sample/phu-luc-mau.xlsx'),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
].map((path) => [path.slice(ROOT.length + 1), path]);
