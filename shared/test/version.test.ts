import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../src/version';

it('is the version package.json gives (bump both together)', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
});
