/**
 * LibreOffice Calc (headless) for the tests that open, recalculate and print the workbooks we generate, and
 * poppler's pdftoppm for a picture of a printed page. In CI both must be there (a missing install is a failure,
 * not a skip); on a developer's machine without them those tests are skipped with a note.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from './engines';

export const haveLibreOffice = which('soffice') && which('pdftoppm');

/** `describe` where LibreOffice and pdftoppm are installed, `describe.skip` (with a note) elsewhere. */
export function describeWithLibreOffice(what: string): jest.Describe {
  if (!haveLibreOffice && process.env.CI)
    throw new Error('LibreOffice (soffice) and pdftoppm are required in CI');
  if (!haveLibreOffice) console.warn(`LibreOffice or pdftoppm not installed: skipping ${what}`);
  return haveLibreOffice ? describe : describe.skip;
}

export interface LibreOfficeWork {
  /** A path in the scratch folder, which is made on first use (a skipped suite leaves nothing behind). */
  path(...parts: string[]): string;
  /** Runs soffice headless with the scratch folder's own profile, from inside that folder. */
  soffice(args: string[]): void;
  /**
   * From now on, formulas of an .xlsx are recalculated when it is opened. LibreOffice's default is to trust
   * the results cached in the file, so a conversion alone would prove nothing about the formulas.
   */
  recalculateOnLoad(): void;
  /** The PDF's first page as `png` (.png added); returns the file written. */
  firstPagePng(pdf: string, png: string): string;
  /** Removes the scratch folder and the profile in it. */
  remove(): void;
}

export function libreOfficeWork(prefix: string): LibreOfficeWork {
  let dir: string | null = null;
  const root = () => (dir ??= mkdtempSync(join(tmpdir(), prefix)));
  const profile = () => join(root(), 'profile');
  const soffice = (args: string[]) => {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile()}`, '--headless', '--norestore', ...args],
      { cwd: root(), stdio: 'ignore', timeout: 180_000 },
    );
  };
  return {
    path: (...parts) => join(root(), ...parts),
    soffice,
    recalculateOnLoad() {
      // A settings file written before the profile exists is replaced when LibreOffice first starts: start it
      // once, then add the setting to the file it made.
      const settings = join(profile(), 'user', 'registrymodifications.xcu');
      if (!existsSync(settings)) soffice(['--terminate_after_init']);
      const item =
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
        '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n';
      const text = readFileSync(settings, 'utf8');
      if (text.includes('OOXMLRecalcMode')) return;
      if (!text.includes('</oor:items>')) throw new Error(`unexpected LibreOffice settings file ${settings}`);
      writeFileSync(settings, text.replace('</oor:items>', `${item}</oor:items>`));
    },
    firstPagePng(pdf, png) {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      return `${png}.png`;
    },
    remove() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
