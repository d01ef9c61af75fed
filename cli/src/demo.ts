import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cliText } from '../../shared/src/words/cli';
import type { Io } from './io';

export const SAMPLE_NAME = 'phu-luc-mau.xlsx';

/** The bundled sample, found both from the sources (cli/src) and from the build (dist/cli/src). */
export function samplePath(): string {
  const candidates = [
    resolve(__dirname, '../sample', SAMPLE_NAME),
    resolve(__dirname, '../../../cli/sample', SAMPLE_NAME),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

/**
 * The whole job on the bundled sample: check it as of mid-October 2025 (the sample's plan year) and write a
 * highlighted copy under out/. Extra arguments (--lang en, --format json) pass through.
 */
export async function runDemo(
  args: string[],
  io: Io,
  validate: (args: string[], io: Io) => Promise<number>,
): Promise<number> {
  const outDir = resolve(process.cwd(), 'out');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, SAMPLE_NAME.replace(/\.xlsx$/, '.checked.xlsx'));
  const code = await validate([samplePath(), '--as-of', '2025-10-15', '--out', out, '--force', ...args], io);
  if (code === 2) return code;
  const en = args.includes('en');
  const shown = relative(process.cwd(), out) || out;
  io.out(`\n${cliText(en ? 'en' : 'vi', 'demoDone', { file: shown, code })}\n`);
  return 0;
}
